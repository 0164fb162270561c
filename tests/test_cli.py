"""The command line, run as a user runs it: a separate process, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from planwriter.core.sample import sample_path


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planwriter.cli", *args],
        capture_output=True, text=True, input=stdin, timeout=120,
    )


def test_templates_lists_the_letters_grouped_by_situation():
    result = cli("templates")
    assert result.returncode == 0, result.stderr
    assert "Getting an evaluation:" in result.stdout
    assert "initial-evaluation" in result.stdout and "records" in result.stdout


def test_templates_json_describes_each_template():
    result = cli("templates", "--json")
    assert result.returncode == 0, result.stderr
    data = {t["id"]: t for t in json.loads(result.stdout)}
    records = data["records"]
    assert records["kind"] == "letter" and records["builtin"] is True
    assert records["response"]["timeline"] == "records_access"
    assert {i["name"] for i in records["inputs"]} >= {"meeting_date", "record_format"}


def test_render_writes_a_word_document(tmp_path):
    out = tmp_path / "records.docx"
    result = cli("render", str(sample_path()), "--template", "records", "--set", "meeting_date=2027-01-12",
                 "--date", "2026-11-02", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Response due: 2026-12-17" in result.stdout
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "January 12, 2027" in text


def test_render_without_out_prints_the_letter():
    result = cli("render", str(sample_path()), "-t", "initial-evaluation")
    assert result.returncode == 0, result.stderr
    assert "Dear Mr. Okafor:" in result.stdout


def test_list_inputs_can_be_given_by_repeating_a_key(tmp_path):
    result = cli("render", str(sample_path()), "-t", "iep-meeting", "--set", "reasons=First reason",
                 "--set", "reasons=Second reason")
    assert result.returncode == 0, result.stderr
    assert "First reason" in result.stdout and "Second reason" in result.stdout


def test_demo_writes_the_sample_case_and_every_built_in_document(tmp_path):
    result = cli("demo", str(tmp_path / "demo"))
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (tmp_path / "demo").iterdir())
    assert "Sample case - Alex Rivera.pwcase" in written
    documents = [n for n in written if n.endswith(".docx")]
    assert len(documents) >= 3
    for name in documents:
        docx.Document(str(tmp_path / "demo" / name))  # each one opens
    assert cli("validate", str(tmp_path / "demo" / "Sample case - Alex Rivera.pwcase")).returncode == 0


def test_validate_accepts_the_sample():
    result = cli("validate", str(sample_path()))
    assert result.returncode == 0
    assert "valid planwriter case for Alexander James Rivera" in result.stdout


@pytest.mark.parametrize(("content", "expected"), [
    ('{"schema_version": 2, "child": {', "damaged or incomplete"),
    ('{"schema_version": 99}', "newer version of planwriter"),
    ('{"schema_version": 2, "child": {"date_of_birth": "2999-01-01"}}', "The date of birth is in the future"),
])
def test_validate_rejects_a_broken_file_with_one_clear_line(tmp_path, content, expected):
    path = tmp_path / "broken.pwcase"
    path.write_text(content, encoding="utf-8")
    result = cli("validate", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("args", "expected"), [
    (("render", "SAMPLE", "-t", "no-such-letter"), "There is no template “no-such-letter”"),
    (("render", "SAMPLE", "-t", "records", "--set", "meeting_date=soon"), "is not a date"),
    (("render", "SAMPLE", "-t", "records", "--set", "oops"), "--set needs KEY=VALUE"),
    (("render", "nowhere.pwcase", "-t", "records"), "no file named “nowhere.pwcase”"),
])
def test_user_errors_exit_1_without_a_traceback(args, expected):
    args = tuple(str(sample_path()) if a == "SAMPLE" else a for a in args)
    result = cli(*args)
    assert result.returncode == 1, result.stdout
    assert expected in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_export_with_missing_information_exits_1_and_writes_nothing(tmp_path):
    path = tmp_path / "thin.pwcase"
    path.write_text('{"schema_version": 2, "child": {"legal_first_name": "Sam"}}', encoding="utf-8")
    out = tmp_path / "x.docx"
    result = cli("render", str(path), "-t", "records", "--out", str(out))
    assert result.returncode == 1
    assert "Before exporting, please add:" in result.stderr
    assert not out.exists()


def test_usage_errors_exit_2():
    assert cli().returncode == 2
    assert cli("render").returncode == 2
    assert cli("frobnicate").returncode == 2


def test_the_cli_entry_point_is_installed():
    script = Path(sys.executable).parent / "planwriter-cli"
    if not script.exists():
        pytest.skip("planwriter is not installed as a package in this environment")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("planwriter ")


def test_your_own_templates_in_the_app_data_folder_are_listed_beside_the_built_ins(tmp_path, monkeypatch):
    folder = tmp_path / "appdata" / "templates"
    folder.mkdir(parents=True)
    (folder / "thank-you.md.j2").write_text(
        '+++\nid = "thank-you"\ntitle = "Thank-you note"\nsituation = "I want to thank the team"\n'
        'group = "meetings"\nrecipient_role = "teacher"\n+++\nThank you for your help with {{ child.first_name }}.\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("PLANWRITER_DATA_DIR", str(tmp_path / "appdata"))
    result = cli("templates")
    assert result.returncode == 0, result.stderr
    assert "thank-you" in result.stdout and "(yours)" in result.stdout
    rendered = cli("render", str(sample_path()), "-t", "thank-you")
    assert "Thank you for your help with Alex." in rendered.stdout
