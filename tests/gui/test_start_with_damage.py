"""Start-up survives a broken user template and a damaged case: every section, one dialog."""

from __future__ import annotations

from pathlib import Path

from planwriter.core import casefile
from planwriter.gui.mainwindow import MainWindow

DEEP = "+++\nid = \"deep\"\ntitle = \"x\"\nsituation = \"x\"\n+++\n{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}\n"
DEEP_TOML = "+++\nid = \"toml\"\ntitle = \"x\"\nsituation = \"x\"\nx = " + "[" * 20000 + "]" * 20000 + "\n+++\nx\n"


def _full_window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.setWindowModified(False))
    return window


def test_broken_user_templates_change_nothing_at_start(qtbot, data_dir: Path, tmp_path: Path, sample_case,
                                                        no_modal) -> None:
    from planwriter.app import StartOptions, _finish_start

    folder = data_dir / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deep.md.j2").write_text(DEEP, encoding="utf-8")
    (folder / "toml.md.j2").write_text(DEEP_TOML, encoding="utf-8")
    (folder / "bad.docx").write_bytes(b"PK\x03\x04 not really")
    (folder / "bad.toml").write_text('id = "bad"\ntitle = "x"\nsituation = "x"\n', encoding="utf-8")
    case_path = tmp_path / "case.pwcase"
    casefile.save(sample_case, case_path)

    reference = _full_window(qtbot)
    _finish_start(reference, StartOptions(case=case_path, data_dir=tmp_path / "clean-data"))
    window = _full_window(qtbot)
    _finish_start(window, StartOptions(case=case_path, data_dir=data_dir, section="Letters"))

    assert len(window.pages) == len(reference.pages)
    assert window.file_path == case_path.resolve()
    problems = {p.path.name for p in window.context.registry.problems}
    assert problems == {"deep.md.j2", "toml.md.j2", "bad.docx"}


def test_a_damaged_case_at_start_gives_a_dialog_and_a_whole_window(qtbot, data_dir: Path, tmp_path: Path,
                                                                   no_modal) -> None:
    from planwriter.app import StartOptions, _finish_start

    damaged = tmp_path / "damaged.pwcase"
    damaged.write_bytes(b'{"schema_version": 3, "x": ' + b"[" * 5000 + b"]" * 5000 + b"}")
    before = damaged.read_bytes()
    window = _full_window(qtbot)
    _finish_start(window, StartOptions(case=damaged, data_dir=data_dir))
    kind, title, text = no_modal[-1]
    assert kind == "warning" and "could not be opened" in title
    assert "\n" not in text
    assert window.case is None and window.menu_actions is not None and window.pages
    assert damaged.read_bytes() == before
