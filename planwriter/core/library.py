"""The case library: every case file in a folder (and its subfolders), listed from a small index.

An advocate keeps many families in one folder. Reading every case in full on each start would be
slow, so :func:`scan` keeps an index (JSON, in the app-data folder) keyed by the file's path, with
the file's modification time and size. A file whose time and size are unchanged is listed from the
index; any other file is read again. Case files are only ever read here, never written: a file that
cannot be read is listed with its problem.

Dates come from :func:`planwriter.core.keydates.key_dates` (the one list of a case's key dates);
this module only stores and filters them. Because "overdue" depends on the day, an entry remembers
the day it was worked out for and is read again on another day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from planwriter import __version__
from planwriter.core.atomic import atomic_write_bytes

log = logging.getLogger(__name__)

EXTENSION = ".pwcase"
INDEX_NAME = "library-index.json"
#: Bumped when the shape of an index entry changes; an index of another format is rebuilt.
INDEX_FORMAT = 2

PLAN_LABELS = {"none": "No plan yet", "evaluating": "Being evaluated", "iep": "IEP", "504": "504 plan"}


@dataclass
class CaseDate:
    """One key date of a listed case, as :func:`key_dates` gave it (``date`` is ISO ``YYYY-MM-DD``)."""

    date: str
    title: str
    kind: str
    rule: str = ""
    source: str = ""
    estimate: bool = False
    estimate_reason: str = ""
    state_rule: bool = False
    done: bool = False
    overdue: bool = False


@dataclass
class CaseSummary:
    """What the library shows for one case file.

    ``path`` is absolute; ``changed`` is the file's modification time (seconds since the epoch);
    ``problem`` is the one-line reason a file could not be read ("" when it was read). ``dates``
    holds every key date, judged against ``day`` (ISO date).
    """

    path: str
    mtime_ns: int = 0
    size: int = 0
    day: str = ""
    child: str = ""
    school: str = ""
    district: str = ""
    state: str = ""
    plan: str = ""
    sender_profile: str = ""
    last_letter_date: str = ""
    last_letter_title: str = ""
    dates: list[CaseDate] = field(default_factory=list)
    problem: str = ""

    # -- derived -----------------------------------------------------------------------------

    @property
    def name(self) -> str:
        """The child's name, else the file name (a broken file has no child to show)."""
        return self.child or Path(self.path).stem

    @property
    def plan_label(self) -> str:
        return PLAN_LABELS.get(self.plan, self.plan)

    @property
    def changed(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.mtime_ns / 1e9)

    @property
    def overdue(self) -> int:
        return sum(1 for d in self.dates if d.overdue)

    def next_date(self) -> CaseDate | None:
        """The first key date on or after the day of the listing that still needs something."""
        for d in self.dates:
            if not d.done and d.date >= self.day:
                return d
        return None

    def as_json(self) -> dict[str, Any]:
        nxt = self.next_date()
        return {
            "path": self.path,
            "child": self.child,
            "school": self.school,
            "district": self.district,
            "state": self.state,
            "plan": self.plan,
            "next_date": nxt.date if nxt else None,
            "next_title": nxt.title if nxt else None,
            "overdue": self.overdue,
            "last_letter_date": self.last_letter_date or None,
            "last_letter_title": self.last_letter_title or None,
            "last_changed": self.changed.isoformat(timespec="seconds"),
            "sender_profile": self.sender_profile or None,
            "problem": self.problem or None,
        }

    def search_text(self) -> str:
        nxt = self.next_date()
        parts = [self.child, self.school, self.district, self.state, self.plan, self.plan_label,
                 self.last_letter_title, self.last_letter_date, self.problem, Path(self.path).name,
                 nxt.date if nxt else "", nxt.title if nxt else ""]
        return " ".join(parts).casefold()


# --------------------------------------------------------------------------- reading one case


def summarize_file(path: Path, today: dt.date, mtime_ns: int = 0, size: int = 0) -> CaseSummary:
    """Read one case file (never writing it) and summarize it; a problem is kept, not raised."""
    from planwriter.core import casefile
    from planwriter.core.keydates import key_dates

    summary = CaseSummary(path=str(path), mtime_ns=mtime_ns, size=size, day=today.isoformat())
    try:
        case = casefile.load(path)
    except casefile.CaseFileError as error:
        summary.problem = str(error)
        return summary
    except Exception as error:  # one odd file never stops the listing
        log.warning("A case file could not be summarized (%s)", type(error).__name__)
        summary.problem = f"This file could not be read ({type(error).__name__})."
        return summary
    child = case.child
    summary.child = child.short_name or child.full_legal_name
    summary.school = child.school
    summary.district = child.district
    summary.state = child.state
    summary.plan = case.plan_status.value
    summary.sender_profile = getattr(case, "sender_profile_id", "") or ""
    sent = [e for e in case.correspondence if e.date is not None]
    if sent:
        last = max(sent, key=lambda e: e.date)
        summary.last_letter_date = last.date.isoformat()
        summary.last_letter_title = last.title
    for kd in key_dates(case, today):
        summary.dates.append(CaseDate(
            date=kd.date.isoformat(), title=kd.title, kind=str(kd.kind.value), rule=kd.rule,
            source=kd.source, estimate=kd.estimate, estimate_reason=kd.estimate_reason,
            state_rule=kd.state_rule, done=kd.done, overdue=kd.overdue,
        ))
    return summary


