"""Length and layout of a letter: attachments for long detail, the end kept together, later pages
named, a letterhead printed once with its numbering kept away from the letter's lists."""

from __future__ import annotations

import datetime as dt
import itertools

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from planwriter.core.model import Area, Concern, Example
from planwriter.core.sample import sample_case as make_sample
from planwriter.core.text import clean_line
from planwriter.render.blocks import Heading, PageBreak, Paragraph
from planwriter.render.engine import default_registry, export_docx, render_document
from planwriter.render.layout import LETTER_PAGE_LIMIT, LONG_TEXT_CHARS, estimate_pages, frame_words
from planwriter.render.letter import LetterOptions

from .conftest import read_docx

DAY = dt.date(2026, 11, 2)


def many_concerns(case, count: int = 12):
    """The sample case with ``count`` long concerns, each with two dated examples."""
    areas = list(Area)
    case.concerns = [
        Concern(
            area=areas[n % len(areas)],
            description=f"Concern {n + 1}: keeps falling behind the class in this area even with the help "
                        "the teacher gives, and the gap has grown over the year.",
            examples=[Example(date=dt.date(2026, 9, 1 + n), text=f"Example {n + 1}a: could not finish the "
                              "task and the teacher wrote home about it that afternoon."),
                      Example(date=dt.date(2026, 10, 1 + n), text=f"Example {n + 1}b: the weekly check "
                              "showed no progress since the check before.")],
        )
        for n in range(count)
    ]
    return case


def _inputs(template_id: str):
    return default_registry().get(template_id).meta.sample_inputs


def test_a_long_case_puts_its_concerns_in_an_attachment_the_letter_refers_to(sample_case):
    case = many_concerns(sample_case)
    document = render_document(case, "initial-evaluation", _inputs("initial-evaluation"), today=DAY)
    words = frame_words()
    label = words["attachment"].format(letter="A")
    heading = words["attachment_heading"].format(label=label, title="Concerns with examples")
    breaks = [n for n, b in enumerate(document.blocks) if isinstance(b, PageBreak)]
    assert breaks, "the attachment starts on a page of its own"
    after = document.blocks[breaks[0] + 1]
    assert isinstance(after, Heading) and after.text == heading
    letter_text = "\n".join(b.text for b in document.blocks[: breaks[0]] if hasattr(b, "text"))
    assert label in letter_text  # the letter says where the detail is
    assert "Example 1a" not in letter_text
    text = document.plain_text()
    for n in range(12):
        assert f"Concern {n + 1}:" in text and f"Example {n + 1}b" in text  # nothing is lost
    assert document.letter_pages <= LETTER_PAGE_LIMIT
    assert document.attachments == [heading]


def test_a_short_case_keeps_its_concerns_in_the_letter(sample_case):
    document = render_document(sample_case, "initial-evaluation", _inputs("initial-evaluation"), today=DAY)
    assert not any(isinstance(b, PageBreak) for b in document.blocks)
    assert sample_case.concerns[0].description[:30] in document.plain_text()


def test_the_estimate_grows_with_the_text_and_counts_page_breaks(sample_case):
    short = render_document(sample_case, "records", _inputs("records"), today=DAY)
    long = render_document(many_concerns(sample_case), "initial-evaluation", _inputs("initial-evaluation"),
                           today=DAY)
    assert 0.5 < short.estimated_pages < 2
    total, letter = estimate_pages(long.blocks)
    assert total > letter + 1  # the attachment starts on a new page
    assert estimate_pages([])[0] == 0


