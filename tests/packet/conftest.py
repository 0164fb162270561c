"""Cases for the meeting packet (the sample with a meeting, a long case) and read-back helpers."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest

from planwriter.core.model import (
    Agreement,
    Area,
    Attendee,
    ChosenAccommodation,
    Criterion,
    DeliveryMethod,
    Exhibit,
    FamilyQuestion,
    Goal,
    LogEntry,
    Meeting,
    MeetingKind,
    Objective,
    Profile,
)

TODAY = dt.date(2026, 11, 28)
MEETING = dt.date(2027, 1, 12)


def with_meeting(case):
    """The sample case with the packet's own details filled in, as a family would before a meeting."""
    case.meeting = Meeting(
        date=MEETING, time="3:30 pm", place="Maple Grove Elementary, room 12", kind=MeetingKind.REVIEW_504,
        agenda=["Introductions", "Evaluation results", "Accommodations"],
        attendees=[Attendee(name="Dana Park", role="Teacher")],
    )
    case.profile = Profile(
        about="Alex is a curious eight-year-old who loves to build things.",
        interests=["Building sets", "Dinosaurs"],
        what_helps=["Short breaks between tasks"],
        what_does_not_help=["Reading aloud in front of the class"],
        vision="We want Alex to enjoy reading again and to believe he can learn.",
    )
    case.family_questions = [FamilyQuestion(topic="Reading", text="Which reading program will Alex use?")]
    case.exhibits = [Exhibit(title="Private evaluation", date=dt.date(2026, 8, 20), description="Scores")]
    case.school_goals = "Alex will improve his reading fluency with 80% accuracy."
    case.key_dates.annual_review_date = dt.date(2026, 11, 1)
    case.correspondence = [LogEntry(
        id="log1", date=dt.date(2026, 10, 5), title="Request for records", recipient="Dr. Whitfield",
        delivery_method=DeliveryMethod.EMAIL, response_due=dt.date(2026, 11, 4), template_id="records",
    )]
    case.agreements = [Agreement(what="Start a reading intervention", who="Ms. Park", by_when=dt.date(2027, 2, 1))]
    return case


def long_case(case):
    """20 goals, 60 accommodations, 30 log entries and 10 exhibits (the speed budget's case)."""
    case = with_meeting(case)
    case.goals = [
        Goal(area=Area.READING, behavior=f"read {n} more words aloud", condition="given a grade 3 passage",
             criterion=Criterion(target_value=str(40 + n), unit="words correct per minute",
                                 consistency="on 3 of 4 probes"),
             timeframe_date=dt.date(2027, 6, 1),
             objectives=[Objective(text=f"Step {k} toward goal {n}") for k in range(1, 4)])
        for n in range(1, 21)
    ]
    case.accommodations = [
        ChosenAccommodation(text=f"Accommodation number {n}", category="Presentation" if n % 2 else "Setting",
                            reason=f"Reason {n}")
        for n in range(1, 61)
    ]
    case.correspondence = [
        LogEntry(date=dt.date(2026, 9, 1) + dt.timedelta(days=n), title=f"Letter {n}", recipient="Office",
                 delivery_method=DeliveryMethod.EMAIL, response_due=dt.date(2026, 10, 1) + dt.timedelta(days=n))
        for n in range(30)
    ]
    case.exhibits = [Exhibit(title=f"Report {n}", date=dt.date(2026, 1, 1) + dt.timedelta(days=n))
                     for n in range(1, 11)]
    return case


@pytest.fixture
def packet_case(sample_case):
    return with_meeting(sample_case)


def read(data_or_path) -> docx.document.Document:
    if isinstance(data_or_path, bytes):
        return docx.Document(io.BytesIO(data_or_path))
    return docx.Document(str(data_or_path))


def headings(doc) -> list[tuple[str, str]]:
    """(style name, text) of every heading and the title, in order."""
    return [(p.style.name, p.text) for p in doc.paragraphs
            if p.style.name == "Title" or p.style.name.startswith("Heading")]


def part_headings(doc) -> list[str]:
    return [text for style, text in headings(doc) if style == "Heading 1"]


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)
