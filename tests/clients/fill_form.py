"""Fills a refleks form the way a person does in Word: ticks checkboxes and
types into the content controls, then saves with python-docx. The answers
come as JSON, {tag: true|false|"text"}; a tag the form does not have is an
error, so a test cannot fill a field that is not there.

Usage: fill_form.py IN.docx OUT.docx '{"oppmote-1-1": true, "praksis": "..."}'
       fill_form.py --plain OUT.docx     (a Word file that is not a refleks form)
"""
import json
import sys

import docx
from docx.oxml.ns import qn

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def q14(name):
    return "{%s}%s" % (W14, name)


def fill(src, dst, answers):
    d = docx.Document(src)
    seen = set()
    for sdt in d.element.body.iter(qn("w:sdt")):
        pr = sdt.find(qn("w:sdtPr"))
        tag = pr.find(qn("w:tag"))
        if tag is None or tag.get(qn("w:val")) not in answers:
            continue
        key = tag.get(qn("w:val"))
        seen.add(key)
        value = answers[key]
        if isinstance(value, dict):
            # A field someone changed by hand: a new tag, then the value.
            tag.set(qn("w:val"), value["tag"])
            value = value["value"]
        content = sdt.find(qn("w:sdtContent"))
        texts = list(content.iter(qn("w:t")))
        box = pr.find(q14("checkbox"))
        if box is not None:
            box.find(q14("checked")).set(q14("val"), "1" if value else "0")
            texts[0].text = "\u2612" if value else "\u2610"
            continue
        plc = pr.find(qn("w:showingPlcHdr"))
        if plc is not None:
            pr.remove(plc)
        texts[0].text = str(value)
        for extra in texts[1:]:
            extra.text = ""
        # Typed text is in the document's colour, not the placeholder grey.
        for run in content.iter(qn("w:r")):
            rpr = run.find(qn("w:rPr"))
            if rpr is not None and rpr.find(qn("w:color")) is not None:
                rpr.remove(rpr.find(qn("w:color")))
    missing = set(answers) - seen
    if missing:
        sys.exit("no such fields in %s: %s" % (src, ", ".join(sorted(missing))))
    d.save(dst)


if __name__ == "__main__":
    if sys.argv[1] == "--plain":
        d = docx.Document()
        d.add_heading("Referat fra personalmøte", 1)
        d.add_paragraph("Ikke et skjema fra refleks.")
        d.save(sys.argv[2])
        sys.exit(0)
    fill(sys.argv[1], sys.argv[2], json.loads(sys.argv[3]))