def test_the_end_of_a_letter_stays_together(tmp_path, sample_case):
    options = LetterOptions(date=DAY, enclosures=["A copy of the report"])
    document = render_document(sample_case, "records", _inputs("records"), options)
    doc = read_docx(export_docx(document, tmp_path / "r.docx"))
    paragraphs = doc.paragraphs
    closing = next(n for n, p in enumerate(paragraphs) if p.style.name == "Closing")
    end = paragraphs[closing - 1:]
    styles = [p.style.name for p in end]
    assert styles[-3:] == ["Signature", "Letter Note", "Letter Note"]  # cc and enclosures follow
    for paragraph in end[:-1]:
        assert paragraph.paragraph_format.keep_with_next, paragraph.text
    for paragraph in end[1:]:
        assert paragraph.paragraph_format.keep_together, paragraph.text


def test_later_pages_carry_the_students_name_and_the_date(tmp_path, sample_case):
    document = render_document(sample_case, "records", _inputs("records"), LetterOptions(date=DAY))
    doc = read_docx(export_docx(document, tmp_path / "r.docx"))
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    head = section.header.paragraphs[0].text
    assert sample_case.child.full_legal_name in head and "November 2, 2026" in head
    assert not "".join(p.text for p in section.first_page_header.paragraphs)
    # the first page keeps the page number in its footer
    assert "PAGE" in section.first_page_footer._element.xml


def _numbered_letterhead(path):
    """A letterhead whose own numbering uses ids 0/1 with upper-roman numbers, and its own List Bullet."""
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "Rivera Advocacy · 1 Main St"
    numbering = doc.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "0")
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    fmt = OxmlElement("w:numFmt")
    fmt.set(qn("w:val"), "upperRoman")
    level.append(fmt)
    abstract.append(level)
    numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "1")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "0")
    num.append(ref)
    numbering.append(num)
    style = doc.styles["List Bullet"]
    num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = 1
    doc.save(str(path))
    return path


def _format_of(doc, style_name: str) -> str:
    style = doc.styles[style_name]
    num_id = style.element.find(qn("w:pPr") + "/" + qn("w:numPr") + "/" + qn("w:numId")).get(qn("w:val"))
    numbering = doc.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == abstract_id)
    return abstract.find(qn("w:lvl") + "/" + qn("w:numFmt")).get(qn("w:val"))


def test_a_letterheads_numbering_never_changes_the_letters_lists(tmp_path, sample_case):
    letterhead = _numbered_letterhead(tmp_path / "head.docx")
    document = render_document(sample_case, "records", _inputs("records"),
                               LetterOptions(date=DAY, letterhead=True))
    doc = read_docx(export_docx(document, tmp_path / "r.docx", letterhead=letterhead))
    assert any(p.style.name == "List Bullet" for p in doc.paragraphs)
    assert _format_of(doc, "List Bullet") == "bullet"
    assert _format_of(doc, "List Number") == "decimal"


def test_a_letterhead_prints_the_sender_once_and_keeps_page_numbers(tmp_path, sample_case):
    head = docx.Document()
    head.sections[0].header.paragraphs[0].text = "Maria Rivera · 1428 Alder Street"
    head.sections[0].footer.paragraphs[0].text = "Confidential"
    head.save(str(tmp_path / "head.docx"))
    # Rendered without the letterhead flag (as a caller might): the writer still leaves the block out.
    document = render_document(sample_case, "records", _inputs("records"), LetterOptions(date=DAY))
    doc = read_docx(export_docx(document, tmp_path / "r.docx", letterhead=tmp_path / "head.docx"))
    assert not [p for p in doc.paragraphs if p.style.name == "Sender"]
    footer = doc.sections[0].footer
    assert footer.paragraphs[0].text == "Confidential"
    assert " PAGE " in footer._element.xml and " NUMPAGES " in footer._element.xml
    label = frame_words()["page_label"]
    assert label.split("{page}")[0] in footer.paragraphs[-1].text


LONG_ANSWER = ("The district will not agree to the reading help the evaluation recommended. "
               + "We asked three times in writing and at two meetings, and each time we were told to wait. " * 30)


