"""Reads .docx files with python-docx, the way another program would read the
forms back, and prints what it finds as JSON: document properties, the body
paragraphs with their styles, and every table as rows of cell texts.

Usage: read_docx.py FILE.docx [...]
"""
import json
import sys

import docx


def read(path):
    d = docx.Document(path)
    props = d.core_properties
    return {
        "title": props.title,
        "subject": props.subject,
        "language": props.language,
        "paragraphs": [{"style": p.style.name, "text": p.text} for p in d.paragraphs],
        "tables": [[[cell.text for cell in row.cells] for row in t.rows] for t in d.tables],
        "sections": [
            {
                "width_mm": round(s.page_width.mm),
                "height_mm": round(s.page_height.mm),
                "left_mm": round(s.left_margin.mm),
                "header": "\n".join(p.text for p in s.header.paragraphs),
            }
            for s in d.sections
        ],
    }


if __name__ == "__main__":
    json.dump({path: read(path) for path in sys.argv[1:]}, sys.stdout, ensure_ascii=False)
