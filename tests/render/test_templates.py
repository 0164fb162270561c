"""The template sandbox, filters, metadata and inputs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planwriter.render import environment as env_mod
from planwriter.render.engine import render_document, render_template_text
from planwriter.render.environment import join_list, long_date, possessive
from planwriter.render.registry import InputError, Registry, TemplateError, read_template

HEADER = '''+++
id = "{id}"
title = "Test letter"
situation = "Testing"
+++
'''


def _user_template(folder: Path, name: str, body: str, template_id: str | None = None) -> Path:
    path = folder / f"{name}.md.j2"
    path.write_text(HEADER.format(id=template_id or name) + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(("value", "expected"), [
    (dt.date(2026, 11, 28), "November 28, 2026"),
    (dt.date(2027, 1, 5), "January 5, 2027"),
    ("2026-03-01", "March 1, 2026"),
])
def test_dates_are_written_the_us_way(value, expected):
    assert long_date(value) == expected


@pytest.mark.parametrize(("items", "expected"), [
    (["reading"], "reading"),
    (["reading", "math"], "reading and math"),
    (["reading", "writing", "math"], "reading, writing, and math"),
    ([], ""),
])
def test_lists_are_joined_with_a_serial_comma(items, expected):
    assert join_list(items) == expected


def test_possessives_add_apostrophe_s():
    assert possessive("Alex") == "Alex's"
    assert possessive("Chris") == "Chris's"


@pytest.mark.parametrize("attack", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ child.__class__.__init__.__globals__ }}",
    "{{ range.__globals__ }}",
    "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
])
def test_a_template_cannot_reach_python_internals(tmp_path, sample_case, attack):
    _user_template(tmp_path, "evil", attack + "\n")
    registry = Registry.load(user_dir=tmp_path)
    with pytest.raises(TemplateError) as caught:
        render_document(sample_case, "evil", registry=registry)
    assert "evil.md.j2" in str(caught.value)


def test_an_unknown_name_is_an_error_with_file_and_line(tmp_path, sample_case):
    _user_template(tmp_path, "typo", "Hello {{ child.first_name }}.\n\nBye {{ chlid.name }}.\n")
    registry = Registry.load(user_dir=tmp_path)
    with pytest.raises(TemplateError, match=r"typo\.md\.j2, line 8: uses something planwriter does not know"):
        render_document(sample_case, "typo", registry=registry)


def test_a_syntax_error_names_the_file_and_line_and_other_templates_still_load(tmp_path):
    _user_template(tmp_path, "broken", "Fine line\n{% if child.first_name %}never closed\n")
    (tmp_path / "nosettings.md.j2").write_text("no front matter here\n", encoding="utf-8")
    _user_template(tmp_path, "good", "Hello {{ child.first_name }}.\n")
    registry = Registry.load(user_dir=tmp_path)
    assert "good" in registry.templates
    assert any("nosettings.md.j2, line 1" in str(p) for p in registry.problems)
    # A template that does not compile is left out, with the file and line named.
    assert "broken" not in registry.templates
    assert any(str(p).startswith("broken.md.j2, line 7: Unexpected end of template") for p in registry.problems)


def test_a_user_template_cannot_replace_a_built_in(tmp_path):
    _user_template(tmp_path, "records", "Mine\n", template_id="records")
    registry = Registry.load(user_dir=tmp_path)
    assert registry.get("records").builtin
    assert any("built-in" in str(p) for p in registry.problems)


def test_printing_none_is_a_template_bug_not_a_blank(tmp_path, sample_case):
    _user_template(tmp_path, "none", "Value: {{ nothing }}\n")
    registry = Registry.load(user_dir=tmp_path)
    template = registry.get("none")
    with pytest.raises(TemplateError, match="printed an empty value"):
        render_template_text(template, {"nothing": None})


def test_inputs_are_checked_against_their_declared_types(sample_case):
    with pytest.raises(InputError, match="is not a date; write it as YYYY-MM-DD"):
        render_document(sample_case, "records", {"meeting_date": "next Tuesday"})
    with pytest.raises(InputError, match="choose one of electronic, paper, inspect"):
        render_document(sample_case, "records", {"record_format": "fax"})
    with pytest.raises(InputError, match="has no input “colour”"):
        render_document(sample_case, "records", {"colour": "blue"})


def test_every_built_in_template_has_complete_metadata():
    registry = Registry.load()
    assert len(registry.letters()) >= 3
    for template in registry.all():
        meta = template.meta
        assert meta.title and meta.situation
        if meta.kind == "letter":
            assert meta.legal_basis, template.id
            assert meta.recipient_role is not None, template.id
            assert meta.guidance.send_to and meta.guidance.proof and meta.guidance.next_steps, template.id
        for spec in meta.inputs:
            assert spec.label and spec.label[0].isupper(), (template.id, spec.name)


def test_front_matter_errors_are_reported_with_the_file(tmp_path):
    path = tmp_path / "bad.md.j2"
    path.write_text('+++\nid = "bad"\ntitle = \n+++\nbody\n', encoding="utf-8")
    with pytest.raises(TemplateError, match=r"bad\.md\.j2.*not valid TOML"):
        read_template(path, builtin=False)


def test_the_environment_is_sandboxed():
    assert type(env_mod.make_environment()).__name__ == "SandboxedEnvironment"


@pytest.mark.parametrize(("grade", "expected"), [
    ("3", "grade 3"), ("K", "kindergarten"), ("kindergarten", "kindergarten"), ("Pre-K", "pre-kindergarten"),
    ("10th", "10th grade"), ("3rd grade", "3rd grade"), ("Grade 5", "Grade 5"),
    ("Transition program", "Transition program"),
])
def test_grades_read_naturally_in_the_letter_frame(sample_case, grade, expected):
    from planwriter.render.context import grade_phrase

    assert grade_phrase(grade) == expected
    sample_case.child.grade = grade
    subject = next(b for b in render_document(sample_case, "records").blocks if getattr(b, "style", "") == "Subject")
    assert f"School: Maple Grove Elementary School, {expected}" in subject.text
