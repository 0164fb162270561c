"""The Accommodations page driven like a user: search, filter, suggestions, add, edit, custom, remove."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planwriter.core.accommodations import Setting
from planwriter.core.model import Area, Case, Concern
from planwriter.gui.pages.accommodations import ID_ROLE, AccommodationsPage


@pytest.fixture
def page(qtbot, context, sample_case):
    widget = AccommodationsPage(context)
    qtbot.addWidget(widget)
    widget.set_case(sample_case)
    widget.resize(1100, 800)
    return widget


def ids(list_widget) -> list[str]:
    return [list_widget.item(i).data(ID_ROLE) for i in range(list_widget.count())]


def select(list_widget, item_id: str) -> None:
    list_widget.setCurrentRow(ids(list_widget).index(item_id))


def test_it_shows_the_childs_list_and_suggestions_named_for_the_child(page, sample_case):
    assert page.nav_title == "Accommodations"
    assert page.chosen_list.count() == len(sample_case.accommodations)
    assert page.suggestion_box.title() == "Suggested for Alex"
    assert page.chosen_box.title() == "Alex's list"
    assert page.suggestion_table.rowCount() > 5
    assert page.suggestion_table.item(0, 1).text().startswith("Helps with")
    chosen = {a.catalogue_id for a in sample_case.accommodations}
    assert not chosen & set(page.suggestion_ids())


def test_typing_in_the_search_box_filters_the_catalogue(page, qtbot):
    everything = page.catalogue_list.count()
    assert everything >= 150
    qtbot.keyClicks(page.search_edit, "headphones")
    shown = ids(page.catalogue_list)
    assert shown[0] == "S06" and "SN05" in shown  # ear defenders are found as another word for it
    assert page.count_label.text() == f"{len(shown)} accommodations"
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "scribe")
    assert {"R01", "R02"} <= set(ids(page.catalogue_list))  # the scribe and dictation software
    page.search_edit.clear()
    assert page.catalogue_list.count() == everything


@pytest.mark.parametrize(("combo", "value", "expected"), [
    ("need_filter", "hearing", "AT01"),
    ("category_filter", "health", "H03"),
    ("setting_filter", "state_assessment", "T01"),
])
def test_each_filter_narrows_the_catalogue(page, combo, value, expected):
    widget = getattr(page, combo)
    widget.setCurrentIndex(widget.findData(value))
    shown = ids(page.catalogue_list)
    assert expected in shown and len(shown) < 150
    catalogue = page.catalogue
    for item_id in shown:
        item = catalogue.accommodation(item_id)
        assert value in {item.category.value, *(n.value for n in item.needs), *(s.value for s in item.settings)}


def test_filters_combine(page):
    page.need_filter.setCurrentIndex(page.need_filter.findData("vision"))
    page.category_filter.setCurrentIndex(page.category_filter.findData("assistive_technology"))
    assert set(ids(page.catalogue_list)) == {"AT04", "AT05", "AT08"}


def test_adding_a_suggestion_edits_the_case_and_keeps_the_reason(page, qtbot, sample_case):
    before = len(sample_case.accommodations)
    page.suggestion_table.selectRow(0)
    wanted = page.suggestion_ids()[0]
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.add_suggestion_button, Qt.MouseButton.LeftButton)
    assert len(sample_case.accommodations) == before + 1
    added = sample_case.accommodations[-1]
    assert added.catalogue_id == wanted and added.reason
    assert wanted not in page.suggestion_ids()
    assert page.chosen_list.currentRow() == before
    assert page.reason_field.edit.toPlainText() == added.reason


def test_adding_from_the_catalogue_and_editing_details_reason_and_settings(page, qtbot, sample_case):
    qtbot.keyClicks(page.search_edit, "headphones")
    select(page.catalogue_list, "S06")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    added = sample_case.accommodations[-1]
    assert added.catalogue_id == "S06" and added.settings == ["classroom", "tests", "state_assessment"]

    with qtbot.waitSignal(page.changed):
        qtbot.keyClicks(page.details_field.edit, "Own headphones kept in his desk")
    page.reason_field.edit.selectAll()
    qtbot.keyClicks(page.reason_field.edit, "Noise in the cafeteria upsets him")
    qtbot.mouseClick(page.setting_boxes[Setting.CLASSROOM], Qt.MouseButton.LeftButton)  # classroom off
    assert added.details == "Own headphones kept in his desk"
    assert added.reason == "Noise in the cafeteria upsets him"
    assert added.settings == ["tests", "state_assessment"]


def test_adding_the_same_catalogue_item_twice_selects_the_first(page, qtbot, sample_case):
    before = len(sample_case.accommodations)
    select(page.catalogue_list, "T01")  # already in the sample case
    page.add_selected_catalogue_item()
    assert len(sample_case.accommodations) == before
    assert page.current_chosen().catalogue_id == "T01"


def test_a_custom_accommodation_is_written_in_the_familys_words(page, qtbot, sample_case):
    qtbot.mouseClick(page.add_custom_button, Qt.MouseButton.LeftButton)
    custom = sample_case.accommodations[-1]
    assert custom.catalogue_id == "" and custom.settings == ["classroom"]
    assert page.kind_label.text() == "Your own accommodation."
    qtbot.keyClicks(page.text_field.edit, "Lunch with his brother on Fridays")
    page.category_field.combo.setCurrentIndex(page.category_field.combo.findText("Social and emotional support"))
    assert custom.text == "Lunch with his brother on Fridays"
    assert custom.category == "social_emotional"
    row = page.chosen_list.currentRow()
    assert page.chosen_list.item(row).text() == "Social and emotional support: Lunch with his brother on Fridays"


def test_removing_takes_the_item_out_of_the_case_and_back_into_suggestions(page, qtbot, sample_case):
    first = sample_case.accommodations[0]
    page.chosen_list.setCurrentRow(0)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert first not in sample_case.accommodations
    assert page.chosen_list.count() == len(sample_case.accommodations)
    assert first.catalogue_id in page.suggestion_ids()


def test_modifications_are_shown_apart_and_labelled(page, qtbot, sample_case):
    qtbot.mouseClick(page.modifications_check, Qt.MouseButton.LeftButton)
    assert page.modifications_check.isChecked()
    assert all(i.startswith("M") for i in ids(page.catalogue_list))
    assert page.catalogue_list.item(0).text().startswith("Modification: ")
    assert page.difference_label.isVisibleTo(page) and "counts as success" in page.difference_label.text()
    assert not page.need_filter.isEnabled()
    select(page.catalogue_list, "M04")
    page.add_selected_catalogue_item()
    added = sample_case.accommodations[-1]
    assert added.is_modification
    assert page.chosen_list.item(page.chosen_list.currentRow()).text().startswith("Modification: ")
    assert "modification, not an accommodation" in page.kind_label.text()
    assert page.text_field.label.text() == "Modification"
    assert not page.category_field.isVisibleTo(page)  # a modification has no accommodation kind


def test_an_item_that_can_change_a_test_shows_the_warning(page, sample_case):
    select(page.chosen_list, next(a.id for a in sample_case.accommodations if a.catalogue_id == "P03"))
    assert page.warning_label.isVisibleTo(page)
    assert page.warning_label.text().startswith("On tests: ")


def test_a_case_without_concerns_explains_where_suggestions_come_from(qtbot, context):
    widget = AccommodationsPage(context)
    qtbot.addWidget(widget)
    widget.set_case(Case())
    assert widget.suggestion_table.rowCount() == 0
    assert widget.suggestion_empty_label.isVisibleTo(widget)
    assert not widget.remove_button.isEnabled() and not widget.editor_box.isEnabled()
    widget.case.concerns.append(Concern(area=Area.HEARING, description="He misses what is said."))
    widget.refresh()
    assert "AT01" in widget.suggestion_ids()[:10]


def test_every_control_has_an_accessible_name(page):
    for widget in (page.search_edit, page.category_filter, page.need_filter, page.setting_filter,
                   page.suggestion_table, page.catalogue_list, page.chosen_list, page.add_button,
                   page.add_suggestion_button, page.add_custom_button, page.remove_button,
                   page.modifications_check, *page.setting_boxes.values()):
        assert widget.accessibleName(), widget


def test_export_writes_the_list_the_user_sees(page, qtbot, tmp_path, sample_case, monkeypatch):
    import docx

    target = tmp_path / "list.docx"
    monkeypatch.setattr(page, "ask_save_path", lambda suggested: target)
    page.plan_combo.setCurrentIndex(page.plan_combo.findData("iep"))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    document = docx.Document(str(target))
    assert "into his Individualized Education Program (IEP)" in document.paragraphs[1].text
    rows = sum(len(t.rows) - 1 for t in document.tables)
    assert rows == len(sample_case.accommodations)
    assert page.status_label.text() == "Saved “list.docx”."


def test_the_plan_choices_are_the_documents_choices(page, context):
    spec = context.registry.get("accommodations").input("plan_type")
    offered = [page.plan_combo.itemData(i) for i in range(page.plan_combo.count())]
    assert offered == [c.value for c in spec.choices]


def test_an_empty_list_is_not_exported(qtbot, context, monkeypatch):
    widget = AccommodationsPage(context)
    qtbot.addWidget(widget)
    widget.set_case(Case())
    shown = []
    monkeypatch.setattr(widget, "show_message", lambda title, text: shown.append(title))
    monkeypatch.setattr(widget, "ask_save_path", lambda suggested: pytest.fail("asked for a file"))
    assert widget.export_list() is None
    assert shown == ["The list is empty"]


def test_the_why_column_shows_each_reason_whole_on_rows_tall_enough(qtbot, context):
    widget = AccommodationsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    qtbot.waitExposed(widget)
    case = Case(concerns=[
        Concern(area=Area.EMOTIONAL, description="He panics on timed tests and leaves answers blank."),
        Concern(area=Area.MATH, description="Math facts are slow; he counts on his fingers."),
    ])
    widget.set_case(case)
    table = widget.suggestion_table
    assert "T01" in widget.suggestion_ids()  # time and one-half, from "panics on timed tests"
    for row in range(table.rowCount()):
        suggestion = widget._suggestions[widget.suggestion_ids()[row]]
        why = table.item(row, 1)
        assert why.text() == suggestion.why  # the whole reason, not cut short
        sources = why.text().split(" (", 1)[1].rstrip(")").split("; ")
        assert len(sources) == len(set(sources))  # each source named once
        # the row is as tall as the wrapped text needs, so nothing is elided
        assert table.rowHeight(row) >= table.sizeHintForRow(row) - 1
    assert table.wordWrap() and table.textElideMode() == Qt.TextElideMode.ElideNone
    assert table.item(0, 1).toolTip().endswith(table.item(0, 1).text())
