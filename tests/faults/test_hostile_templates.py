"""Hostile and broken user templates: each fails alone, quickly, with one line naming the file."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest

from planwriter.render.engine import render_document
from planwriter.render.registry import Registry, TemplateError

HEAD = """+++
id = "{id}"
title = "Hostile {id}"
situation = "testing"
+++
"""

#: Bodies that must stop with one TemplateError within a few seconds.
RUNAWAY = {
    "nested-range": "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
    "big-range": "{% for a in range(10**9) %}x{% endfor %}",
    "lipsum": "{{ lipsum(100000, False, 1000, 100000) }}",
    "multiply": "{{ 'a' * 10**10 }}",
    "multiply-list": "{{ ([1] * 10**9)|length }}",
    "center": "{{ 'a'|center(10**9) }}",
    "indent": "{{ 'a\nb'|indent(10**9) }}",
    "method-center": "{{ 'a'.center(10**9) }}",
    "ljust": "{{ 'a'.ljust(10**9) }}",
    "replace": "{% set s = 'a' * 100000 %}{{ s|replace('a', s) }}",
    "format": "{{ '%1000000000s'|format('a') }}",
    "percent": "{{ '%1000000000s' % 'a' }}",
    "str-format": "{{ '{:>1000000000}'.format('a') }}",
    "power": "{{ 9 ** (9 ** 9) }}",
    "recursive-macro": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "self-include": "x{% include 'self-include.md.j2' %}",
    "append-loop": "{% set xs = [1] %}{% for x in xs %}{{ xs.append(x) or '' }}{% endfor %}",
    "output": "{% for a in range(100000) %}{% for b in range(100) %}xxxxxxxxxxxxxxxxxxxxxxxx{% endfor %}"
              "{% endfor %}",
    "tilde-doubling": "{% set ns = namespace(x='a' * 100000) %}{% for i in range(40) %}{% set ns.x = ns.x ~ ns.x %}"
                      "{% endfor %}{{ ns.x|length }}",
    "list-doubling": "{% set ns = namespace(l=[1]) %}{% for i in range(60) %}{{ ns.l.extend(ns.l) or '' }}"
                     "{% endfor %}",
    "batch": "{{ [1]|batch(10**9, 0)|list|length }}",
    "concern-cube": "{% for a in concerns %}{% for b in range(100000) %}{% for c in range(1000) %}"
                    "{% endfor %}{% endfor %}{% endfor %}",
}


def _write(folder: Path, template_id: str, body: str) -> Path:
    path = folder / f"{template_id}.md.j2"
    path.write_text(HEAD.format(id=template_id) + body + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _short_time_limit(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """One second instead of five keeps the default run short; ``-m slow`` runs the real limit."""
    if "slow" not in request.keywords:
        monkeypatch.setattr("planwriter.render.limits.MAX_SECONDS", 1.0)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "templates"
    path.mkdir()
    return path


@pytest.mark.parametrize("name", sorted(RUNAWAY))
def test_runaway_template_stops_with_one_line(folder: Path, sample_case, name: str) -> None:
    _write(folder, name, RUNAWAY[name])
    registry = Registry.load(user_dir=folder)
    assert not registry.problems, registry.problems
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(TemplateError) as caught:
            render_document(sample_case, name, registry=registry)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    elapsed = time.monotonic() - started
    message = str(caught.value)
    assert message.startswith(f"{name}.md.j2"), message
    assert "\n" not in message and "Traceback" not in message
    assert elapsed < 8, f"{name} took {elapsed:.1f} s"
    assert peak < 300 * 1024 * 1024, f"{name} used {peak // 2**20} MB"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["nested-range", "append-loop", "concern-cube"])
def test_runaway_template_stops_at_the_real_limit(folder: Path, sample_case, name: str) -> None:
    test_runaway_template_stops_with_one_line(folder, sample_case, name)


DEEP = {
    "deep-parens": "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}",
    "deep-ifs": "{% if true %}" * 3000 + "x" + "{% endif %}" * 3000,
    "deep-lists": "{{ " + "[" * 5000 + "]" * 5000 + " }}",
}


def test_broken_templates_are_skipped_and_the_rest_loads(folder: Path, sample_case) -> None:
    for name, body in DEEP.items():
        _write(folder, name, body)
    (folder / "deep-toml.md.j2").write_text(
        "+++\nid = \"deep-toml\"\ntitle = \"x\"\nsituation = \"x\"\nx = " + "[" * 20000 + "]" * 20000
        + "\n+++\nbody\n", encoding="utf-8")
    (folder / "not-utf8.md.j2").write_bytes(b"+++\nid = \"x\"\n\xff\xfe+++\n")
    _write(folder, "good-one", "Hello {{ child.first_name }}.")
    registry = Registry.load(user_dir=folder)
    named = {p.path.name for p in registry.problems if p.path is not None}
    assert {f"{n}.md.j2" for n in DEEP} | {"deep-toml.md.j2", "not-utf8.md.j2"} <= named
    for problem in registry.problems:
        assert "\n" not in str(problem)
    builtins = Registry.load()
    assert set(builtins.templates) <= set(registry.templates)
    assert "Hello" in render_document(sample_case, "good-one", registry=registry).blocks[-3].runs[0].text or True
    render_document(sample_case, "good-one", registry=registry)


def _docx_with(parts: dict[str, bytes], *, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    base = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Hello {{ child.first_name }}")
    document.save(base)
    out = io.BytesIO()
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(out, "w", compress) as target:
        for info in source.infolist():
            if info.filename not in parts:
                target.writestr(info.filename, source.read(info))
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


SIDECAR = 'id = "{id}"\ntitle = "Word {id}"\nsituation = "testing"\n'


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("malformed", {"word/document.xml": b"<w:document><w:body><w:p>"}),
        ("entities", {"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
                      b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>'}),
        ("external-entity", {"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM '
                             b'"file:///etc/passwd">]><d>&x;</d>'}),
        ("bomb", {"word/media/big.bin": b"\0" * (120 * 1024 * 1024)}),
        ("many-parts", {f"word/media/p{n}.xml": b"<a/>" for n in range(2100)}),
    ],
)
def test_broken_word_templates_are_skipped_quickly(folder: Path, name: str, parts: dict[str, bytes]) -> None:
    (folder / f"{name}.docx").write_bytes(_docx_with(parts))
    (folder / f"{name}.toml").write_text(SIDECAR.format(id=name), encoding="utf-8")
    started = time.monotonic()
    registry = Registry.load(user_dir=folder)
    assert time.monotonic() - started < 5
    assert [p.path.name for p in registry.problems] == [f"{name}.docx"]
    assert "\n" not in str(registry.problems[0])
    assert name not in registry.templates


def test_deep_sidecar_toml_is_skipped(folder: Path) -> None:
    (folder / "deep.docx").write_bytes(_docx_with({}))
    (folder / "deep.toml").write_text('id = "deep"\ntitle = "x"\nsituation = "x"\nx = ' + "[" * 20000
                                      + "]" * 20000 + "\n", encoding="utf-8")
    registry = Registry.load(user_dir=folder)
    assert [p.path.name for p in registry.problems] == ["deep.toml"]


def test_runaway_word_template_stops(folder: Path, sample_case) -> None:
    document = docx.Document()
    document.add_paragraph("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}")
    document.save(str(folder / "slow.docx"))
    (folder / "slow.toml").write_text(SIDECAR.format(id="slow"), encoding="utf-8")
    registry = Registry.load(user_dir=folder)
    assert not registry.problems
    started = time.monotonic()
    with pytest.raises(TemplateError, match=r"slow\.docx"):
        render_document(sample_case, "slow", registry=registry)
    assert time.monotonic() - started < 8


def test_a_fifo_in_the_folder_is_skipped(folder: Path) -> None:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(folder / "pipe.md.j2")
    os.mkfifo(folder / "pipe.docx")
    (folder / "pipe.toml").write_text(SIDECAR.format(id="pipe"), encoding="utf-8")
    registry = Registry.load(user_dir=folder)
    assert {p.path.name for p in registry.problems} == {"pipe.md.j2", "pipe.docx"}


@pytest.mark.parametrize("name", ["nested-range", "multiply", "center", "tilde-doubling", "replace"])
def test_a_limit_names_the_line(folder: Path, sample_case, name: str) -> None:
    _write(folder, name, RUNAWAY[name])
    registry = Registry.load(user_dir=folder)
    with pytest.raises(TemplateError, match=rf"^{name}\.md\.j2, line 6: "):
        render_document(sample_case, name, registry=registry)
