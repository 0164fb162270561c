"""The user's own templates: syntax checks for Markdown ones, and Word (.docx) templates via docxtpl.

A Word template is ``NAME.docx`` with Jinja placeholders (``{{ child.full_name }}``) plus a sidecar
``NAME.toml`` holding the same settings as a built-in template's front matter. It runs in the same
sandboxed environment, with the same case data, and exports straight to .docx; its preview text is
the rendered document's paragraphs. Any problem is reported as a :class:`TemplateError` that names
the file and where in it, and never crashes the registry.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from jinja2 import FileSystemLoader, TemplateSyntaxError, UndefinedError
from jinja2 import TemplateError as JinjaError
from jinja2.sandbox import SecurityError
from pydantic import ValidationError

from planwriter.core.paths import templates_dir
from planwriter.render.blocks import Document, Paragraph, Run
from planwriter.render.environment import (
    Missing,
    TemplateBug,
    _missing_seen,
    collect_missing,
    join_list,
    long_date,
    make_environment,
    stop_collecting,
)
from planwriter.render.registry import Template, TemplateError, TemplateMeta

log = logging.getLogger(__name__)

DOCX_SUFFIX = ".docx"
SIDECAR_SUFFIX = ".toml"


# --------------------------------------------------------------------------- Markdown templates


def check_body(template: Template) -> TemplateError | None:
    """Compile a template's body once, so a syntax error is found when the folder is loaded."""
    search = [str(template.path.parent), str(templates_dir() / template.language)]
    env = make_environment(FileSystemLoader(search), limited=True)
    try:
        env.compile(template.body)
    except TemplateSyntaxError as error:
        return TemplateError(error.message or "syntax error", template.path, error.lineno)
    except (RecursionError, MemoryError):
        return TemplateError("is nested too deeply to read (brackets or blocks inside each other "
                             "hundreds of times)", template.path, _deep_line(template.body))
    except Exception as error:
        return TemplateError(f"cannot be read ({type(error).__name__})", template.path)
    return None


def _deep_line(text: str) -> int | None:
    """The first line where brackets or blocks are nested deeper than anyone writes by hand."""
    depth = 0
    for number, line in enumerate(text.split("\n"), start=1):
        depth += line.count("(") + line.count("[") + line.count("{%")
        if depth > 50:
            return number
        depth -= line.count(")") + line.count("]") + 2 * line.count("{% end")
    return None


# --------------------------------------------------------------------------- Word templates


@dataclass
class DocxDocument(Document):
    """A document rendered from a user's Word template: the finished file plus its text for previews."""

    docx_bytes: bytes = b""


def _docx_finalize(value: Any) -> str:
    """Like the Markdown sandbox's ``finalize``, but values become XML-safe text for Word."""
    if isinstance(value, Missing):
        seen = _missing_seen.get()
        if seen is not None and value.label not in seen:
            seen.append(value.label)
        return xml_escape(f"[{value.label}]")
    if value is None:
        raise TemplateBug("the template printed an empty value (None); guard it with {% if %}")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return xml_escape(long_date(value))
    if isinstance(value, list | tuple | set | frozenset):
        return xml_escape(join_list(value))
    if isinstance(value, dict):
        raise TemplateBug("the template printed a whole record; print one of its fields instead")
    return xml_escape(" ".join(str(value).split("\n")))


def docx_environment():
    """The same sandboxed environment (filters, strict names), printing XML-safe text."""
    env = make_environment(limited=True)
    env.finalize = _docx_finalize
    # docxtpl puts each Word paragraph on its own line; keep Word's own spacing untouched.
    env.trim_blocks = False
    env.lstrip_blocks = False
    return env


def _sidecar_meta(toml_path: Path) -> TemplateMeta:
    from planwriter.render.registry import _check_user_file

    _check_user_file(toml_path)
    try:
        text = toml_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateError(f"cannot be read ({error})", toml_path) from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line = None
        if "(at line " in message:
            try:
                line = int(message.split("(at line ")[1].split(",")[0])
            except ValueError:
                line = None
        raise TemplateError(f"the settings are not valid TOML ({message})", toml_path, line) from None
    except (RecursionError, MemoryError):
        raise TemplateError("the settings are nested too deeply to read", toml_path) from None
    try:
        return TemplateMeta.model_validate(raw)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise TemplateError(f"setting “{where}”: {first['msg']}", toml_path,
                            _key_line(text, str(first["loc"][0]))) from None


