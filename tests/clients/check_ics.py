#!/usr/bin/python3
"""Reads .ics files with the parsers real calendar software builds on.

Usage: check_ics.py FILE...  Prints one JSON object: per file the METHOD,
the events seen by each parser, and any failures; exits 1 if any file failed.

- icalendar (python3-icalendar): Calendar.from_ical, then the components.
- vobject (python3-vobject): readComponents(validate=True) and serialize().
- libical through GObject introspection (gir1.2-ical-3.0): the iTIP
  restriction check (RFC 5546) that Evolution applies to incoming messages;
  reported as unavailable when the typelib cannot be loaded.
"""
import json
import sys

import icalendar
import vobject

try:
    import gi

    gi.require_version("ICalGLib", "3.0")
    from gi.repository import ICalGLib

    LIBICAL = True
except Exception:  # noqa: BLE001 - any import problem means "not available"
    LIBICAL = False


def check_icalendar(text):
    cal = icalendar.Calendar.from_ical(text)
    events = []
    for ev in cal.walk("VEVENT"):
        events.append(
            {
                "uid": str(ev.get("UID")),
                "sequence": int(ev.get("SEQUENCE", 0)),
                "summary": str(ev.get("SUMMARY")),
                "location": str(ev.get("LOCATION")) if ev.get("LOCATION") is not None else None,
                "description": str(ev.get("DESCRIPTION")) if ev.get("DESCRIPTION") is not None else None,
                "dtstart": ev.decoded("DTSTART").isoformat(),
                "dtend": ev.decoded("DTEND").isoformat(),
                "status": str(ev.get("STATUS")),
                "organizer": str(ev.get("ORGANIZER")) if ev.get("ORGANIZER") is not None else None,
                "attendees": [str(a) for a in _list(ev.get("ATTENDEE"))],
                "attendee_cns": [str(a.params.get("CN")) for a in _list(ev.get("ATTENDEE"))],
                "alarms": len(ev.walk("VALARM")),
            }
        )
    return {"method": str(cal.get("METHOD")), "events": events}


def _list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def check_vobject(text):
    comps = list(vobject.readComponents(text, validate=True))
    if len(comps) != 1:
        raise ValueError("expected one VCALENDAR, got %d" % len(comps))
    cal = comps[0]
    # serialize() validates again and would raise on a broken component.
    cal.serialize()
    events = cal.contents.get("vevent", [])
    return {"events": len(events), "summaries": [e.summary.value for e in events]}


def check_libical(text):
    comp = ICalGLib.Component.new_from_string(text)
    if comp is None:
        raise ValueError("libical could not parse the file")
    ok = ICalGLib.restriction_check(comp)
    out = comp.as_ical_string().replace("\r\n ", "").replace("\r\n", "\n")
    errors = [line for line in out.split("\n") if line.startswith("X-LIC-ERROR")]
    return {"ok": bool(ok) and not errors, "errors": errors}


def main(paths):
    report = {"libical": LIBICAL, "files": {}}
    failed = False
    for path in paths:
        with open(path, "rb") as f:
            raw = f.read()
        text = raw.decode("utf-8")
        entry = {}
        for name, fn in (("icalendar", check_icalendar), ("vobject", check_vobject)) + (
            (("libical", check_libical),) if LIBICAL else ()
        ):
            try:
                entry[name] = fn(text)
                if name == "libical" and not entry[name]["ok"]:
                    failed = True
            except Exception as e:  # noqa: BLE001 - report every parser's failure
                entry[name] = {"error": "%s: %s" % (type(e).__name__, e)}
                failed = True
        report["files"][path] = entry
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
