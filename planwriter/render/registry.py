"""The template registry: finds templates, reads their metadata, validates their inputs."""

from __future__ import annotations

import datetime as dt
import logging
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from planwriter.core.model import DeliveryMethod, SchoolRole
from planwriter.core.paths import templates_dir

log = logging.getLogger(__name__)

FRONT_MATTER = "+++"
TEMPLATE_SUFFIX = ".md.j2"


class Kind(StrEnum):
    LETTER = "letter"
    LIST = "list"
    GOALS = "goals"
    PACKET = "packet"


class Group(StrEnum):
    """How letters are grouped for a parent choosing one."""

    EVALUATION = "evaluation"
    RECORDS = "records"
    MEETINGS = "meetings"
    DISAGREEMENTS = "disagreements"
    PLANS = "plans"


GROUP_LABELS = {
    Group.EVALUATION: "Getting an evaluation",
    Group.RECORDS: "Records and information",
    Group.MEETINGS: "Meetings and the plan",
    Group.DISAGREEMENTS: "Disagreements",
    Group.PLANS: "Plans, accommodations and goals",
}


class InputType(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    DATE = "date"
    CHOICE = "choice"
    LIST = "list"
    YES_NO = "yes_no"


class Choice(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: str
    label: str


class InputSpec(BaseModel):
    """One extra input a template needs, typed; it drives the app's form and the CLI's checks."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    type: InputType = InputType.TEXT
    required: bool = False
    help: str = ""
    example: str = ""
    choices: list[Choice] = Field(default_factory=list)
    default: Any = None
    #: The attachment's title when a long answer moves to the end of a letter, written for the
    #: school ("Reasons for the evaluation request"); empty: the frame's ``long_answer_title``.
    attachment: str = ""

    @field_validator("choices", mode="before")
    @classmethod
    def _choices(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"value": c, "label": c} if isinstance(c, str) else c for c in value]
        return value


class LegalCite(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cite: str
    summary: str


class ResponseRule(BaseModel):
    """When the school has to answer: a timeline from ``resources/timelines.json``, and/or the
    number of days the letter itself asks for when the law sets no number."""

    model_config = ConfigDict(extra="forbid")
    timeline: str = ""
    requested_days: int = 0
    requested_unit: str = "school"
    starts: str = "the day the school receives the letter"
    #: A date input the letter must come before (the private-placement notice's enrollment date):
    #: the deadline engine warns when too few business days remain (34 CFR 300.148(d)(1)(ii)).
    before_input: str = ""


class Guidance(BaseModel):
    """'Before you send': who gets it, how to keep proof, what should happen next."""

    model_config = ConfigDict(extra="forbid")
    send_to: str = ""
    proof: str = ""
    next_steps: list[str] = Field(default_factory=list)
    tips: list[str] = Field(default_factory=list)


class TemplateMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    situation: str
    kind: Kind = Kind.LETTER
    group: Group = Group.EVALUATION
    subject: str = ""
    #: The subject line instead when the child has a Section 504 plan ("Request for a Section 504 team meeting").
    subject_504: str = ""
    legal_basis: list[LegalCite] = Field(default_factory=list)
    recipient_role: SchoolRole | None = None
    #: Who receives the letter instead when the child has a Section 504 plan (the 504 coordinator).
    recipient_role_504: SchoolRole | None = None
    cc_roles: list[SchoolRole] = Field(default_factory=list)
    inputs: list[InputSpec] = Field(default_factory=list)
    response: ResponseRule | None = None
    guidance: Guidance = Field(default_factory=Guidance)
    enclosures: list[str] = Field(default_factory=list)
    #: How the letter is sent unless the family chooses otherwise (a due process complaint:
    #: certified mail, for proof of the date it was received).
    delivery: DeliveryMethod = DeliveryMethod.EMAIL
    order: int = 100
    #: Realistic inputs for the sample case: used by ``demo``, the self-test and the tests.
    sample_inputs: dict[str, Any] = Field(default_factory=dict)


class TemplateError(Exception):
    """A template that cannot be read or run; names the file and line where it can."""

    def __init__(self, message: str, path: Path | None = None, line: int | None = None) -> None:
        where = ""
        if path is not None:
            where = f"{path.name}" + (f", line {line}" if line else "") + ": "
        super().__init__(where + message)
        self.path = path
        self.line = line


class InputError(ValueError):
    """An extra input that does not fit its declared type; ``str()`` is one line for the user."""


@dataclass
class Template:
    meta: TemplateMeta
    body: str
    path: Path
    builtin: bool = True
    language: str = "en"
    body_line: int = 1  # line of the file where the body starts
    docx_path: Path | None = None  # a user's Word template (see render/user_templates.py)

    @property
    def id(self) -> str:
        return self.meta.id

    def input(self, name: str) -> InputSpec | None:
        return next((i for i in self.meta.inputs if i.name == name), None)


def read_template(path: Path, *, builtin: bool = True, language: str = "en") -> Template:
    """Read one ``*.md.j2`` file: TOML metadata between ``+++`` lines, then the Jinja body.

    A user's file must be a regular file of at most :data:`MAX_USER_TEMPLATE_BYTES`."""
    if not builtin:
        _check_user_file(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateError(f"cannot be read ({error})", path) from None
    lines = text.split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER:
        raise TemplateError("must start with a +++ line followed by the template's settings", path, 1)
    try:
        end = next(n for n in range(1, len(lines)) if lines[n].strip() == FRONT_MATTER)
    except StopIteration:
        raise TemplateError("the settings block is not closed with a +++ line", path, 1) from None
    try:
        raw = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line = None
        if "(at line " in message:
            try:
                line = int(message.split("(at line ")[1].split(",")[0]) + 1
            except ValueError:
                line = None
        elif "end of document" in message:
            line = end  # the last settings line, just above the closing +++
        raise TemplateError(f"the settings are not valid TOML ({message})", path, line) from None
    try:
        meta = TemplateMeta.model_validate(raw)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise TemplateError(f"setting “{where}”: {first['msg']}", path) from None
    # Keep line numbers of the body equal to line numbers in the file.
    body = "\n" * (end + 1) + "\n".join(lines[end + 1 :])
    return Template(meta, body, path, builtin=builtin, language=language, body_line=end + 2)


#: Largest text template (or Word template settings file) read from the user's folder.
MAX_USER_TEMPLATE_BYTES = 1024 * 1024


def _check_user_file(path: Path) -> None:
    """A file from the user's folder must be a regular file of a sensible size (not a pipe)."""
    import stat

    try:
        info = path.stat()
    except OSError as error:
        raise TemplateError(f"cannot be read ({error.strerror})", path) from None
    if not stat.S_ISREG(info.st_mode):
        raise TemplateError("is not a regular file", path)
    if info.st_size > MAX_USER_TEMPLATE_BYTES:
        raise TemplateError(f"is too large for a template ({info.st_size // 1024:,} kB; the limit is "
                            f"{MAX_USER_TEMPLATE_BYTES // 1024:,} kB)", path)


@dataclass
class Registry:
    """All templates for one language: the built-ins plus the user's own."""

    language: str = "en"
    user_dir: Path | None = None
    templates: dict[str, Template] = field(default_factory=dict)
    problems: list[TemplateError] = field(default_factory=list)

    @classmethod
    def load(cls, language: str = "en", user_dir: Path | None = None) -> Registry:
        registry = cls(language=language, user_dir=user_dir)
        builtin_dir = templates_dir() / language
        if not builtin_dir.is_dir():
            builtin_dir = templates_dir() / "en"
        for path in sorted(builtin_dir.rglob(f"*{TEMPLATE_SUFFIX}")):
            if path.name.startswith("_"):
                continue
            template = read_template(path, builtin=True, language=language)
            registry.templates[template.id] = template
        if user_dir is not None and user_dir.is_dir():
            try:
                registry._load_user(user_dir)
            except OSError as error:  # the folder itself cannot be listed
                registry.problems.append(TemplateError(f"cannot be read ({error.strerror})", user_dir))
        return registry

    def _load_user(self, folder: Path) -> None:
        from planwriter.render.user_templates import check_body, load_user_folder

        candidates: list[Template] = []
        for path in sorted(folder.glob(f"*{TEMPLATE_SUFFIX}")):
            try:
                template = read_template(path, builtin=False, language=self.language)
            except TemplateError as error:
                log.info("Skipped a user template: %s", error)
                self.problems.append(error)
                continue
            except (RecursionError, MemoryError):
                problem = TemplateError("the settings are nested too deeply to read", path)
                log.info("Skipped a user template: %s", problem)
                self.problems.append(problem)
                continue
            except Exception as error:
                problem = TemplateError(f"cannot be read ({type(error).__name__})", path)
                log.info("Skipped a user template: %s", problem)
                self.problems.append(problem)
                continue
            problem = check_body(template)
            if problem is not None:
                log.info("Skipped a user template: %s", problem)
                self.problems.append(problem)
                continue
            candidates.append(template)
        word_templates, word_problems = load_user_folder(folder, self.language)
        self.problems.extend(word_problems)
        for template in [*candidates, *word_templates]:
            path = template.path
            if template.id in self.templates and self.templates[template.id].builtin:
                self.problems.append(
                    TemplateError(f"uses the id “{template.id}” of a built-in template", path)
                )
                continue
            self.templates[template.id] = template

    @property
    def builtin_dir(self) -> Path:
        return templates_dir() / self.language

    def get(self, template_id: str) -> Template:
        try:
            return self.templates[template_id]
        except KeyError:
            known = ", ".join(sorted(self.templates)) or "none"
            raise KeyError(f"There is no template “{template_id}” (known: {known})") from None

    def all(self) -> list[Template]:
        return sorted(self.templates.values(), key=lambda t: (t.meta.order, t.meta.title))

    def letters(self) -> list[Template]:
        return [t for t in self.all() if t.meta.kind == Kind.LETTER]


# --------------------------------------------------------------------------- inputs


_TRUE = {"yes", "y", "true", "1", "on"}
_FALSE = {"no", "n", "false", "0", "off", ""}


def coerce_input(spec: InputSpec, value: Any) -> Any:
    """Check one input against its declared type and return it in its proper Python form."""
    from planwriter.core.text import clean_block, clean_line

    if value is None:
        return None
    if spec.type == InputType.TEXT:
        return clean_line(str(value))
    if spec.type == InputType.LONG_TEXT:
        return clean_block(str(value))
    if spec.type == InputType.DATE:
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise InputError(
                f"{spec.label}: “{text}” is not a date; write it as YYYY-MM-DD"
            ) from None
    if spec.type == InputType.CHOICE:
        text = str(value).strip()
        allowed = [c.value for c in spec.choices]
        if text and text not in allowed:
            raise InputError(f"{spec.label}: choose one of {', '.join(allowed)}")
        return text
    if spec.type == InputType.LIST:
        if isinstance(value, str):
            items = [part for part in value.replace("\r", "").split("\n")]
            if len(items) == 1:
                items = value.split(";")
        else:
            items = list(value)
        return [clean_line(str(i)) for i in items if clean_line(str(i))]
    if spec.type == InputType.YES_NO:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise InputError(f"{spec.label}: answer yes or no")
    return value


def validate_inputs(template: Template, inputs: dict[str, Any]) -> dict[str, Any]:
    """Coerce every known input; unknown names are an error (a typo would otherwise be ignored)."""
    out: dict[str, Any] = {}
    for name in inputs:
        if template.input(name) is None:
            known = ", ".join(i.name for i in template.meta.inputs) or "none"
            raise InputError(f"The letter “{template.meta.title}” has no input “{name}” (inputs: {known})")
    for spec in template.meta.inputs:
        value = inputs.get(name := spec.name, spec.default)
        out[name] = coerce_input(spec, value)
    return out