def _from_json(data: dict[str, Any]) -> CaseSummary:
    data = dict(data)
    data["dates"] = [CaseDate(**d) for d in data.get("dates", [])]
    return CaseSummary(**data)


# --------------------------------------------------------------------------- the index


def find_case_files(folder: Path) -> list[tuple[Path, int, int]]:
    """Every ``*.pwcase`` under ``folder`` (hidden folders skipped): ``(path, mtime_ns, size)``."""
    found: list[tuple[Path, int, int]] = []
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.name.lower().endswith(EXTENSION) and entry.is_file():
                    st = entry.stat()
                    found.append((Path(entry.path), st.st_mtime_ns, st.st_size))
            except OSError:
                continue
    found.sort(key=lambda item: str(item[0]).casefold())
    return found


def _version() -> str:
    """The planwriter and case-format versions the index was made with (another one rebuilds it)."""
    from planwriter.core.model import SCHEMA_VERSION

    return f"{__version__}/{SCHEMA_VERSION}"


class Library:
    """The cases of one folder, listed through the index kept in ``data_dir``.

    ``Library(folder, data_dir).scan(today)`` returns one :class:`CaseSummary` per case file,
    sorted by path. ``data_dir=None`` keeps no index (every file is read).
    """

    def __init__(self, folder: str | os.PathLike[str], data_dir: str | os.PathLike[str] | None) -> None:
        self.folder = Path(folder).resolve()
        self.index_path = Path(data_dir) / INDEX_NAME if data_dir is not None else None
        self.read_count = 0  # files read in full by the last scan (the rest came from the index)

    def _load_index(self) -> dict[str, dict[str, Any]]:
        if self.index_path is None:
            return {}
        try:
            data = json.loads(self.index_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.warning("The case library index could not be read; it will be rebuilt")
            return {}
        if not isinstance(data, dict) or data.get("format") != INDEX_FORMAT or data.get("version") != _version():
            return {}  # another format, or another planwriter whose dates may differ
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def _save_index(self, entries: dict[str, dict[str, Any]]) -> None:
        if self.index_path is None:
            return
        data = {"format": INDEX_FORMAT, "version": _version(), "entries": entries}
        try:
            self.index_path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.index_path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        except OSError:
            log.warning("The case library index could not be saved")

    def scan(self, today: dt.date | None = None) -> list[CaseSummary]:
        """List every case file under the folder; files unchanged since the last scan come from the index."""
        today = today or dt.date.today()
        day = today.isoformat()
        entries = self._load_index()
        prefix = str(self.folder) + os.sep
        out: list[CaseSummary] = []
        seen: set[str] = set()
        changed = False
        self.read_count = 0
        for path, mtime_ns, size in find_case_files(self.folder):
            key = str(path)
            seen.add(key)
            cached = entries.get(key)
            summary = None
            if (cached and cached.get("mtime_ns") == mtime_ns and cached.get("size") == size
                    and cached.get("day") == day):
                try:
                    summary = _from_json(cached)
                except (TypeError, ValueError):
                    summary = None
            if summary is None:
                summary = summarize_file(path, today, mtime_ns, size)
                self.read_count += 1
                entries[key] = asdict(summary)
                changed = True
            out.append(summary)
        for key in [k for k in entries if k.startswith(prefix) and k not in seen]:
            del entries[key]  # the file was moved or deleted
            changed = True
        if changed:
            self._save_index(entries)
        return out


def scan(folder: str | os.PathLike[str], data_dir: str | os.PathLike[str] | None,
         today: dt.date | None = None) -> list[CaseSummary]:
    """Shortcut for ``Library(folder, data_dir).scan(today)``."""
    return Library(folder, data_dir).scan(today)


# --------------------------------------------------------------------------- search and order


def search(summaries: Iterable[CaseSummary], text: str) -> list[CaseSummary]:
    """The cases whose child, school, state, plan, dates, last letter, problem or file name hold
    every word of ``text`` (case-insensitive)."""
    words = text.casefold().split()
    return [s for s in summaries if all(w in s.search_text() for w in words)]


def by_next_date(summaries: Iterable[CaseSummary]) -> list[CaseSummary]:
    """Cases with something overdue first, then by next date; cases with no date, then problems, last."""
    def key(s: CaseSummary) -> tuple[int, str, str]:
        if s.problem:
            return (3, "", s.name.casefold())
        nxt = s.next_date()
        if s.overdue:
            return (0, nxt.date if nxt else "9999", s.name.casefold())
        if nxt:
            return (1, nxt.date, s.name.casefold())
        return (2, "", s.name.casefold())

    return sorted(summaries, key=key)


# --------------------------------------------------------------------------- what is due


def unreadable(summaries: Iterable[CaseSummary]) -> list[CaseSummary]:
    """The cases that could not be read: their key dates are unknown, so no list of what is due has them."""
    return [s for s in summaries if s.problem]


def unreadable_note(count: int) -> str:
    """One line for a list of what is due that is missing the dates of ``count`` unreadable cases ("" for 0)."""
    if count <= 0:
        return ""
    cases = "1 case" if count == 1 else f"{count} cases"
    return (f"{cases} could not be read, so {'its' if count == 1 else 'their'} dates are missing from this list; "
            "the list of all cases says why.")


@dataclass(frozen=True)
class DueItem:
    """One key date that needs attention: overdue, or due within the window asked for."""

    path: str
    child: str
    date: dt.date
    title: str
    kind: str
    overdue: bool
    estimate: bool = False
    rule: str = ""
    source: str = ""
    estimate_reason: str = ""
    state_rule: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "child": self.child, "date": self.date.isoformat(), "title": self.title,
                "kind": self.kind, "overdue": self.overdue, "estimate": self.estimate,
                "estimate_reason": self.estimate_reason, "rule": self.rule, "source": self.source,
                "state_rule": self.state_rule}


