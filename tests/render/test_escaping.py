"""User text is data: whatever a parent types appears verbatim and never changes the structure."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from planwriter.core.model import Case, Concern, Contact, Diagnosis, Example, Guardian, Intervention
from planwriter.render.docx_writer import DocxWriter
from planwriter.render.engine import render_document
from planwriter.render.html_writer import to_html
from planwriter.render.markup import escape, parse

from .conftest import all_text, paragraphs, read_docx

TRICKY = [
    "**not bold**",
    "# not a heading",
    "{{ x }} and {% if %}",
    "<b>not html</b> &amp; &lt;",
    "1. not a list",
    "- not a bullet",
    "> not a quote",
    "| not | a | table |",
    "    four spaces first",
    "back\\slash at the end\\",
    "`code` and [link](http://example.org) and ![img](x.png)",
    "_under_ *star* ~~strike~~",
    "---",
    "line one\nline two",
    "para one\n\npara two",
]


@pytest.mark.parametrize("text", TRICKY)
def test_markup_characters_in_user_text_stay_literal(text):
    blocks = parse(escape(text))
    assert len(blocks) == (2 if "\n\n" in text else 1)
    texts = [b.text for b in blocks]
    assert "\n\n".join(texts) == text
    assert all(type(b).__name__ == "Paragraph" and b.style == "Normal" for b in blocks)
    assert not any(r.bold or r.italic for b in blocks for r in b.runs)


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_in_a_concern_is_exported_verbatim(sample_case, text):
    sample_case.concerns[0].description = text
    document = render_document(sample_case, "initial-evaluation")
    read = read_docx(DocxWriter().to_bytes(document))
    body = all_text(read)
    assert text.strip() in body
    styles = {style for style, _ in paragraphs(read)}
    assert "Heading 1" not in styles and "List Number" not in styles and "Quote" not in styles


@pytest.mark.parametrize("text", ["000", "1", "2026", "12) twelve"])
def test_digits_before_the_templates_own_punctuation_never_start_a_list(sample_case, text):
    # The intervention line is "- {description}." — "000" + "." would read as an ordered list marker.
    sample_case.interventions[0].description = text
    document = render_document(sample_case, "initial-evaluation")
    assert text in document.plain_text()
    assert not any(getattr(b, "ordered", False) for b in document.blocks)


def test_template_code_in_user_text_is_never_run(sample_case):
    sample_case.child.legal_first_name = "{{ 7 * 7 }}"
    sample_case.concerns[0].description = "{% for x in range(3) %}loop{% endfor %}"
    document = render_document(sample_case, "initial-evaluation")
    text = document.plain_text()
    assert "{{ 7 * 7 }}" in text and "49" not in text
    assert "{% for x in range(3) %}loop{% endfor %}" in text and "looplooploop" not in text


def test_the_html_preview_shows_angle_brackets_as_text(sample_case):
    sample_case.concerns[0].description = "<script>alert(1)</script> <b>bold?</b>"
    html = to_html(render_document(sample_case, "initial-evaluation"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold?&lt;/b&gt;" in html
    assert "<script>" not in html


# --------------------------------------------------------------------------- property-based

_text = st.text(
    alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30
)
_long = st.text(
    alphabet=st.characters(exclude_categories=("Cs",), include_characters="\n"),
    min_size=1, max_size=60,
)

LINE_FIELDS = [
    ("child", "legal_first_name"), ("child", "legal_middle_name"), ("child", "legal_last_name"),
    ("child", "preferred_name"), ("child", "grade"), ("child", "school"), ("child", "district"),
    ("child", "student_id"),
]


def _build_case(lines: list[str], guardian: str, contact: str, concern: str, example: str,
                intervention: str, result: str, diagnosis: str) -> tuple[Case, list[str]]:
    case = Case(
        child={name: value for (_, name), value in zip(LINE_FIELDS, lines, strict=True)}
        | {"date_of_birth": dt.date(2016, 2, 29)},
        guardians=[Guardian(name=guardian)],
        contacts=[Contact(name=contact, role="special_education_director"),
                  Contact(name=contact + " 2", role="principal")],
        concerns=[Concern(area="reading", description=concern, examples=[Example(text=example)])],
        interventions=[Intervention(description=intervention, result=result)],
        diagnoses=[Diagnosis(name=diagnosis)],
    )
    stored = [getattr(case.child, name) for _, name in LINE_FIELDS]
    stored += [case.guardians[0].name, case.contacts[0].name, case.concerns[0].description,
               case.concerns[0].examples[0].text, case.interventions[0].description,
               case.interventions[0].result, case.diagnoses[0].name]
    return case, stored


@given(
    lines=st.lists(_text, min_size=len(LINE_FIELDS), max_size=len(LINE_FIELDS)),
    guardian=_text, contact=_text, concern=_long, example=_long, intervention=_long,
    result=_long, diagnosis=_text,
)
def test_any_text_in_any_field_exports_a_valid_document_that_contains_it_verbatim(
    lines, guardian, contact, concern, example, intervention, result, diagnosis
):
    case, stored = _build_case(lines, guardian, contact, concern, example, intervention, result, diagnosis)
    assume(all(value.strip() for value in stored))
    document = render_document(case, "initial-evaluation", today=dt.date(2026, 11, 2))
    # No address or email address is on file in these cases: that is all an export may ask for.
    assert all(m == "the sender's mailing address" or m.startswith("an email address for ")
               for m in document.missing)
    read = read_docx(DocxWriter().to_bytes(document))
    body = all_text(read)
    for value in stored:
        assert value in body


_any = st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\r\x00"), min_size=1, max_size=20)


@given(text=_any, before=st.sampled_from(["", "- ", "1. ", "> ", "# ", "**", "Dear "]),
       after=st.sampled_from(["", ".", ")", ":", "**", " (see above)", "\n\nNext paragraph."]))
def test_escaped_text_inside_any_template_line_reads_back_verbatim(text, before, after):
    from planwriter.core.text import clean_block

    value = clean_block(text)
    assume(value)
    blocks = parse(before + escape(value) + after)
    flat = "\n\n".join(_all_text(b) for b in blocks)
    assert value in flat


def _all_text(block) -> str:
    if hasattr(block, "items"):
        return "\n\n".join(_all_text(inner) for item in block.items for inner in item.blocks)
    return getattr(block, "text", "")