def _key_line(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith(key):
            return number
    return None


def _paragraph_texts(data: bytes) -> list[str]:
    import docx

    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    from docx.oxml.ns import qn

    texts = []
    for p in body.iter(qn("w:p")):
        texts.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    return texts


def _as_plain_jinja(text: str) -> str:
    """docxtpl's paragraph/row/run tags (``{%p``, ``{%tr``, ``{{r``) as plain Jinja, for checking."""
    for tag in ("{%p ", "{%tr ", "{%tc ", "{%r "):
        text = text.replace(tag, "{% ")
    return text.replace("{{r ", "{{ ").replace("{{p ", "{{ ")


def read_docx_template(path: Path, *, language: str = "en") -> Template:
    """Read ``NAME.docx`` and its sidecar ``NAME.toml``; check the placeholders compile."""
    toml_path = path.with_suffix(SIDECAR_SUFFIX)
    if not toml_path.is_file():
        raise TemplateError(
            f"needs a settings file named {toml_path.name} beside it (id, title, situation, kind …)", path
        )
    meta = _sidecar_meta(toml_path)
    from planwriter.render.docx_safety import UnsafeDocx, check_docx_bytes, read_limited

    try:
        data = read_limited(path)
        check_docx_bytes(data, needs="word/document.xml")
        paragraphs = _paragraph_texts(data)
    except UnsafeDocx as error:
        raise TemplateError(str(error), path) from None
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise TemplateError(f"is not a Word document that planwriter can open ({error})", path) from None
    except Exception as error:
        raise TemplateError(f"is not a Word document that planwriter can open ({type(error).__name__})",
                            path) from None
    env = docx_environment()
    try:
        env.compile(_as_plain_jinja("\n".join(paragraphs)))
    except (RecursionError, MemoryError):
        raise TemplateError("its placeholders are nested too deeply to read", path) from None
    except TemplateSyntaxError as error:
        line = error.lineno
        near = paragraphs[line - 1].strip() if line and 0 < line <= len(paragraphs) else ""
        where = f" (paragraph {line}" + (f": “{near[:60]}”" if near else "") + ")" if line else ""
        raise TemplateError(f"placeholder error{where}: {error.message}", path) from None
    return Template(meta, "", path, builtin=False, language=language, body_line=1, docx_path=path)


def render_docx_template(template: Template, context: dict[str, Any]) -> DocxDocument:
    """Fill a Word template with the case context in the sandbox; the result keeps Word's layout."""
    from docxtpl import DocxTemplate

    from planwriter.render.docx_safety import UnsafeDocx, check_docx_bytes, read_limited
    from planwriter.render.limits import LimitExceeded, budget

    path = template.docx_path
    assert path is not None
    seen, token = collect_missing()
    try:
        with budget():
            data = read_limited(path)
            check_docx_bytes(data, needs="word/document.xml")
            tpl = DocxTemplate(io.BytesIO(data))
            tpl.render(context, jinja_env=docx_environment())
            buffer = io.BytesIO()
            tpl.save(buffer)
    except (UnsafeDocx, LimitExceeded) as error:
        raise TemplateError(str(error), path) from None
    except RecursionError:
        raise TemplateError("stopped: it includes or calls itself without end", path) from None
    except SecurityError as error:
        raise TemplateError(f"tries to use something templates may not use ({error})", path) from None
    except (TemplateSyntaxError, UndefinedError, TemplateBug, JinjaError) as error:
        message = getattr(error, "message", None) or str(error)
        near = " ".join(part.strip() for part in getattr(error, "docx_context", []) if part.strip())
        where = f" (near “{near[:80]}”)" if near else ""
        raise TemplateError(f"placeholder error{where}: {message}", path) from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError) as error:
        raise TemplateError(f"failed while running ({type(error).__name__}: {error})", path) from None
    except (OSError, zipfile.BadZipFile) as error:
        raise TemplateError(f"cannot be opened ({error})", path) from None
    except Exception as error:
        raise TemplateError(f"failed while running ({type(error).__name__})", path) from None
    finally:
        stop_collecting(token)
    data = buffer.getvalue()
    blocks = [Paragraph([Run(text)]) for text in _paragraph_texts(data) if text.strip()]
    child = context.get("child", {})
    name = child.get("full_name") if isinstance(child, dict) else None
    title = template.meta.title
    sender = context.get("sender", {})
    author = sender.get("name") if isinstance(sender, dict) else None
    return DocxDocument(
        author=author if isinstance(author, str) else "",
        title=f"{title} - {name}" if isinstance(name, str) and name else title,
        blocks=blocks,
        kind=template.meta.kind.value,
        template_id=template.id,
        subject=template.meta.subject or title,
        missing=list(seen),
        docx_bytes=data,
    )


def load_user_folder(folder: Path, language: str) -> tuple[list[Template], list[TemplateError]]:
    """Every Word template in ``folder`` that can be read, and a problem for each that cannot."""
    found: list[Template] = []
    problems: list[TemplateError] = []
    for path in sorted(folder.glob(f"*{DOCX_SUFFIX}")):
        if path.name.startswith(("~$", ".")):  # Word's lock files and hidden files
            continue
        try:
            found.append(read_docx_template(path, language=language))
        except TemplateError as error:
            log.info("Skipped a user template: %s", error)
            problems.append(error)
        except Exception as error:
            problem = TemplateError(f"cannot be read ({type(error).__name__})", path)
            log.info("Skipped a user template: %s", problem)
            problems.append(problem)
    return found, problems

