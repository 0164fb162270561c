"""Damaged case files: one plain line each, the file left untouched, never a hang or a traceback."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwriter.core import casefile
from planwriter.core.model import SCHEMA_VERSION, Case

ROOT = Path(__file__).resolve().parents[2]


#: How the good file states its version: the damage below is done to this text.
VERSION = f'"schema_version": {SCHEMA_VERSION}'.encode()


def _good(case: Case) -> bytes:
    return casefile.dumps(case).encode("utf-8")


KINDS = {
    "deep-lists": lambda good: b'{"schema_version": 3, "notes": ' + b"[" * 1000 + b"]" * 1000 + b"}",
    "deep-records": lambda good: b'{"schema_version": 3, "x": ' + b'{"a":' * 100_000 + b"1" + b"}" * 100_001,
    "huge-number": lambda good: good.replace(VERSION, b'"schema_version": ' + b"9" * 5000),
    "huge-float": lambda good: good.replace(VERSION, b'"schema_version": 1' + b"0" * 400 + b".5"),
    "nan": lambda good: good.replace(VERSION, b'"schema_version": NaN'),
    "infinity": lambda good: good.replace(VERSION, b'"schema_version": -Infinity'),
    "duplicate-key": lambda good: good.replace(VERSION, VERSION + b", " + VERSION),
    "utf16-garbage": lambda good: b"\xff\xfe\x00garbage",
    "latin1": lambda good: good.replace(b"Alexander", "Alexánder".encode("latin-1")),
    "nul": lambda good: good.replace(b"Alexander", b"Alex\x00ander"),
    "truncated": lambda good: good[: len(good) // 3],
    "empty": lambda good: b"",
    "binary": lambda good: bytes(range(256)) * 10,
    "not-a-record": lambda good: b"[1, 2, 3]",
    "wrong-types": lambda good: good.replace(b'"legal_first_name": "Alexander"', b'"legal_first_name": [1, {}]'),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_of_damage_gives_one_line(tmp_path: Path, sample_case: Case, kind: str) -> None:
    path = tmp_path / "damaged.pwcase"
    good = _good(sample_case)
    damaged = KINDS[kind](good)
    assert damaged != good  # the damage was done (the text it changes is still in a good file)
    path.write_bytes(damaged)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(casefile.CaseFileError) as caught:
        casefile.load(path)
    message = str(caught.value)
    assert message and "\n" not in message and "Traceback" not in message
    assert "Alexander" not in message
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.pwcase"]


@pytest.mark.parametrize("encode", [lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
                                    lambda text: text.encode("utf-16")], ids=["utf8-bom", "utf16"])
def test_a_case_saved_by_a_text_editor_is_read(tmp_path: Path, sample_case: Case, encode) -> None:
    path = tmp_path / "bom.pwcase"
    path.write_bytes(encode(_good(sample_case).decode("utf-8")))
    assert casefile.load(path).child.legal_first_name == sample_case.child.legal_first_name


def _load_in_thread(path: Path) -> BaseException | None:
    result: list[BaseException | None] = [None]

    def run() -> None:
        try:
            casefile.load(path)
        except BaseException as error:
            result[0] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(5)
    assert not thread.is_alive(), f"loading {path} hangs"
    return result[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.pwcase"
    os.mkfifo(fifo)
    error = _load_in_thread(fifo)
    assert isinstance(error, casefile.CaseFileError)
    assert "pipe" in str(error)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused(tmp_path: Path) -> None:
    error = _load_in_thread(Path("/dev/zero"))
    assert isinstance(error, casefile.CaseFileError)


def test_a_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.pwcase"
    with open(path, "wb") as handle:
        handle.truncate(casefile.MAX_CASE_BYTES + 1)  # sparse: no disk used
    with pytest.raises(casefile.CaseFileError, match="too large"):
        casefile.load(path)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(casefile.CaseFileError, match="folder"):
        casefile.load(tmp_path)


@st.composite
def damaged(draw: st.DrawFn, good: bytes) -> bytes:
    data = bytearray(good)
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["flip", "cut", "insert", "delete", "duplicate"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if how == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif how == "cut":
            del data[at:]
        elif how == "insert":
            data[at:at] = draw(st.sampled_from([b"\x00", b"\xff", b"[", b"{", b'"', b"\\ud800", b"NaN",
                                                b"\xef\xbb\xbf", b"9" * 50, b"\x0b", b",", b"}"]))
        elif how == "delete":
            del data[at : at + draw(st.integers(1, 50))]
        else:
            end = min(len(data), at + draw(st.integers(1, 200)))
            data[at:at] = data[at:end]
    return bytes(data)


@given(data=st.data())
def test_any_damage_loads_or_gives_one_line_and_what_loads_saves(tmp_path_factory, data) -> None:
    from planwriter.core.sample import sample_case

    good = _good(sample_case())
    blob = data.draw(damaged(good))
    folder = tmp_path_factory.mktemp("damaged")
    path = folder / "case.pwcase"
    path.write_bytes(blob)
    try:
        case = casefile.load(path)
    except casefile.CaseFileError as error:
        assert "\n" not in str(error)
        assert path.read_bytes() == blob
        return
    assert path.read_bytes() == blob
    casefile.save(case, folder / "saved.pwcase")
    casefile.load(folder / "saved.pwcase")


def test_cli_validate_gives_one_line_for_a_fifo_and_a_deep_file(tmp_path: Path) -> None:
    deep = tmp_path / "deep.pwcase"
    deep.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    targets = [deep]
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo.pwcase"
        os.mkfifo(fifo)
        targets.append(fifo)
    for target in targets:
        result = subprocess.run([sys.executable, "-m", "planwriter.cli", "validate", str(target)],
                                capture_output=True, text=True, timeout=60, cwd=ROOT)
        assert result.returncode != 0
        assert "Traceback" not in result.stderr + result.stdout
        assert len((result.stderr + result.stdout).strip().splitlines()) == 1, result.stderr + result.stdout
