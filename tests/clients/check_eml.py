#!/usr/bin/python3
"""Reads e-mail messages with Python's email package, as a mail client would.

Usage: check_eml.py FILE...  Prints one JSON object: per file the decoded
headers, the MIME tree, the text and HTML bodies, every text/calendar part
(with its method= and charset= parameters and decoded content) and the
attachments. Writes each calendar part to FILE.partN.ics for the iCalendar
checkers. Exits 1 if a file cannot be parsed or has defects.
"""
import email
import email.policy
import json
import sys


def tree(part):
    if part.is_multipart():
        return {"type": part.get_content_type(), "parts": [tree(p) for p in part.iter_parts()]}
    return {"type": part.get_content_type(), "disposition": part.get_content_disposition(), "filename": part.get_filename()}


def main(paths):
    report = {}
    failed = False
    for path in paths:
        with open(path, "rb") as f:
            msg = email.message_from_bytes(f.read(), policy=email.policy.default)
        entry = {
            "from": str(msg["From"]),
            "to": str(msg["To"]),
            "to_count": len(msg["To"].addresses) if msg["To"] else 0,
            "cc": msg["Cc"],
            "bcc": msg["Bcc"],
            "subject": str(msg["Subject"]),
            "message_id": str(msg["Message-ID"]),
            "date": str(msg["Date"]),
            "x_unsent": msg["X-Unsent"],
            "tree": tree(msg),
            "defects": [type(d).__name__ for d in msg.defects],
            "calendars": [],
            "attachments": [],
        }
        text = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
        entry["text"] = text.get_content() if text else None
        entry["html"] = html.get_content() if html else None
        n = 0
        for part in msg.walk():
            entry["defects"] += [type(d).__name__ for d in part.defects]
            if part.is_multipart():
                continue
            ctype = part.get_content_type()
            if ctype == "text/calendar":
                n += 1
                content = part.get_content()
                out = "%s.part%d.ics" % (path, n)
                with open(out, "w", encoding="utf-8", newline="") as f:
                    f.write(content)
                entry["calendars"].append({
                    "method_param": part.get_param("method"),
                    "charset": part.get_content_charset(),
                    "file": out,
                    "content": content,
                })
            if part.get_content_disposition() == "attachment":
                payload = part.get_payload(decode=True)
                entry["attachments"].append({"type": ctype, "filename": part.get_filename(), "content": payload.decode("utf-8")})
        if entry["defects"]:
            failed = True
        report[path] = entry
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
