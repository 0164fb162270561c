"""The "Requested accommodations" document, exported to Word and read back as a reader sees it."""

from __future__ import annotations

import datetime as dt

import docx
import pytest

from planwriter.core.accommodations import catalogue
from planwriter.core.model import ChosenAccommodation, PlanStatus
from planwriter.render.engine import default_registry, export, render_document
from planwriter.render.html_writer import to_html

DAY = dt.date(2026, 11, 30)
COLUMNS = ["Accommodation", "Details", "Where it applies", "Why"]


def export_list(case, tmp_path, **inputs):
    path = tmp_path / "accommodations.docx"
    export(case, "accommodations", path, inputs, today=DAY)
    return docx.Document(str(path))


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_it_is_a_list_document_with_sample_inputs():
    template = default_registry().get("accommodations")
    assert template.meta.kind.value == "list"
    assert template.meta.sample_inputs


def test_the_sample_list_has_an_intro_a_heading_per_category_and_four_column_tables(tmp_path, sample_case):
    inputs = default_registry().get("accommodations").meta.sample_inputs
    document = export_list(sample_case, tmp_path, **inputs)
    body = [p.text for p in document.paragraphs if p.text]
    assert body[0] == "Requested accommodations"
    intro = body[1]
    assert "Alexander James Rivera" in intro and "grade 3 at Maple Grove Elementary School" in intro
    assert "Section 504 plan" in intro and "January 12, 2027" in intro

    cat = catalogue()
    used = {a.category for a in sample_case.accommodations}
    expected = [g["label"] for g in cat.document_groups(sample_case.accommodations)["groups"]]
    assert len(expected) == len(used) >= 4
    assert [h.split(":")[0] for h in headings(document, 2)] == expected
    assert len(document.tables) == len(expected)
    rows = 0
    for table in document.tables:
        assert [c.text for c in table.rows[0].cells] == COLUMNS
        rows += len(table.rows) - 1
    assert rows == len(sample_case.accommodations)


def test_each_row_carries_the_text_details_settings_and_reason(tmp_path, sample_case):
    document = export_list(sample_case, tmp_path)
    rows = {r.cells[0].text: [c.text for c in r.cells] for t in document.tables for r in t.rows[1:]}
    extra_time = rows["Time and one-half on tests and quizzes longer than 10 minutes"]
    assert extra_time[1] == "Applies to all classroom tests and quizzes and to the state tests."
    assert extra_time[2] == "Classroom tests, state tests"
    assert extra_time[3].startswith("Reading and writing: he works accurately but slowly")
    read_aloud = rows["Directions read aloud at the start of every test and assignment, and read again "
                      "whenever the student asks"]
    assert read_aloud[1] == "–"  # no details given: a dash, never a blank


def test_the_columns_have_useful_widths(tmp_path, sample_case):
    table = export_list(sample_case, tmp_path).tables[0]
    widths = [c.width for c in table.columns]
    assert widths[2] < widths[1] < widths[0]  # "Where it applies" is the narrowest


def test_a_test_warning_follows_the_table_of_an_item_used_on_tests(tmp_path, sample_case):
    text = "\n".join(p.text for p in export_list(sample_case, tmp_path).paragraphs)
    assert "On tests: On a test that measures reading itself, text-to-speech changes what is measured" in text


@pytest.mark.parametrize(("status", "choice", "phrase"), [
    (PlanStatus.IEP, "current", "into his Individualized Education Program (IEP)"),
    (PlanStatus.PLAN_504, "current", "into his Section 504 plan"),
    (PlanStatus.NONE, "current", "whichever the team finds appropriate"),
    (PlanStatus.NONE, "iep", "into his Individualized Education Program (IEP)"),
])
def test_the_intro_names_the_plan_type(sample_case, status, choice, phrase):
    sample_case.plan_status = status
    document = render_document(sample_case, "accommodations", {"plan_type": choice}, today=DAY)
    assert phrase in document.plain_text()


def test_modifications_get_their_own_labelled_section_with_the_difference(tmp_path, sample_case):
    cat = catalogue()
    sample_case.accommodations.append(cat.choose(cat.get("M04"), reason="Agreed for art class only."))
    document = export_list(sample_case, tmp_path)
    level2 = headings(document, 2)
    assert level2[-1] == "Modifications (changes to what Alex is expected to learn)"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "modifications, not accommodations" in text
    assert cat.difference.modification in text
    last = document.tables[-1]
    assert last.rows[0].cells[0].text == "Modification"
    assert "pass/fail" in last.rows[1].cells[0].text and last.rows[1].cells[3].text == "Agreed for art class only."
    accommodation_rows = [r.cells[0].text for t in document.tables[:-1] for r in t.rows]
    assert not any("pass/fail" in text for text in accommodation_rows)


def test_a_custom_accommodation_goes_under_other_with_its_own_words(sample_case):
    sample_case.accommodations.append(ChosenAccommodation(
        text="Lunch with his brother on Fridays | *not* markup", category="",
        reason="He calms down with family.", settings=["classroom"]))
    document = render_document(sample_case, "accommodations", today=DAY)
    text = document.plain_text()
    assert "Lunch with his brother on Fridays | *not* markup" in text
    assert "\nOther\n" in f"\n{text}\n"


