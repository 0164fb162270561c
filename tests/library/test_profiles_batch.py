"""Sender profiles applied to letters, and the batch export with its report."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from planwriter.core import casefile
from planwriter.core.model import Address, Sender, SenderRole
from planwriter.core.profiles import (
    PROFILES_NAME,
    ProfileBook,
    SenderProfile,
    apply_profile,
    for_rendering,
    load_profiles,
    save_profiles,
)
from planwriter.render.docx_writer import reference_path
from planwriter.render.engine import render_document
from planwriter.render.library_batch import PACKET, batch_export

from .conftest import TODAY, make_case, write_library

ROOT = Path(__file__).resolve().parents[2]


def _advocate(name: str = "Dana Ortiz", phone: str = "(503) 555-0199") -> SenderProfile:
    return SenderProfile(sender=Sender(
        role=SenderRole.ADVOCATE, name=name, title="Family Advocate", organization="Family Advocacy Network",
        address=Address(street="12 Main St", city="Salem", state="OR", postal_code="97301"),
        phone=phone, email="dana@example.org", signature_line=f"{name}, M.Ed.",
    ))


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for section in document.sections:
        for header in (section.header, section.first_page_header):
            parts += [p.text for p in header.paragraphs]
    return "\n".join(parts)


def test_profiles_are_saved_in_the_app_data_folder(tmp_path: Path) -> None:
    book = ProfileBook()
    first = book.add(_advocate())
    book.add(_advocate("Lee Park"))
    book.default_id = first.id
    save_profiles(book, tmp_path)
    again = load_profiles(tmp_path)
    assert [p.sender.name for p in again.profiles] == ["Dana Ortiz", "Lee Park"]
    assert again.default().label == "Dana Ortiz, Family Advocate (Family Advocacy Network)"
    again.remove(first.id)
    assert again.default() is None and [p.sender.name for p in again.profiles] == ["Lee Park"]


def test_damaged_profiles_file_gives_none_and_is_kept(tmp_path: Path) -> None:
    (tmp_path / PROFILES_NAME).write_text("{oops", encoding="utf-8")
    assert load_profiles(tmp_path).profiles == []
    assert (tmp_path / PROFILES_NAME).read_text(encoding="utf-8") == "{oops"


def test_case_chooses_its_profile_and_letters_use_it(tmp_path: Path) -> None:
    book = ProfileBook()
    profile = book.add(_advocate())
    case = make_case(1)
    apply_profile(case, profile)
    assert case.sender_profile_id == profile.id and case.sender.name == "Dana Ortiz"
    # The case file keeps the choice and a copy of the details.
    casefile.save(case, tmp_path / "c.pwcase", keep_backup=False)
    loaded = casefile.load(tmp_path / "c.pwcase")
    assert loaded.sender_profile_id == profile.id
    # A later change to the profile reaches the case's letters, without changing the case.
    profile.sender = _advocate(phone="(503) 555-0123").sender
    ready, letterhead = for_rendering(loaded, book)
    assert letterhead is None and loaded.sender.phone == "(503) 555-0199"
    text = render_document(ready, "records", {}, today=TODAY).plain_text()
    assert "Dana Ortiz" in text and "(503) 555-0123" in text and "Family Advocacy Network" in text
    assert "Dana Ortiz, M.Ed." in text and "Maria Rivera\nMother" not in text
    # Unknown profile (another computer): the case's own copy signs.
    same, _ = for_rendering(loaded, ProfileBook())
    assert same is loaded
    apply_profile(loaded, None)
    assert loaded.sender_profile_id == "" and loaded.sender.name == "Dana Ortiz"


def test_batch_uses_each_cases_profile_and_letterhead(tmp_path: Path) -> None:
    letterhead = tmp_path / "letterhead.docx"
    head = docx.Document(str(reference_path()))
    head.sections[0].header.paragraphs[0].text = "FAMILY ADVOCACY NETWORK LETTERHEAD"
    head.save(str(letterhead))
    book = ProfileBook()
    dana = book.add(_advocate())
    dana.letterhead = str(letterhead)
    lee = book.add(_advocate("Lee Park"))
    folder = tmp_path / "cases"
    folder.mkdir()
    for i, profile in ((0, dana), (1, lee), (2, None)):
        case = make_case(i)
        apply_profile(case, profile)
        casefile.save(case, folder / f"{i}.pwcase", keep_backup=False)
    report = batch_export(sorted(folder.glob("*.pwcase")), "records", tmp_path / "out", today=TODAY,
                          profiles=book)
    assert [i.ok for i in report.items] == [True, True, True], report.lines()
    texts = [_docx_text(i.output) for i in report.items]
    assert "Dana Ortiz" in texts[0] and "FAMILY ADVOCACY NETWORK LETTERHEAD" in texts[0]
    assert "Lee Park" in texts[1] and "LETTERHEAD" not in texts[1]
    assert "Maria Rivera" in texts[2]


def test_batch_report_says_what_failed_and_why(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    paths = write_library(folder, 4)
    incomplete = make_case(7)
    incomplete.guardians = []
    incomplete.sender = Sender()
    casefile.save(incomplete, folder / "no-sender.pwcase", keep_backup=False)
    all_paths = [*paths, folder / "damaged.pwcase", folder / "families" / "from-the-future.pwcase",
                 folder / "no-sender.pwcase", folder / "gone.pwcase"]
    seen = []
    report = batch_export(all_paths, "records", tmp_path / "out", today=TODAY,
                          progress=lambda done, total, name: seen.append((done, total)))
    assert seen == [(n, 8) for n in range(1, 9)]
    assert len(report.written) == 4 and all(i.output.is_file() for i in report.written)
    problems = {i.case_path.name: i.problem for i in report.failed}
    assert "damaged or incomplete" in problems["damaged.pwcase"]
    assert "newer version" in problems["from-the-future.pwcase"]
    assert problems["no-sender.pwcase"].startswith("still missing:")
    assert "no file named" in problems["gone.pwcase"]
    lines = report.lines()
    assert lines[-1] == "4 of 8 documents written" and len(lines) == 9
    assert sum(" → " in line for line in lines) == 4
    # Nothing was written for the failures; the case files are unchanged.
    assert len(list((tmp_path / "out").iterdir())) == 4


def test_batch_accommodation_list_packet_and_stop(tmp_path: Path) -> None:
    paths = write_library(tmp_path / "cases", 3, broken=False)
    lists = batch_export(paths, "accommodations", tmp_path / "out", today=TODAY)
    assert len(lists.written) == 3 and all("Requested accommodations" in i.output.name for i in lists.written)
    packets = batch_export(paths[:2], PACKET, tmp_path / "out", today=TODAY)
    assert len(packets.written) == 2 and all("packet" in i.output.name.lower() for i in packets.written)
    stopped = batch_export(paths, "records", tmp_path / "out2", today=TODAY, should_stop=lambda: True)
    assert stopped.stopped and stopped.items == [] and "stopped" in stopped.lines()[-1]
    with pytest.raises(KeyError):
        batch_export(paths, "no-such-letter", tmp_path / "out3")


def test_same_name_children_get_separate_files(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    for n in range(2):
        casefile.save(make_case(0), folder / f"{n}.pwcase", keep_backup=False)
    report = batch_export(sorted(folder.glob("*.pwcase")), "records", tmp_path / "out", today=TODAY)
    names = sorted(i.output.name for i in report.written)
    assert len(set(names)) == 2 and names[0].endswith("(2).docx")
    assert [line.split(" → ")[0] for line in report.lines()[:-1]] == ["0.pwcase", "1.pwcase"]
    # The next batch into the same folder adds files beside them.
    again = batch_export(sorted(folder.glob("*.pwcase")), "records", tmp_path / "out", today=TODAY)
    assert sorted(i.output.name[-9:] for i in again.written) == [" (3).docx", " (4).docx"]
    assert len(list((tmp_path / "out").iterdir())) == 4


def _cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "PLANWRITER_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "planwriter.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


def test_cli_cases_json_due_and_ics(library_folder: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = _cli("cases", str(library_folder), "--json", "--date", TODAY.isoformat(), data_dir=data)
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert len(listed) == 14
    first = listed[0]
    for key in ("path", "child", "state", "plan", "next_date", "overdue"):
        assert key in first
    assert any(e["problem"] for e in listed)
    ics = tmp_path / "week.ics"
    result = _cli("cases", str(library_folder), "--json", "--due-within", "7", "--date", TODAY.isoformat(),
                  "--ics", str(ics), data_dir=data)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    due = answer["cases"]
    assert due and all(e["due"] for e in due)
    # The unreadable cases are named, not silently left out of what is due.
    assert answer["problems"] and all(p["path"] and p["problem"] for p in answer["problems"])
    assert f"{len(answer['problems'])} case" in answer["note"]
    text = _cli("cases", str(library_folder), "--due-within", "7", "--date", TODAY.isoformat(), data_dir=data)
    assert "could not be read, so" in text.stderr and "dates are missing" in text.stderr
    as_file = _cli("cases", str(next(library_folder.rglob("*.pwcase"))), data_dir=data)
    assert as_file.returncode != 0 and "is a file, not a folder" in as_file.stderr
    end = (TODAY + dt.timedelta(days=7)).isoformat()
    assert all(d["overdue"] or TODAY.isoformat() <= d["date"] <= end for e in due for d in e["due"])
    assert ics.read_bytes().count(b"BEGIN:VEVENT") == sum(len(e["due"]) for e in due)
    table = _cli("cases", str(library_folder), "--date", TODAY.isoformat(), data_dir=data)
    assert "could not be read" in table.stdout and "Sam Chen1" in table.stdout


def test_cli_render_several_cases_with_outdir(library_folder: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    book = ProfileBook()
    profile = book.add(_advocate())
    save_profiles(book, data)
    path = library_folder / "case-0001.pwcase"
    case = casefile.load(path)
    apply_profile(case, profile)
    casefile.save(case, path, keep_backup=False)
    out = tmp_path / "out"
    result = _cli("render", str(library_folder / "case-0000.pwcase"), str(path),
                  str(library_folder / "damaged.pwcase"), "-t", "records", "--outdir", str(out),
                  "--date", TODAY.isoformat(), data_dir=data)
    assert result.returncode == 1
    assert "damaged.pwcase" in result.stderr and "2 of 3 documents written" in result.stderr
    written = sorted(out.iterdir())
    assert len(written) == 2
    assert "Dana Ortiz" in _docx_text(next(p for p in written if "Sam Chen1" in p.name))
    assert f"{path} → " in result.stdout
    # A second run (another child of the same name, or the same case again) never replaces a file.
    before = {p.name: p.read_bytes() for p in written}
    again = _cli("render", str(path), "-t", "records", "--outdir", str(out), "--date", TODAY.isoformat(),
                 data_dir=data)
    assert again.returncode == 0 and "(2).docx" in again.stdout
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.name in before} == before
    single = _cli("render", str(path), "-t", "records", data_dir=data)
    assert single.returncode == 0 and "Dana Ortiz" in single.stdout
    both = _cli("render", str(path), str(path), "-t", "records", "--out", str(tmp_path / "x.docx"), data_dir=data)
    assert both.returncode == 1 and "--outdir" in both.stderr


def test_docx_text_helper_reads_headers() -> None:
    buffer = io.BytesIO()
    docx.Document(str(reference_path())).save(buffer)
    assert buffer.getvalue()[:2] == b"PK"


def test_batch_documents_match_the_single_export(tmp_path: Path) -> None:
    """The batch reuses one opened reference document; its files must equal a plain export's."""
    import zipfile

    from planwriter.render.engine import export
    from planwriter.render.letter import LetterOptions

    letterhead = tmp_path / "letterhead.docx"
    docx.Document(str(reference_path())).save(str(letterhead))
    paths = write_library(tmp_path / "cases", 2, broken=False)
    for head in (None, letterhead):
        report = batch_export(paths, "records", tmp_path / f"out-{bool(head)}", today=TODAY, letterhead=head)
        for item in report.items:
            single = tmp_path / "single.docx"
            export(casefile.load(item.case_path), "records", single, {},
                   LetterOptions(date=TODAY, letterhead=head is not None), letterhead=head, today=TODAY)
            a, b = zipfile.ZipFile(item.output), zipfile.ZipFile(single)
            assert a.namelist() == b.namelist()
            for name in a.namelist():
                if name != "docProps/core.xml":  # holds the time of writing
                    assert a.read(name) == b.read(name), name


def test_cli_packet_uses_the_case_profile(library_folder: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    letterhead = tmp_path / "letterhead.docx"
    head = docx.Document(str(reference_path()))
    head.sections[0].header.paragraphs[0].text = "FAMILY ADVOCACY NETWORK LETTERHEAD"
    head.save(str(letterhead))
    book = ProfileBook()
    profile = book.add(_advocate())
    profile.letterhead = str(letterhead)
    save_profiles(book, data)
    path = library_folder / "case-0001.pwcase"
    case = casefile.load(path)
    apply_profile(case, profile)
    casefile.save(case, path, keep_backup=False)
    out = tmp_path / "packets"
    result = _cli("packet", str(path), str(library_folder / "case-0004.pwcase"), "--outdir", str(out),
                  "--date", TODAY.isoformat(), data_dir=data)
    assert result.returncode == 0, result.stderr
    texts = {p.name: _docx_text(p) for p in out.iterdir()}
    mine = next(t for n, t in texts.items() if "Sam Chen1" in n)
    other = next(t for n, t in texts.items() if "Ana Nguyen4" in n)
    assert "Dana Ortiz" in mine and "FAMILY ADVOCACY NETWORK LETTERHEAD" in mine
    assert "LETTERHEAD" not in other