def test_a_long_answer_keeps_its_opening_in_the_letter_and_goes_whole_to_an_attachment(sample_case):
    inputs = dict(_inputs("mediation"), dispute=LONG_ANSWER)
    document = render_document(sample_case, "mediation", inputs, today=DAY)
    label = frame_words()["attachment"].format(letter="A")
    assert document.attachments == [
        frame_words()["attachment_heading"].format(label=label, title="What the disagreement is about")
    ]
    first_break = next(n for n, b in enumerate(document.blocks) if isinstance(b, PageBreak))
    letter = "\n".join(b.text for b in document.blocks[:first_break] if hasattr(b, "text"))
    attached = "\n".join(b.text for b in document.blocks[first_break:] if hasattr(b, "text"))
    assert "The district will not agree to the reading help the evaluation recommended. (" in letter
    assert frame_words()["continued"].format(label=label) in letter
    assert LONG_ANSWER.strip() in attached  # the whole answer, verbatim
    assert letter.count("We asked three times") == 0


def test_a_short_answer_stays_whole_in_the_letter(sample_case):
    inputs = dict(_inputs("mediation"), dispute="We disagree about reading help.")
    document = render_document(sample_case, "mediation", inputs, today=DAY)
    assert document.attachments == []
    assert "We disagree about reading help." in document.plain_text()


def test_the_opening_of_a_long_answer_is_its_first_sentence_or_its_first_words():
    from planwriter.render.layout import opening

    assert opening("He cries before school most mornings. It started in May.") == (
        "He cries before school most mornings.")
    assert opening("Dr. Lee saw him at the clinic in May. More text.") == "Dr. Lee saw him at the clinic in May."
    words = "word " * 200
    cut = opening(words, limit=50)
    assert cut.endswith("…") and len(cut) <= 51 and not cut.startswith(" ")
    assert opening("Short") == "Short"
    assert opening("\n\nAfter a blank line, the first sentence counts. Not this.") == (
        "After a blank line, the first sentence counts.")


@settings(max_examples=20, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Co")),
                    min_size=1, max_size=60).map(clean_line).filter(bool))
def test_any_long_answer_comes_out_whole_in_its_attachment(text):
    answer = " ".join([text] * (4 * LONG_TEXT_CHARS // len(text) + 2))
    inputs = dict(_inputs("mediation"), dispute=answer)
    document = render_document(make_sample(), "mediation", inputs, today=DAY)
    body = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert document.attachments  # long enough to move
    assert answer in body  # the whole answer, one paragraph of the attachment


def _space(paragraph, which: str) -> int:
    """A paragraph's own space before/after, else its style's (following base styles), in EMU."""
    value = getattr(paragraph.paragraph_format, which)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.paragraph_format, which)
        style = style.base_style
    return int(value or 0)


def test_every_signer_has_the_same_room_and_a_paragraph_stands_apart_from_the_list_above(tmp_path):
    case = make_sample()
    case.guardians[1].signs_letters = True
    case.guardians[0].signs_letters = True
    for fit_inputs in ({}, {"effects": "It has hurt his grades. " * 30}):
        template = default_registry().get("section-504-plan-not-followed")
        document = render_document(case, template.id, {**template.meta.sample_inputs, **fit_inputs},
                                   LetterOptions(delivery=None), today=DAY)
        path = export_docx(document, tmp_path / "letter.docx")
        paragraphs = docx.Document(str(path)).paragraphs
        names = [p.style.name for p in paragraphs]
        closing = paragraphs[names.index("Closing")]
        signatures = [p for p in paragraphs if p.style.name == "Signature"]
        assert len(signatures) == 2
        room = _space(closing, "space_after")
        assert _space(signatures[0], "space_after") + _space(signatures[1], "space_before") == room
        for before, after in itertools.pairwise(paragraphs):
            if before.style.name.startswith("List") and not after.style.name.startswith("List"):
                gap = _space(before, "space_after") + _space(after, "space_before")
                normal = next(p for p in paragraphs if p.style.name == "Normal")
                assert gap >= _space(normal, "space_after"), after.text[:40]