def due_items(summaries: Iterable[CaseSummary], today: dt.date, within_days: int) -> list[DueItem]:
    """Everything overdue, and every key date from ``today`` to ``today + within_days`` (inclusive)
    that still needs something, across the cases; overdue first, then by date.

    Overdue is as :func:`key_dates` judged it for the day of the listing (pass summaries scanned
    for ``today``). Raises ``ValueError`` for a negative number of days.
    """
    if within_days < 0:
        raise ValueError("The number of days cannot be negative")
    end = today + dt.timedelta(days=within_days)
    out: list[DueItem] = []
    for s in summaries:
        for d in s.dates:
            when = dt.date.fromisoformat(d.date)
            if d.done:
                continue
            if d.overdue or today <= when <= end:
                out.append(DueItem(path=s.path, child=s.name, date=when, title=d.title, kind=d.kind,
                                   overdue=d.overdue, estimate=d.estimate, rule=d.rule, source=d.source,
                                   estimate_reason=d.estimate_reason, state_rule=d.state_rule))
    out.sort(key=lambda i: (not i.overdue, i.date, i.child.casefold(), i.title))
    return out


def calendar_words(language: str = "en") -> dict[str, str]:
    """The words of the exported calendar, from ``templates/<language>/library/words.toml`` (English
    when the language has none)."""
    import tomllib

    from planwriter.core.paths import templates_dir

    path = templates_dir() / language / "library" / "words.toml"
    if not path.is_file():
        path = templates_dir() / "en" / "library" / "words.toml"
    with path.open("rb") as handle:
        return tomllib.load(handle)


def due_calendar(items: Iterable[DueItem], *, stamp: dt.datetime | None = None, language: str = "en") -> bytes:
    """An iCalendar (``.ics``) file with one all-day event per item; the same item always gets the same UID."""
    from icalendar import Calendar

    from planwriter.core.calendar_ics import all_day_event

    words = calendar_words(language)
    stamp = stamp or dt.datetime.now(dt.UTC)
    cal = Calendar()
    cal.add("prodid", "-//planwriter//case library//EN")
    cal.add("version", "2.0")
    for item in items:
        uid = hashlib.sha256(f"{item.path}|{item.kind}|{item.title}|{item.date}".encode()).hexdigest()[:24]
        summary = words["summary_overdue"] if item.overdue else words["summary"]
        lines = []
        if item.rule:
            lines.append(item.rule)
        if item.estimate:
            lines.append(words["estimate"] + (f" {item.estimate_reason}" if item.estimate_reason else ""))
        if item.source:
            rule = words["state_rule"] if item.state_rule else words["federal_rule"]
            lines.append(words["source"].format(source=item.source, rule=rule))
        lines.append(words["case_file"].format(path=item.path))
        cal.add_component(all_day_event(f"{uid}@planwriter", item.date,
                                        summary.format(child=item.child, title=item.title), "\n".join(lines), stamp))
    return cal.to_ical()