def test_a_case_without_accommodations_says_so_instead_of_an_empty_table(sample_case):
    sample_case.accommodations.clear()
    document = render_document(sample_case, "accommodations", today=DAY)
    assert "No accommodations have been chosen yet" in document.plain_text()
    assert not [b for b in document.blocks if type(b).__name__ == "Table"]


def test_letters_can_list_the_same_accommodations_from_the_context(sample_case):
    from planwriter.render.context import build_context

    context = build_context(sample_case, today=DAY)
    groups = context["accommodation_groups"]
    assert groups["count"] == len(sample_case.accommodations)
    assert [row["text"] for g in groups["groups"] for row in g["items"]]
    assert len(context["accommodations"]) == len(sample_case.accommodations)


def test_the_preview_shows_the_tables(sample_case):
    html = to_html(render_document(sample_case, "accommodations", today=DAY))
    assert html.count("<table") >= 4 and "Where it applies" in html


def _letter_with_list(tmp_path):
    from planwriter.render.registry import Registry

    (tmp_path / "mine.md.j2").write_text(
        '+++\nid = "mine"\ntitle = "Mine"\nsituation = "a test"\nkind = "list"\n+++\n'
        'We ask for:\n\n{% include "parts/accommodation_list.j2" %}\n\nThank you.\n', encoding="utf-8")
    return Registry.load(user_dir=tmp_path)


def test_a_letter_can_include_the_list_grouped_by_kind(tmp_path, sample_case):
    from planwriter.render.blocks import ListBlock

    cat = catalogue()
    sample_case.accommodations.append(cat.choose(cat.get("M04")))
    document = render_document(sample_case, "mine", registry=_letter_with_list(tmp_path), today=DAY)
    lists = [b for b in document.blocks if isinstance(b, ListBlock)]
    grouped, modifications = lists
    labels = [item.blocks[0].text for item in grouped.items]
    assert labels == [g["label"] for g in cat.document_groups(sample_case.accommodations)["groups"]]
    nested = [len(item.blocks[1].items) for item in grouped.items]
    assert sum(nested) == len(sample_case.accommodations) - 1
    assert "pass/fail" in modifications.items[0].blocks[0].text
    text = document.plain_text()
    assert "Modifications (these change what Alex is expected to learn, not only how):" in text
    assert text.index("Thank you.") > text.index("pass/fail")


def test_the_included_list_is_empty_without_accommodations(tmp_path, sample_case):
    sample_case.accommodations.clear()
    document = render_document(sample_case, "mine", registry=_letter_with_list(tmp_path), today=DAY)
    assert document.plain_text().split("\n\n")[1:] == ["We ask for:", "Thank you."]


def test_a_diabetes_list_reads_like_the_health_section_of_a_504_plan(tmp_path, diabetes_case):
    cat = catalogue()
    for suggestion in cat.suggest(diabetes_case, limit=16):
        diabetes_case.accommodations.append(cat.choose(suggestion.accommodation, reason=suggestion.reason))
    document = export_list(diabetes_case, tmp_path, plan_type="504")
    body = [p.text for p in document.paragraphs if p.text]
    text = "\n".join(body)
    # care first, then emergencies and training, then the rest, like the model diabetes plan
    assert [h.split(":")[0] for h in headings(document, 2)][:2] == ["Health and medical",
                                                                    "Emergencies and staff training"]
    assert "Maya's health needs at school come from T1D." in text
    assert "individual health plan and emergency action plan" in text
    assert "in class, at lunch and recess, in PE, on the bus, on field trips" in text
    assert "to keep a record of who was trained and when" in text
    assert "please call Ana Lopez (555-0142), then Luis Lopez (555-0177)." in text
    rows = {r.cells[0].text: r.cells[3].text for t in document.tables for r in t.rows[1:]}
    assert any("Lunch was moved to 12:45" in why for why in rows.values())
    assert any("lockdown drill" in why for why in rows.values())
    assert len(set(rows.values())) >= 3  # not the same reason on every row


def test_a_list_without_health_items_has_no_health_paragraphs(tmp_path, sample_case):
    sample_case.accommodations = [a for a in sample_case.accommodations if a.category not in ("health", "emergency")]
    document = export_list(sample_case, tmp_path)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "individual health plan" not in text and "record of who was trained" not in text
    groups = catalogue().document_groups(sample_case.accommodations)
    assert groups["health_items"] == 0 and not groups["health_first"]


def test_the_health_paragraph_names_the_diagnoses_in_the_sentence(tmp_path, asthma_case):
    from planwriter.core.model import Diagnosis

    asthma_case.diagnoses.append(Diagnosis(name="Peanut allergy"))
    asthma_case.diagnoses.append(Diagnosis(name="POTS"))
    cat = catalogue()
    asthma_case.accommodations.append(cat.choose(cat.accommodation("H36"), asthma_case))
    text = "\n".join(p.text for p in export_list(asthma_case, tmp_path).paragraphs)
    assert "Lena's health needs at school come from moderate persistent asthma, peanut allergy, and POTS." in text
