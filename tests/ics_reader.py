"""An independent, minimal RFC 5545 reader run in a separate process by the calendar tests.

It shares no code with `icalendar` or Écoute: it unfolds lines, splits properties and
parameters, unescapes text, and resolves a TZID through the file's own VTIMEZONE
(yearly BYMONTH/BYDAY=-1SU rules, as calendar clients do) to a UTC instant.
Usage: python ics_reader.py FILE.ics  → JSON on stdout.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta


def unfold(text: str) -> list[str]:
    lines: list[str] = []
    for raw in text.split("\r\n"):
        if raw.startswith((" ", "\t")) and lines:
            lines[-1] += raw[1:]
        elif raw:
            lines.append(raw)
    return lines


def split_property(line: str) -> tuple[str, dict[str, str], str]:
    head, _, value = line.partition(":")
    name, *params = head.split(";")
    return name.upper(), dict(p.split("=", 1) for p in params), value


def unescape(value: str) -> str:
    return (
        value.replace("\\n", "\n").replace("\\N", "\n").replace("\\,", ",").replace("\\;", ";")
    ).replace("\\\\", "\\")


def parse(text: str) -> dict:
    stack: list[dict] = [{"name": "ROOT", "props": [], "children": []}]
    for line in unfold(text):
        name, params, value = split_property(line)
        if name == "BEGIN":
            node = {"name": value.upper(), "props": [], "children": []}
            stack[-1]["children"].append(node)
            stack.append(node)
        elif name == "END":
            if stack[-1]["name"] != value.upper():
                raise SystemExit(f"unbalanced END:{value}")
            stack.pop()
        else:
            stack[-1]["props"].append((name, params, value))
    if len(stack) != 1:
        raise SystemExit("unterminated component")
    return stack[0]


def prop(node: dict, name: str) -> tuple[dict[str, str], str] | None:
    for key, params, value in node["props"]:
        if key == name:
            return params, value
    return None


def offset(text: str) -> timedelta:
    sign = -1 if text[0] == "-" else 1
    return sign * timedelta(hours=int(text[1:3]), minutes=int(text[3:5]))


def last_sunday(year: int, month: int, at: datetime) -> datetime:
    day = datetime(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    while day.weekday() != 6:
        day -= timedelta(days=1)
    return day.replace(hour=at.hour, minute=at.minute)


def utc_of(local: datetime, zone: dict) -> datetime:
    """UTC instant of a local time under a VTIMEZONE of yearly last-Sunday rules."""
    rules = []
    for part in zone["children"]:
        start = datetime.strptime(prop(part, "DTSTART")[1], "%Y%m%dT%H%M%S")
        rrule = dict(kv.split("=") for kv in prop(part, "RRULE")[1].split(";"))
        if rrule.get("FREQ") != "YEARLY" or rrule.get("BYDAY") != "-1SU":
            raise SystemExit("unsupported VTIMEZONE rule")
        onset = last_sunday(local.year, int(rrule["BYMONTH"]), start)
        rules.append(
            (onset, offset(prop(part, "TZOFFSETFROM")[1]), offset(prop(part, "TZOFFSETTO")[1]))
        )
    rules.sort()
    current = rules[-1][2]  # before the first change of the year: last rule of last year
    for onset, _, to in rules:
        if local >= onset:
            current = to
    return (local - current).replace(tzinfo=UTC)


def main(path: str) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        root = parse(handle.read())
    (calendar,) = root["children"]
    zones = {prop(z, "TZID")[1]: z for z in calendar["children"] if z["name"] == "VTIMEZONE"}
    events = []
    for event in (c for c in calendar["children"] if c["name"] == "VEVENT"):
        params, value = prop(event, "DTSTART")
        if value.endswith("Z"):
            start_utc = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            local = None
        else:
            local = datetime.strptime(value, "%Y%m%dT%H%M%S")
            start_utc = utc_of(local, zones[params["TZID"]])
        names = {name for name, _, _ in event["props"]}
        events.append(
            {
                "uid": prop(event, "UID")[1],
                "sequence": int(prop(event, "SEQUENCE")[1]),
                "status": prop(event, "STATUS")[1],
                "tzid": params.get("TZID"),
                "local": local.isoformat() if local else None,
                "utc": start_utc.isoformat(),
                "summary": unescape(prop(event, "SUMMARY")[1]),
                "description": unescape((prop(event, "DESCRIPTION") or ({}, ""))[1]),
                "has_dtstamp": "DTSTAMP" in names,
                "has_organizer": "ORGANIZER" in names or "ATTENDEE" in names,
            }
        )
    print(
        json.dumps(
            {
                "method": prop(calendar, "METHOD")[1],
                "version": prop(calendar, "VERSION")[1],
                "timezones": sorted(zones),
                "events": events,
                "icalendar_loaded": "icalendar" in sys.modules,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
