"""School calendars in and key dates out as .ics files (RFC 5545, with the icalendar library)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from pydantic import ValidationError

from planwriter.core.model import SchoolCalendar

_ONE = dt.timedelta(days=1)


class CalendarImportError(ValueError):
    """An .ics file that cannot be read as a school calendar; ``str()`` is one line for the user."""


_BREAK_WORDS = ("break", "vacation", "recess", "holiday", "no school", "closed", "day off", "days off",
                "no classes", "non-student", "no students", "teacher work", "staff development",
                "professional development", "furlough", "inservice", "in-service")
#: Holidays that close schools, recognised by name even when the event does not say "no school".
_HOLIDAY_NAMES = ("labor day", "veterans day", "thanksgiving", "christmas", "new year", "martin luther king",
                  "mlk", "presidents day", "presidents' day", "president's day", "memorial day", "juneteenth",
                  "independence day", "indigenous peoples", "columbus day", "cesar chavez", "good friday")
#: Days with school for students, even if the name mentions a holiday ("Thanksgiving lunch, early release").
_SCHOOL_DAY_WORDS = ("early release", "early dismissal", "half day", "minimum day", "late start", "lunch",
                     "feast", "assembly", "spirit")
_FIRST_WORDS = ("first day of school", "first day for students", "first day of classes", "school begins",
                "school starts", "classes begin", "first student day")
_LAST_WORDS = ("last day of school", "last day for students", "last day of classes", "school ends",
               "last student day")


def import_ics(data: bytes, *, source: str = "") -> SchoolCalendar:
    """Read a district calendar (.ics bytes) into a :class:`SchoolCalendar`.

    All-day events whose name says there is no school (break, vacation, holiday, no school, staff
    development…) become days off; "first day of school" / "last day of school" set the year. Timed
    events (meetings, games) are ignored. Raises :class:`CalendarImportError` for a file that is
    not a calendar or holds no usable day.
    """
    import icalendar

    try:
        cal = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as error:
        raise CalendarImportError(f"This file is not a calendar planwriter can read ({error})") from None
    from planwriter.core.model import DayOff, DayOffKind

    days_off: list[DayOff] = []
    first: dt.date | None = None
    last: dt.date | None = None
    for event in cal.walk("VEVENT"):
        start = event.get("DTSTART")
        if start is None:
            continue
        begin = start.dt
        if isinstance(begin, dt.datetime):
            continue  # a timed event is not a day without school
        end_prop = event.get("DTEND")
        if end_prop is not None and isinstance(end_prop.dt, dt.date) and not isinstance(end_prop.dt, dt.datetime):
            end = end_prop.dt - _ONE  # DTEND of an all-day event is the day after (RFC 5545)
        elif event.get("DURATION") is not None:
            end = begin + event.get("DURATION").dt - _ONE
        else:
            end = begin
        end = max(end, begin)
        name = str(event.get("SUMMARY", "")).strip()
        low = name.lower()
        if any(w in low for w in _FIRST_WORDS):
            first = begin if first is None else min(first, begin)
            continue
        if any(w in low for w in _LAST_WORDS):
            last = end if last is None else max(last, end)
            continue
        no_school = any(w in low for w in _BREAK_WORDS) or any(w in low for w in _HOLIDAY_NAMES)
        if no_school and any(w in low for w in _SCHOOL_DAY_WORDS) and "no school" not in low:
            continue
        if no_school:
            kind = DayOffKind.BREAK if (end - begin).days >= 2 or "break" in low or "vacation" in low \
                else DayOffKind.HOLIDAY
            days_off.append(DayOff(start=begin, end=end, name=name[:120], kind=kind))
    if first is None and last is None and not days_off:
        raise CalendarImportError("This calendar has no first or last day of school and no breaks or "
                                  "holidays that planwriter recognises")
    days_off.sort(key=lambda d: (d.start, d.end))
    try:
        return SchoolCalendar(first_day=first, last_day=last, days_off=days_off, source=source[:200])
    except ValidationError:
        raise CalendarImportError("In this calendar the last day of school comes before the first day") from None


# --------------------------------------------------------------------------- .ics export


def export_ics(dates: Iterable[object], *, calendar_name: str, today: dt.date | None = None) -> bytes:
    """Key dates (:class:`planwriter.core.keydates.KeyDate`) as an .ics calendar of all-day events.

    Each event's description carries how the date was worked out and its legal basis (and says
    when the date is only an estimate). UIDs are stable, so importing the file again updates the
    events instead of duplicating them.
    """
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//planwriter//key dates//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calendar_name)
    stamp = dt.datetime.combine(today or dt.date.today(), dt.time(0, 0), tzinfo=dt.UTC)
    for item in dates:
        date: dt.date = item.date  # type: ignore[attr-defined]
        title: str = item.title  # type: ignore[attr-defined]
        kind = getattr(item, "kind", "")
        digest = hashlib.sha1(f"{kind}|{title}|{getattr(item, 'log_entry_id', '')}".encode()).hexdigest()[:16]
        cal.add_component(all_day_event(f"{digest}-{date.isoformat()}@planwriter", date, title, describe(item),
                                        stamp))
    return cal.to_ical()


def all_day_event(uid: str, date: dt.date, summary: str, description: str, stamp: dt.datetime):
    """One all-day event that does not mark the time as busy (an ``icalendar.Event``)."""
    import icalendar

    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", date)
    event.add("dtend", date + _ONE)
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def describe(item: object) -> str:
    """The description of one key date: its rule, legal basis, and whether it is an estimate."""
    parts: list[str] = []
    rule = getattr(item, "rule", "")
    source = getattr(item, "source", "")
    if rule:
        parts.append(f"How it was worked out: {rule}.")
    if source:
        label = "state rule" if getattr(item, "state_rule", False) else "federal rule"
        parts.append(f"Legal basis ({label}): {source}.")
    if not rule and not source:
        parts.append("A date entered in planwriter.")
    if getattr(item, "estimate", False):
        parts.append(f"This date is an estimate: {getattr(item, 'estimate_reason', '')}.")
    if getattr(item, "done", False):
        parts.append("Done.")
    parts.append("planwriter drafts documents; it is not legal advice.")
    return " ".join(parts)
