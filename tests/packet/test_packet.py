"""The meeting packet read back from Word: parts, order, headings, tables, running header, gaps."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planwriter.core.model import (
    Agreement,
    Case,
    Exhibit,
    FamilyQuestion,
    Meeting,
    PacketPart,
    PacketPartChoice,
    Profile,
)
from planwriter.render.docx_check import check_docx
from planwriter.render.packet import (
    PartsError,
    build_packet,
    packet_bytes,
    packet_words,
    parse_parts,
    part_title,
    write_packet,
)

from .conftest import TODAY, all_text, headings, long_case, part_headings, read

ALL = list(PacketPart)
AFTER_COVER = [p for p in ALL if p != PacketPart.COVER]


def _doc(case, parts=None, **kwargs):
    return read(packet_bytes(build_packet(case, parts=parts, today=TODAY), **kwargs))


def test_it_has_every_part_in_order_each_on_a_new_page(packet_case):
    doc = _doc(packet_case)
    assert doc.paragraphs[0].style.name == "Title"
    assert doc.paragraphs[0].text == packet_words()["packet_title"]
    titles = part_headings(doc)
    # "About my child" carries the child's name after its title.
    assert [t.split(":")[0] for t in titles] == [part_title(p) for p in AFTER_COVER]
    for paragraph in doc.paragraphs:
        if paragraph.style.name == "Heading 1":
            assert paragraph.paragraph_format.page_break_before, paragraph.text
    # No paragraph exists only to hold a page break.
    assert not any(p.text == "" and "w:br" in p._p.xml for p in doc.paragraphs)


def test_it_lists_the_parts_on_the_cover_as_plain_text(packet_case):
    doc = _doc(packet_case)
    contents = [p.text for p in doc.paragraphs if p.style.name == "List Number"][: len(AFTER_COVER)]
    assert contents == [part_title(p) for p in AFTER_COVER]
    text = all_text(doc)
    for expected in ("January 12, 2027", "3:30 pm", "Maple Grove Elementary, room 12", "Section 504 plan review",
                     "Alexander James Rivera", "Prepared on November 28, 2026"):
        assert expected in text


def test_it_keeps_heading_levels_in_order(packet_case):
    levels = [0 if style == "Title" else int(style.split()[-1]) for style, _ in headings(_doc(packet_case))]
    assert levels[0] == 0
    for before, after in itertools.pairwise(levels):
        assert after <= max(before, 1) + 1


def test_it_puts_the_child_the_meeting_and_page_numbers_on_every_page_after_the_cover(packet_case):
    doc = _doc(packet_case)
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    header = section.header.paragraphs[0].text
    assert "Alex Rivera" in header and "January 12, 2027" in header
    footer = section.footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert "Page" in section.footer.paragraphs[0].text
    assert all(not p.text for p in section.first_page_header.paragraphs)


def test_it_says_when_the_meeting_date_is_not_set(sample_case):
    sample_case.meeting.date = None
    sample_case.key_dates.next_meeting_date = None
    doc = _doc(sample_case)
    assert packet_words()["meeting_not_set"] in doc.sections[0].header.paragraphs[0].text


def test_it_writes_the_tables_with_header_rows(packet_case):
    doc = _doc(packet_case)
    headers = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert ["Area", "Measure", "Value", "Date", "Source"] in headers
    assert ["Sent", "Letter", "To", "How", "Answer due", "Answer received"] in headers
    assert ["What we agreed", "Who", "By when"] in headers
    for table in doc.tables:
        assert "w:tblHeader" in table.rows[0]._tr.xml
    levels = next(t for t in doc.tables if t.rows[0].cells[0].text == "Area")
    assert [c.text for c in levels.rows[1].cells][:3] == ["Reading", "words correct per minute", "42"]


def test_it_marks_overdue_dates_and_asks_about_unanswered_letters(packet_case):
    doc = _doc(packet_case)
    dates = next(t for t in doc.tables if [c.text for c in t.rows[0].cells][:2] == ["Date", "What"])
    rows = {r.cells[1].text: r.cells[2].text for r in dates.rows[1:]}
    assert rows["Annual review due"] == "OVERDUE"
    assert rows["Answer due: Request for records"] == "OVERDUE"
    text = all_text(doc)
    assert "We sent “Request for records” on October 5, 2026 to Dr. Whitfield" in text
    assert "Annual review due: this was due November 1, 2026" in text
    assert "Which reading program will Alex use?" in text
    # The goal review's questions come from the goal checker.
    assert any(line.startswith("Goal 1: ") for line in text.split("\n"))


def test_it_leaves_room_to_write_answers(packet_case):
    doc = _doc(packet_case)
    questions = [t for t in doc.tables if [c.text for c in t.rows[0].cells] == ["Question", "Answer"]]
    assert questions
    for table in questions:
        for row in table.rows[1:]:
            assert row.cells[1].text == ""
            assert 'w:hRule="atLeast"' in row._tr.xml


def test_it_puts_the_agreements_in_the_notes_with_blank_rows(packet_case):
    doc = _doc(packet_case)
    agreed = next(t for t in doc.tables if t.rows[0].cells[0].text == "What we agreed")
    assert [c.text for c in agreed.rows[1].cells] == ["Start a reading intervention", "Ms. Park", "February 1, 2027"]
    assert len(agreed.rows) > 2 and all(c.text == "" for c in agreed.rows[-1].cells)


def test_it_exposes_the_agreements_to_templates(packet_case):
    from planwriter.render.context import build_context

    context = build_context(packet_case, today=TODAY)
    assert context["agreements"][0]["what"] == "Start a reading intervention"
    assert context["agreements"][0]["by_when"] == dt.date(2027, 2, 1)
    assert context["meeting"]["date"] == dt.date(2027, 1, 12)


@pytest.mark.parametrize("left_out", ALL, ids=[p.value for p in ALL])
def test_it_leaves_out_a_part_that_is_switched_off(packet_case, left_out):
    parts = [p for p in ALL if p != left_out]
    doc = _doc(packet_case, parts)
    titles = [t.split(":")[0] for t in part_headings(doc)]
    assert titles == [part_title(p) for p in parts if p != PacketPart.COVER]
    if left_out == PacketPart.COVER:
        assert doc.paragraphs[0].style.name == "Heading 1"
        assert not doc.sections[0].different_first_page_header_footer
    assert check_docx_bytes(doc) == []


def test_it_follows_the_order_the_case_keeps(packet_case):
    order = [PacketPart.NOTES, PacketPart.QUESTIONS, PacketPart.ABOUT]
    packet_case.packet.parts = [PacketPartChoice(part=p) for p in order]
    # Parts the saved list does not name join at the end, switched on; switch them off here.
    for choice in packet_case.packet.parts[3:]:
        choice.included = False
    doc = read(packet_bytes(build_packet(packet_case, today=TODAY)))
    assert [t.split(":")[0] for t in part_headings(doc)] == [part_title(p) for p in order]


def test_it_reads_a_parts_list():
    assert parse_parts("cover, notes,present_levels") == [PacketPart.COVER, PacketPart.NOTES,
                                                          PacketPart.PRESENT_LEVELS]
    with pytest.raises(PartsError, match="unknown packet part “nope”"):
        parse_parts("cover,nope")
    with pytest.raises(PartsError):
        parse_parts(" , ")


def test_it_says_plainly_what_an_empty_case_has_not_filled_in():
    doc = _doc(Case())
    from docx.text.paragraph import Paragraph

    body = [child for child in doc.element.body if child.tag.endswith(("}p", "}tbl"))]
    for n, element in enumerate(body):
        if not element.tag.endswith("}p"):
            continue
        paragraph = Paragraph(element, doc)
        if not paragraph.style.name.startswith("Heading"):
            continue
        level = int(paragraph.style.name.split()[-1])
        # Every heading is followed by something to read: text, a table, or a deeper heading.
        assert n + 1 < len(body), paragraph.text
        following = body[n + 1]
        if following.tag.endswith("}p"):
            after = Paragraph(following, doc)
            assert after.text.strip(), paragraph.text
            if after.style.name.startswith("Heading"):
                assert int(after.style.name.split()[-1]) > level, paragraph.text
    text = all_text(doc)
    for phrase in ("not filled in yet", "No concerns are filled in yet", "No present levels are filled in yet",
                   "No accommodations have been chosen yet", "No goals have been written yet",
                   "The school's proposed goals are not filled in yet", "No questions yet", "No key dates yet",
                   "No letters are logged yet", "No exhibits yet", "No agenda is written down yet"):
        assert phrase in text, phrase
    assert packet_words()["child_not_set"] in doc.sections[0].header.paragraphs[0].text


def test_it_builds_the_long_case(sample_case, tmp_path):
    case = long_case(sample_case)
    document = build_packet(case, today=TODAY)
    path = write_packet(document, tmp_path / "long.docx")
    doc = read(path)
    log_table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Sent")
    assert len(log_table.rows) == 31
    exhibits = next(t for t in doc.tables if t.rows[0].cells[0].text == "No.")
    assert [r.cells[0].text for r in exhibits.rows[1:]] == [str(n) for n in range(1, 11)]
    assert sum(1 for style, text in headings(doc) if style == "Heading 2" and text.startswith("Goal ")) >= 20
    text = all_text(doc)
    assert "Accommodation number 60" in text and "Step 3 toward goal 20" in text
    assert check_docx(path) == []


HOSTILE = [
    "# Not a heading",
    "| a | b |",
    "{{ 7 * 7 }} {% if true %}x{% endif %}",
    "<b>bold?</b> &amp; [link](http://example.org) *star* _under_",
    "1. not a list",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_it_prints_hostile_text_verbatim(sample_case, text):
    case = sample_case
    case.meeting = Meeting(place=text, time=text, agenda=[text])
    case.profile = Profile(about=text, interests=[text], vision=text)
    case.family_questions = [FamilyQuestion(topic=text, text=text)]
    case.exhibits = [Exhibit(title=text, description=text)]
    case.agreements = [Agreement(what=text, who=text, by_when_text=text)]
    doc = _doc(case)
    texts = [p.text for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert texts.count(text) + cells.count(text) >= 8
    assert "49" not in all_text(doc).replace("2049", "")
    assert not any(style.startswith("Heading") and t == "Not a heading" for style, t in headings(doc))
    assert check_docx_bytes(doc) == []


def test_it_drops_control_characters_from_user_text(sample_case):
    case = sample_case
    case.profile = Profile(about="Bell\x07 and\x00 null")
    assert case.profile.about == "Bell and null"
    assert "Bell and null" in all_text(_doc(case))


def test_it_appends_logged_letters_as_exhibits(packet_case):
    packet_case.exhibits.append(Exhibit(title="Our records request", date=dt.date(2026, 10, 5), log_entry_id="log1"))
    packet_case.packet.append_letters = True
    doc = _doc(packet_case)
    titles = part_headings(doc)
    assert titles.index("Exhibit 2: Our records request") == titles.index(part_title(PacketPart.EXHIBITS)) + 1
    styles = [p.style.name for p in doc.paragraphs]
    assert "Salutation" in styles and "Signature" in styles
    exhibits = next(t for t in doc.tables if t.rows[0].cells[0].text == "No.")
    assert exhibits.rows[2].cells[3].text == "Its text follows this list"


def test_it_puts_the_letterhead_on_the_cover_only(packet_case, tmp_path):
    import docx

    letterhead = docx.Document()
    letterhead.sections[0].header.paragraphs[0].text = "Family Advocacy Partners"
    letterhead.save(str(tmp_path / "lh.docx"))
    doc = _doc(packet_case, letterhead=tmp_path / "lh.docx")
    section = doc.sections[0]
    assert section.first_page_header.paragraphs[0].text == "Family Advocacy Partners"
    assert "Alex Rivera" in section.header.paragraphs[0].text


def check_docx_bytes(doc):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "packet.docx"
        doc.save(str(path))
        return [str(p) for p in check_docx(path)]


def test_a_letterhead_picture_without_alternative_text_gets_one(packet_case, tmp_path):
    import io as _io

    import docx

    from .test_docx_check import _png

    letterhead = docx.Document()
    run = letterhead.sections[0].header.paragraphs[0].add_run()
    run.add_picture(_io.BytesIO(_png()))
    letterhead.save(str(tmp_path / "logo.docx"))
    packet_case.sender.organization = "Family Advocacy Partners"
    packet_case.sender.name = "Jordan Lee"
    path = write_packet(build_packet(packet_case, today=TODAY), tmp_path / "p.docx", letterhead=tmp_path / "logo.docx")
    assert check_docx(path) == []
    header = read(path).sections[0].first_page_header._element.xml
    assert 'descr="Letterhead of Family Advocacy Partners"' in header


_LINE_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ue000\ue001"),
    min_size=1, max_size=40,
).map(str.strip).filter(bool)


@settings(max_examples=25)
@given(text=_LINE_TEXT)
def test_any_line_of_user_text_reads_back_verbatim(text):
    case = Case()
    case.meeting = Meeting(place=text)
    case.profile = Profile(interests=[text])
    case.family_questions = [FamilyQuestion(topic="Topic", text=text)]
    case.exhibits = [Exhibit(title=text)]
    case.agreements = [Agreement(what=text, who="Me")]
    document = build_packet(case, parts=[PacketPart.COVER, PacketPart.ABOUT, PacketPart.QUESTIONS,
                                         PacketPart.EXHIBITS, PacketPart.NOTES], today=TODAY)
    pieces = document.plain_text().split("\n\n")
    assert pieces.count(text) >= 3, (text, pieces)
    assert [b.level for b in document.blocks if hasattr(b, "level")].count(1) == 4


def test_the_contents_lines_link_to_their_parts(packet_case):
    doc = _doc(packet_case)
    body = doc.element.body.xml
    for number in range(1, len(AFTER_COVER) + 1):
        assert f'w:anchor="_pw_part_{number}"' in body
        assert f'w:name="_pw_part_{number}"' in body
    contents = [p.text for p in doc.paragraphs if p.style.name == "List Number"][: len(AFTER_COVER)]
    assert contents == [part_title(p) for p in AFTER_COVER]  # still plain, readable text


def test_the_log_shows_the_answer_date_the_deadline_engine_works_out_and_letter_exhibits_their_date(sample_case):
    """The correspondence log agrees with Key dates when the state changed after the letter was logged,
    and a letter listed as an exhibit carries the day it was sent."""
    import datetime as dt

    from planwriter.core.model import Exhibit, LogEntry

    # Logged with a date worked out under another rule (the state changed since): the engine's
    # 45 calendar days for records give December 25.
    entry = LogEntry(date=dt.date(2026, 11, 10), template_id="records", title="Request for an IEP meeting",
                     response_due=dt.date(2026, 11, 20), timeline="records_access")
    sample_case.correspondence = [entry]
    sample_case.exhibits = [Exhibit(title="Request for an IEP meeting", log_entry_id=entry.id)]
    from planwriter.core.keydates import key_dates

    worked_out = next(d.date for d in key_dates(sample_case, TODAY) if d.log_entry_id == entry.id)
    assert worked_out == dt.date(2026, 12, 25) != entry.response_due
    doc = _doc(sample_case)
    log_table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Sent")
    assert log_table.rows[1].cells[4].text == f"{worked_out.month}/{worked_out.day}/{worked_out.year}"
    exhibit_table = next(t for t in doc.tables if any("Request for an IEP meeting" in c.text for r in t.rows[1:]
                                                       for c in r.cells) and t is not log_table)
    assert any("11/10/2026" in c.text or "November 10, 2026" in c.text for c in exhibit_table.rows[1].cells), \
        [c.text for c in exhibit_table.rows[1].cells]


def test_the_questions_use_the_goals_the_goal_review_finds(sample_case):
    # A goal wrapped over several lines and an objective under goal 2: three goals, one objective.
    sample_case.school_goals = (
        "Annual Goal 1: By May 2027, when given a grade-level passage, Alex will read\n"
        "aloud at 90 words correct per minute with 95% accuracy in 4 of 5 trials as\n"
        "measured by DIBELS probes.\n"
        "Annual Goal 2: Alex will improve his writing skills.\n"
        "Objective 2.1: Given a prompt, Alex will write a paragraph with a topic\n"
        "sentence and three details in 3 of 4 samples by\n"
        "January 2027.\n"
        "Goal 3: Alex will demonstrate improved self-regulation strategies across settings"
    )
    doc = _doc(sample_case, [PacketPart.GOAL_REVIEW, PacketPart.QUESTIONS])
    text = all_text(doc)
    assert "1 of 3 goals can be measured" in text
    review = {h.split(":")[0] for s, h in headings(doc) if s == "Heading 2" and ":" in h}
    assert review == {"Goal 1", "Goal 2", "Objective 2.1", "Goal 3"}
    asked = {r.cells[0].text.split(":")[0] for t in doc.tables
             if t.rows[0].cells[0].text == "Question" for r in t.rows[1:]}
    goal_rows = {a for a in asked if a.startswith(("Goal", "Objective"))}
    assert goal_rows and goal_rows <= review
    assert "Goal 4" not in text and "Goal 8" not in text


def test_the_next_meeting_date_stands_in_for_an_empty_meeting_date(sample_case):
    sample_case.meeting.date = None
    sample_case.key_dates.next_meeting_date = dt.date(2027, 2, 3)
    doc = _doc(sample_case, [PacketPart.COVER, PacketPart.DATES])
    assert "February 3, 2027" in doc.sections[0].header.paragraphs[0].text
    assert packet_words()["meeting_not_set"] not in doc.sections[0].header.paragraphs[0].text
    cover = all_text(doc).split(part_title(PacketPart.DATES))[0]
    assert "Date: February 3, 2027" in cover
    # The meeting's own date wins when both are set.
    sample_case.meeting.date = dt.date(2027, 1, 20)
    assert "January 20, 2027" in _doc(sample_case, [PacketPart.COVER]).sections[0].header.paragraphs[0].text
