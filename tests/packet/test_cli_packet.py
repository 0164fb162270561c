"""``planwriter-cli packet`` and ``check-docx`` as a user runs them."""

from __future__ import annotations

import io

import docx

from planwriter.cli import main
from planwriter.cli_packet import Progress
from planwriter.core import casefile

from .conftest import part_headings, with_meeting


def _case_file(tmp_path, case, name="alex.pwcase"):
    path = tmp_path / name
    casefile.save(case, path, keep_backup=False)
    return path


def test_it_writes_one_packet_with_chosen_parts(tmp_path, sample_case, capsys):
    case_path = _case_file(tmp_path, with_meeting(sample_case))
    out = tmp_path / "packet.docx"
    code = main(["packet", str(case_path), "--out", str(out), "--parts", "cover,notes,about",
                 "--date", "2026-11-28"])
    assert code == 0
    assert f"Wrote {out}" in capsys.readouterr().out
    doc = docx.Document(str(out))
    assert doc.paragraphs[0].style.name == "Title"
    assert [t.split(":")[0] for t in part_headings(doc)] == ["Meeting notes", "About my child"]
    assert "Prepared on November 28, 2026" in "\n".join(p.text for p in doc.paragraphs)
    assert main(["check-docx", str(out)]) == 0


def test_a_failing_case_is_one_line_and_the_others_are_still_made(tmp_path, sample_case, capsys):
    good = _case_file(tmp_path, sample_case)
    bad = tmp_path / "broken.pwcase"
    bad.write_text("{not json", encoding="utf-8")
    outdir = tmp_path / "packets"
    code = main(["packet", str(good), str(bad), str(good), "--outdir", str(outdir), "--date", "2026-11-28"])
    captured = capsys.readouterr()
    assert code == 1
    errors = captured.err.strip().splitlines()
    assert len(errors) == 1 and "broken.pwcase" in errors[0]
    names = sorted(p.name for p in outdir.iterdir())
    assert names == ["2026-11-28 Meeting packet - Alex Rivera (2).docx", "2026-11-28 Meeting packet - Alex Rivera.docx"]
    # Each line names the case and the file made from it.
    assert captured.out.count(f"{good} → ") == 2
    # A second run never replaces the first run's packets.
    first = (outdir / names[1]).read_bytes()
    main(["packet", str(good), "--outdir", str(outdir), "--date", "2026-11-28"])
    assert "Alex Rivera (3).docx" in capsys.readouterr().out
    assert (outdir / names[1]).read_bytes() == first and len(list(outdir.iterdir())) == 3


def test_usage_mistakes_are_explained(tmp_path, sample_case, capsys):
    case_path = _case_file(tmp_path, sample_case)
    assert main(["packet", str(case_path), "--out", str(tmp_path / "a.docx"), "--parts", "cover,agenda"]) == 1
    assert "unknown packet part “agenda”" in capsys.readouterr().err
    assert main(["packet", str(case_path), str(case_path), "--out", str(tmp_path / "a.docx")]) == 1
    assert "--outdir" in capsys.readouterr().err
    assert main(["packet", str(case_path), "--out", str(tmp_path / "a.docx"), "--date", "soon"]) == 1


def test_check_docx_prints_one_line_per_problem(tmp_path, capsys):
    doc = docx.Document()
    doc.add_heading("Deep", level=3)
    doc.add_paragraph("")
    path = tmp_path / "bad.docx"
    doc.save(str(path))
    assert main(["check-docx", str(path)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) >= 4 and all(line.startswith(f"{path}: ") for line in lines)
    assert main(["check-docx", str(tmp_path / "nothing.docx")]) == 1


def test_the_progress_bar_shows_only_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    plain = io.StringIO()
    progress = Progress(3, plain)
    progress.step("a")
    assert plain.getvalue() == ""
    terminal = Terminal()
    progress = Progress(2, terminal)
    progress.step("a.pwcase")
    assert "[" in terminal.getvalue() and "1/2 a.pwcase" in terminal.getvalue()
