"""The main window: welcome screen, navigation, title, menus and shortcuts, dropped files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from planwriter.core import casefile
from planwriter.gui.pages import page_classes


def open_sample_from_welcome(qtbot, window) -> None:
    qtbot.mouseClick(window.welcome.sample_button, Qt.MouseButton.LeftButton)
    assert window.case is not None


def child_page(window):
    return next(page for page in window.pages if type(page).__name__ == "ChildPage")


def test_it_starts_on_the_welcome_screen_with_planwriter_in_the_title(window):
    assert window.central_stack.currentWidget() is window.welcome
    assert window.windowTitle() == "planwriter"
    assert not window.menu_actions.save.isEnabled()


def test_it_opens_the_sample_case_from_the_welcome_screen_as_an_unsaved_copy(qtbot, window, sample_case):
    open_sample_from_welcome(qtbot, window)

    assert window.central_stack.currentWidget() is window.case_holder
    assert window.case.child == sample_case.child
    assert len(window.case.guardians) == len(sample_case.guardians)
    assert window.file_path is None
    assert window.windowTitle() == "Sample case[*] — planwriter"
    assert not window.isWindowModified()
    assert window.menu_actions.save.isEnabled()
    assert all(page.case is window.case for page in window.pages)
    assert window.sample_banner.isVisible()
    assert "Alex Rivera is a made-up child" in window.sample_label.text()


def test_the_sample_banner_starts_a_case_for_ones_own_child(qtbot, window):
    open_sample_from_welcome(qtbot, window)
    qtbot.mouseClick(window.own_case_button, Qt.MouseButton.LeftButton)
    assert not window.sample_banner.isVisible()
    assert window.case.child.legal_first_name == ""
    assert window.windowTitle() == "Untitled case[*] — planwriter"


def test_it_lists_one_navigation_entry_per_section_in_order(qtbot, window):
    open_sample_from_welcome(qtbot, window)

    titles = [window.nav_list.item(row).text() for row in range(window.nav_list.count())]
    assert titles == [page.title() for page in window.pages]
    assert len(titles) == len(page_classes()) >= 1
    assert window.nav_list.accessibleName()
    for row in range(window.nav_list.count()):
        assert window.nav_list.item(row).data(Qt.ItemDataRole.AccessibleTextRole) == titles[row]


def test_the_arrow_keys_move_between_sections(qtbot, window):
    open_sample_from_welcome(qtbot, window)
    if len(window.pages) < 2:
        pytest.skip("needs two sections")

    window.nav_list.setFocus()
    qtbot.keyClick(window.nav_list, Qt.Key.Key_Down)

    assert window.current_page() is window.pages[1]


def test_ctrl_page_down_and_up_step_through_the_sections(qtbot, window):
    open_sample_from_welcome(qtbot, window)
    count = len(window.pages)

    window.menu_actions.next_section.trigger()
    assert window.nav_list.currentRow() == 1 % count
    window.menu_actions.previous_section.trigger()
    window.menu_actions.previous_section.trigger()
    assert window.nav_list.currentRow() == count - 1
    assert window.menu_actions.next_section.shortcut().toString() == "Ctrl+PgDown"


def test_typing_in_a_section_marks_the_case_modified_and_announces_the_change(qtbot, window):
    open_sample_from_welcome(qtbot, window)
    page = child_page(window)
    announced = []
    window.context.signals.case_changed.connect(lambda: announced.append(True))
    page.first_name_edit.edit.clear()

    qtbot.keyClicks(page.first_name_edit.edit, "Sam")

    assert window.case.child.legal_first_name == "Sam"
    assert window.isWindowModified()
    assert announced


def test_a_section_shown_later_rereads_what_another_section_changed(qtbot, window):
    open_sample_from_welcome(qtbot, window)
    if len(window.pages) < 2:
        pytest.skip("needs two sections")
    refreshed = []
    other = window.pages[1]
    other.refresh = lambda: refreshed.append(True)  # type: ignore[method-assign]

    qtbot.keyClicks(child_page(window).first_name_edit.edit, "x")
    window.show_page(1)

    assert refreshed == [True]


def test_the_window_fits_a_small_laptop_screen_whatever_the_sections_ask(qtbot, window):
    open_sample_from_welcome(qtbot, window)
    for index in range(len(window.pages)):
        window.show_page(index)
        minimum = window.minimumSizeHint()
        assert minimum.width() <= 1024 and minimum.height() <= 600, type(window.pages[index]).__name__


def test_the_title_names_the_file_once_it_is_saved(qtbot, window, tmp_path: Path):
    open_sample_from_welcome(qtbot, window)
    path = tmp_path / "Alex.pwcase"
    casefile.save(window.case, path)
    window.files.open_path(path)

    assert window.windowTitle() == "Alex.pwcase[*] — planwriter"
    assert window.context.case_path == path.resolve()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("new", QKeySequence.StandardKey.New),
        ("open", QKeySequence.StandardKey.Open),
        ("save", QKeySequence.StandardKey.Save),
        ("save_as", QKeySequence.StandardKey.SaveAs),
        ("close", QKeySequence.StandardKey.Close),
        ("quit", QKeySequence.StandardKey.Quit),
        ("undo", QKeySequence.StandardKey.Undo),
        ("redo", QKeySequence.StandardKey.Redo),
        ("cut", QKeySequence.StandardKey.Cut),
        ("copy", QKeySequence.StandardKey.Copy),
        ("paste", QKeySequence.StandardKey.Paste),
        ("settings", QKeySequence.StandardKey.Preferences),
        ("plan_guide", QKeySequence.StandardKey.HelpContents),
    ],
)
def test_each_command_has_the_platforms_standard_shortcut(window, name, key):
    action = getattr(window.menu_actions, name)
    standard = QKeySequence.keyBindings(key)
    assert action.shortcuts(), f"{name} has no shortcut"
    if standard:
        assert action.shortcuts() == standard


def test_the_menus_hold_every_command(window):
    menus = {action.text().replace("&", ""): action.menu() for action in window.menuBar().actions()}
    assert list(menus) == ["File", "Edit", "Go", "Help"]
    file_texts = [a.text() for a in menus["File"].actions()]
    assert window.menu_actions.recent_menu.menuAction().text() in file_texts
    help_actions = menus["Help"].actions()
    assert window.menu_actions.plan_guide in help_actions
    assert window.menu_actions.about in help_actions


def test_edit_undo_acts_on_the_focused_text_field(qtbot, window):
    open_sample_from_welcome(qtbot, window)
    edit: QLineEdit = child_page(window).first_name_edit.edit
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    before = edit.text()
    qtbot.keyClicks(edit, "Z")
    assert edit.text() == before + "Z"

    window.menu_actions.undo.trigger()
    assert edit.text() == before
    window.menu_actions.redo.trigger()
    assert edit.text() == before + "Z"


def test_open_recent_lists_saved_cases_newest_first(qtbot, window, tmp_path: Path):
    open_sample_from_welcome(qtbot, window)
    paths = []
    for name in ("first.pwcase", "second.pwcase"):
        path = tmp_path / name
        casefile.save(window.case, path)
        window.files.open_path(path)
        paths.append(path)

    entries = [a for a in window.menu_actions.recent_menu.actions() if a.data()]
    assert [Path(a.data()).name for a in entries] == ["second.pwcase", "first.pwcase"]
    assert window.welcome.recent_list.count() == 2

    entries[1].trigger()
    assert window.file_path == paths[0].resolve()


def test_a_case_file_dropped_onto_the_window_opens(qtbot, window, tmp_path: Path, sample_case):
    sample_case.child.legal_first_name = "Dropped"
    path = tmp_path / "dropped.pwcase"
    casefile.save(sample_case, path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )

    window.dropEvent(event)

    assert window.case.child.legal_first_name == "Dropped"
    assert window.file_path == path.resolve()


def test_a_dropped_file_that_is_not_a_case_is_ignored(window, tmp_path: Path):
    path = tmp_path / "notes.txt"
    path.write_text("hello", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )

    window.dropEvent(event)

    assert window.case is None


def test_a_requested_letter_opens_on_the_letters_section(qtbot, window):
    letters = [page for page in window.pages if hasattr(page, "select_template")]
    if not letters:
        pytest.skip("the Letters section is not part of this build")
    open_sample_from_welcome(qtbot, window)

    window.context.signals.letter_requested.emit("records")

    assert window.current_page() is letters[0]


def test_the_about_dialog_names_version_licence_and_not_legal_advice(qtbot):
    from planwriter import __version__
    from planwriter.gui.about import AboutDialog

    dialog = AboutDialog()
    qtbot.addWidget(dialog)

    text = dialog.text()
    assert __version__ in text
    assert "GPL-3.0-or-later" in text
    assert "not legal advice" in text
    assert "planwriter" in dialog.windowTitle()


def test_the_window_is_shown_before_any_heavy_library_is_imported():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from planwriter.app import _make_application\n"
        "app = _make_application()\n"
        "from planwriter.gui.mainwindow import MainWindow\n"
        "window = MainWindow()\n"
        "window.show()\n"
        "app.processEvents()\n"
        "heavy = ('pydantic', 'docx', 'lxml', 'jinja2', 'markdown_it')\n"
        "print(' '.join(name for name in heavy if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], {"case": None, "sample": False, "self_test": False}),
        (["my case.pwcase"], {"case": Path("my case.pwcase")}),
        (["--self-test"], {"self_test": True, "case": None}),
        (["--sample", "--section", "Letters", "--letter", "records"],
         {"sample": True, "section": "Letters", "letter": "records"}),
        (["--data-dir", "/tmp/x", "a.pwcase"], {"data_dir": Path("/tmp/x"), "case": Path("a.pwcase")}),
    ],
)
def test_the_command_line_is_understood(argv, expected):
    from planwriter.app import parse_args

    options = parse_args(argv)
    for name, value in expected.items():
        assert getattr(options, name) == value


def test_on_a_laptop_sized_screen_the_first_window_takes_the_whole_screen(qtbot, context):
    from planwriter.gui.mainwindow import MainWindow

    window = MainWindow()  # as the app makes it: no case, no saved geometry yet
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert available.width() <= 1440  # the offscreen test screen is laptop-sized (800x600)
    assert window.fit_to_screen() is True  # the app then shows it maximized
    assert window.geometry() == available
