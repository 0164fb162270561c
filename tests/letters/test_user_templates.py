"""The user's own templates: Markdown and Word, in the same sandbox, with clear messages when broken."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from planwriter.render.engine import MissingInformation, export, render_document
from planwriter.render.registry import Registry, TemplateError

GOOD_MD = """+++
id = "my-note"
title = "My note"
situation = "I want a short note in my own words"
+++
Hello from {{ child.full_name }}'s family.
"""


def _word_template(folder: Path, name: str, paragraphs: list[str], settings: str | None) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = folder / f"{name}.docx"
    document.save(str(path))
    if settings is not None:
        (folder / f"{name}.toml").write_text(settings, encoding="utf-8")
    return path


WORD_SETTINGS = """id = "word-letter"
title = "Letter in my Word layout"
situation = "I want my own letterhead and wording"
kind = "letter"
group = "meetings"

[[inputs]]
name = "topic"
label = "What the letter is about"
type = "text"
required = true
"""

WORD_BODY = [
    "Re: {{ child.full_name }}, born {{ child.date_of_birth|long_date }}",
    "{{ child.first_name }} is in grade {{ child.grade }} at {{ child.school }}.",
    "{% if concerns %}Concerns: {{ concern_areas|join_list }}.{% endif %}",
    "About: {{ inputs.topic }}. {{ p.They }} need{{ p.s }} help.",
]


@pytest.fixture
def user_dir(data_dir: Path) -> Path:
    folder = data_dir / "templates"
    folder.mkdir()
    (folder / "my-note.md.j2").write_text(GOOD_MD, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("file_name", "text", "message"),
    [
        ("syntax.md.j2", GOOD_MD.replace('id = "my-note"', 'id = "syntax"') + "{% if child %}\nno end\n",
         "syntax.md.j2, line 8: Unexpected end of template"),
        ("brace.md.j2", GOOD_MD.replace('id = "my-note"', 'id = "brace"').replace("}}'s", "}'s"),
         "brace.md.j2, line 6"),
        ("settings.md.j2", '+++\nid = "settings"\ntitle = \n+++\nHi\n', "settings.md.j2, line 3"),
        ("settings2.md.j2", '+++\nid = "settings2"\ntitle = = "x"\nsituation = "y"\n+++\nHi\n',
         "settings2.md.j2, line 3"),
        ("nofront.md.j2", "Just text {{ child.full_name }}\n", "nofront.md.j2, line 1"),
        ("badid.md.j2", '+++\nid = "Bad Id"\ntitle = "x"\nsituation = "y"\n+++\nHi\n', "badid.md.j2"),
    ],
)
def test_a_broken_markdown_template_is_reported_with_file_and_line_and_the_rest_load(
    user_dir, file_name, text, message
):
    (user_dir / file_name).write_text(text, encoding="utf-8")
    registry = Registry.load(user_dir=user_dir)
    assert [str(p) for p in registry.problems if message in str(p)], [str(p) for p in registry.problems]
    assert "my-note" in registry.templates
    assert not registry.templates["my-note"].builtin
    assert len(registry.letters()) >= 16


def test_a_runtime_mistake_in_a_user_template_names_the_file_and_line(user_dir, sample_case):
    (user_dir / "oops.md.j2").write_text(GOOD_MD.replace('id = "my-note"', 'id = "oops"')
                                         + "\n{{ child.no_such_thing.deeper }}\n", encoding="utf-8")
    registry = Registry.load(user_dir=user_dir)
    with pytest.raises(TemplateError, match=r"oops\.md\.j2, line 8"):
        render_document(sample_case, "oops", registry=registry)


def test_a_user_template_cannot_reach_python_internals(user_dir, sample_case):
    (user_dir / "escape.md.j2").write_text(
        GOOD_MD.replace('id = "my-note"', 'id = "escape"') + "{{ ''.__class__.__mro__ }}\n",
        encoding="utf-8")
    registry = Registry.load(user_dir=user_dir)
    with pytest.raises(TemplateError, match=r"escape\.md\.j2"):
        render_document(sample_case, "escape", registry=registry)


def test_a_word_template_renders_with_the_case_data_and_exports_as_word(user_dir, sample_case, tmp_path):
    _word_template(user_dir, "word-letter", WORD_BODY, WORD_SETTINGS)
    registry = Registry.load(user_dir=user_dir)
    assert registry.problems == []
    template = registry.get("word-letter")
    assert not template.builtin and template.meta.title == "Letter in my Word layout"

    topic = "Reading & <writing> \"help\""
    document = render_document(sample_case, "word-letter", {"topic": topic}, registry=registry)
    assert document.missing == []
    assert "Re: Alexander James Rivera, born March 14, 2017" in document.plain_text()

    out = tmp_path / "out.docx"
    export(sample_case, "word-letter", out, {"topic": topic}, registry=registry)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts == [
        "Re: Alexander James Rivera, born March 14, 2017",
        "Alex is in grade 3 at Maple Grove Elementary School.",
        "Concerns: reading, writing, and attention and focus.",
        f"About: {topic}. He needs help.",
    ]


def test_a_word_template_with_missing_information_will_not_export(user_dir, sample_case, tmp_path):
    _word_template(user_dir, "word-letter", WORD_BODY, WORD_SETTINGS)
    registry = Registry.load(user_dir=user_dir)
    document = render_document(sample_case, "word-letter", {}, registry=registry)
    assert document.missing == ["what the letter is about"]
    assert "[what the letter is about]" in document.plain_text()
    with pytest.raises(MissingInformation):
        export(sample_case, "word-letter", tmp_path / "out.docx", {}, registry=registry)


def test_a_word_template_cannot_run_unsafe_code(user_dir, sample_case):
    settings = 'id = "sneaky"\ntitle = "Sneaky"\nsituation = "I want to see what happens"\n'
    _word_template(user_dir, "sneaky", ["{{ ''.__class__.__mro__[1].__subclasses__() }}"], settings)
    registry = Registry.load(user_dir=user_dir)
    with pytest.raises(TemplateError, match=r"sneaky\.docx: tries to use something templates may not use"):
        render_document(sample_case, "sneaky", registry=registry)


@pytest.mark.parametrize(
    ("paragraphs", "settings", "message"),
    [
        (["fine", "{% if child.first_name %}never closed"], WORD_SETTINGS,
         "broken.docx: placeholder error (paragraph 2"),
        (["fine"], None, "broken.docx: needs a settings file named broken.toml"),
        (["fine"], 'id = "x"\ntitle = "x"\nsituation = \n', "broken.toml, line 3"),
        (["fine"], 'id = "x"\ntitle = "x"\n', "broken.toml: setting “situation”"),
    ],
)
def test_a_broken_word_template_is_reported_and_the_rest_load(user_dir, paragraphs, settings, message):
    _word_template(user_dir, "broken", paragraphs, settings)
    registry = Registry.load(user_dir=user_dir)
    assert any(message in str(p) for p in registry.problems), [str(p) for p in registry.problems]
    assert "my-note" in registry.templates


def test_a_file_that_is_not_really_word_is_reported(user_dir):
    (user_dir / "fake.docx").write_bytes(b"not a zip file")
    (user_dir / "fake.toml").write_text('id = "fake"\ntitle = "x"\nsituation = "y"\n', encoding="utf-8")
    registry = Registry.load(user_dir=user_dir)
    assert any("fake.docx: is not a Word document" in str(p) for p in registry.problems)


def test_a_user_template_may_not_take_a_built_in_id(user_dir):
    (user_dir / "records.md.j2").write_text(GOOD_MD.replace('id = "my-note"', 'id = "records"'),
                                            encoding="utf-8")
    registry = Registry.load(user_dir=user_dir)
    assert registry.templates["records"].builtin
    assert any("records.md.j2" in str(p) and "built-in" in str(p) for p in registry.problems)
