"""``planwriter-cli templates`` and ``planwriter-cli guidance`` for the letter library."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from planwriter.cli import main
from planwriter.core import casefile


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_templates_lists_at_least_sixteen_letters(capsys):
    code, out, _ = run(capsys, "templates", "--json")
    assert code == 0
    letters = [t for t in json.loads(out) if t["kind"] == "letter"]
    assert len(letters) >= 16
    assert "section-504-evaluation" in {t["id"] for t in letters}


def test_templates_marks_the_users_own(capsys, data_dir: Path):
    folder = data_dir / "templates"
    folder.mkdir()
    (folder / "mine.md.j2").write_text('+++\nid = "mine"\ntitle = "Mine"\nsituation = "I want it"\n+++\nHi\n',
                                       encoding="utf-8")
    (folder / "broken.md.j2").write_text("no settings\n", encoding="utf-8")
    code, out, err = run(capsys, "templates", "--user-templates", str(folder))
    assert code == 0
    assert "mine  " in out and "Mine  (yours)" in out
    assert "warning: broken.md.j2, line 1" in err


def test_guidance_prints_before_you_send_and_legal_basis(capsys):
    code, out, _ = run(capsys, "guidance", "independent-evaluation")
    assert code == 0
    assert "Before you send" in out
    assert "Who should receive it:" in out and "director of special education" in out
    assert "Keep proof of delivery:" in out
    assert "What should happen next:" in out
    assert "34 CFR 300.502(b)(1)" in out
    assert "not legal advice" in out


@pytest.mark.parametrize(
    ("state", "due", "how"),
    [("CA", "2026-12-04", "5 business days"), ("OR", "2027-01-09", "45 calendar days")],
)
def test_guidance_computes_the_response_date_for_a_case(capsys, sample_case, tmp_path, state, due, how):
    sample_case.child.state = state
    path = tmp_path / "case.pwcase"
    casefile.save(sample_case, path, keep_backup=False)
    code, out, _ = run(capsys, "guidance", "records", "--case", str(path), "--date", "2026-11-25", "--json")
    assert code == 0
    response = json.loads(out)["response"]
    assert response["due"] == due
    assert how in response["explanation"]
    assert ("California rule" if state == "CA" else "federal default") in response["explanation"]

    code, out, _ = run(capsys, "guidance", "records", "--case", str(path), "--date", "2026-11-25")
    day = dt.date.fromisoformat(due)
    assert f"Access to education records: {day:%B} {day.day}, {day.year}" in " ".join(out.split())


def test_guidance_when_the_law_sets_no_number(capsys):
    code, out, _ = run(capsys, "guidance", "independent-evaluation", "--date", "2026-11-25", "--json")
    assert code == 0
    response = json.loads(out)["response"]
    assert response["due"] is None
    assert "without unnecessary delay" in response["law_note"]
    assert response["requested"] == "2026-12-10"


@pytest.mark.parametrize(("argv", "message"), [
    (["guidance", "no-such-letter"], "There is no template “no-such-letter”"),
    (["guidance", "records", "--date", "soon"], "--date “soon” is not a date"),
])
def test_guidance_mistakes_are_one_line_with_exit_code_1(capsys, argv, message):
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert message in err and "Traceback" not in err
