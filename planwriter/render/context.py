"""Builds the plain data a template sees from a case: no Qt, no pydantic objects, no None."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from pydantic import BaseModel

from planwriter.core.accommodations import accommodation_groups
from planwriter.core.model import (
    AREA_LABELS,
    CATEGORY_LABELS,
    DELIVERY_LABELS,
    ROLE_LABELS,
    Case,
    CategoryStatus,
    Contact,
    PlanStatus,
    Pronouns,
    SchoolRole,
    Sender,
    SenderRole,
)
from planwriter.render.environment import Missing

_PRONOUNS = {
    Pronouns.HE: dict(they="he", them="him", their="his", theirs="his", themself="himself",
                      are="is", have="has", were="was", do="does", s="", child="son"),
    Pronouns.SHE: dict(they="she", them="her", their="her", theirs="hers", themself="herself",
                       are="is", have="has", were="was", do="does", s="", child="daughter"),
    Pronouns.THEY: dict(they="they", them="them", their="their", theirs="theirs",
                        themself="themself", are="are", have="have", were="were", do="do",
                        s="", child="child"),
}

PLAN_LABELS = {
    PlanStatus.NONE: "no IEP or 504 plan yet",
    PlanStatus.EVALUATING: "being evaluated",
    PlanStatus.IEP: "an IEP",
    PlanStatus.PLAN_504: "a Section 504 plan",
}


def pronoun_set(pronouns: Pronouns) -> dict[str, str]:
    """Pronoun words for templates: ``p.they``, ``p.They``, ``p.are``, and the verb ending ``p.s``.

    "{{ p.They }} struggle{{ p.s }}" gives "He struggles" or "They struggle".
    """
    words = dict(_PRONOUNS[pronouns])
    words["s"] = "" if pronouns == Pronouns.THEY else "s"
    words["es"] = "" if pronouns == Pronouns.THEY else "es"
    for key in ("they", "them", "their", "theirs", "themself"):
        words[key[:1].upper() + key[1:]] = words[key][:1].upper() + words[key][1:]
    return words


def plain(value: Any, label: str = "") -> Any:
    """Turn model data into dicts and lists; empty values become :class:`Missing`."""
    if isinstance(value, BaseModel):
        return _model_dict(value, label)
    if isinstance(value, list):
        return [plain(v, label) for v in value]
    if isinstance(value, Enum):
        return value.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return Missing(label or "information")
    return value


def _model_dict(model: BaseModel, owner: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, info in type(model).model_fields.items():
        title = info.title or name.replace("_", " ")
        # Labels read as what to add: "the sender's name", like "the child's date of birth".
        out[name] = plain(getattr(model, name), title if title.startswith("the ") else f"the {title}")
    return out


def address_lines(address: dict[str, Any]) -> list[str]:
    lines = [address[k] for k in ("street", "street2") if address.get(k)]
    place = ", ".join(address[k] for k in ("city", "state") if address.get(k))
    if address.get("postal_code"):
        place = f"{place} {address['postal_code']}".strip()
    if place:
        lines.append(place)
    return lines


def contact_dict(contact: Contact | None, role: SchoolRole | None, case: Case) -> dict[str, Any]:
    """A recipient or cc entry; falls back to the role's title when no contact is on file."""
    if contact is None:
        title = ROLE_LABELS[role] if role else "Special Education Office"
        district = case.child.district or case.child.school
        if role == SchoolRole.STATE_AGENCY:  # the state, not the district, receives state complaints
            district = ""
        return {
            "id": "",
            "name": "",
            "title": title,
            "role": role.value if role else "",
            "organization": district,
            "email": "",
            "phone": "",
            "address_lines": [],
            "salutation": title,
            "known": False,
        }
    data = plain(contact, "contact")
    organization = case.child.district if contact.role in (
        SchoolRole.SPECIAL_EDUCATION_DIRECTOR, SchoolRole.SUPERINTENDENT,
        SchoolRole.SECTION_504_COORDINATOR,
    ) else case.child.school
    if contact.role == SchoolRole.STATE_AGENCY:
        organization = ""
    data.update(
        title=contact.display_title,
        organization=organization or case.child.district or case.child.school,
        address_lines=contact.address.lines(),
        salutation=contact.salutation or contact.name or contact.display_title,
        known=bool(contact.name),
    )
    return data


def sender_dict(sender: Sender, case: Case) -> dict[str, Any]:
    data = plain(sender, "sender")
    data["is_advocate"] = sender.role == SenderRole.ADVOCATE
    data["address_lines"] = sender.address.lines()
    relationship = "parent"
    for guardian in case.guardians:
        if guardian.name and guardian.name == sender.name and guardian.relationship:
            relationship = guardian.relationship
    data["relationship"] = relationship
    return data


def grade_phrase(grade: str) -> str:
    """How a grade reads in a sentence: "3" → "grade 3", "K" → "kindergarten", "10th" → "10th grade"."""
    text = grade.strip()
    low = text.lower()
    if low in ("k", "kg", "kindergarten"):
        return "kindergarten"
    if low in ("pk", "pre-k", "prek", "pre-kindergarten", "prekindergarten"):
        return "pre-kindergarten"
    if "grade" in low or not text[:1].isdigit():
        return text
    if low[-2:] in ("st", "nd", "rd", "th"):
        return f"{text} grade"
    return f"grade {text}"


def child_dict(case: Case) -> dict[str, Any]:
    child = case.child
    data = plain(child, "child")
    data["full_name"] = child.full_legal_name or Missing("the child's name")
    data["first_name"] = child.first_name or Missing("the child's first name")
    data["last_name"] = child.legal_last_name or Missing("the child's last name")
    data["date_of_birth"] = child.date_of_birth or Missing("the child's date of birth")
    data["school"] = child.school or Missing("the child's school")
    data["grade"] = child.grade or Missing("the child's grade")
    data["grade_phrase"] = grade_phrase(child.grade) if child.grade else data["grade"]
    data["district"] = child.district or Missing("the school district")
    if child.date_of_birth:
        today = dt.date.today()
        dob = child.date_of_birth
        data["age"] = today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))
    else:
        data["age"] = Missing("the child's age")
    return data


def build_context(case: Case, *, today: dt.date | None = None) -> dict[str, Any]:
    """Everything a template may use about the case (inputs and letter details are added later).

    The result is a :class:`~planwriter.render.lazy.LazyContext`: each part is built the first
    time a template uses it, so a short letter on a large case stays fast."""
    from planwriter.render.lazy import Lazy, LazyContext

    today = today or dt.date.today()
    made: dict[str, Any] = {}

    def once(name: str, make):
        def get():
            if name not in made:
                made[name] = make()
            return made[name]

        return get

    def guardians():
        entries = [plain(g, "guardian") for g in case.guardians if g.name]
        for entry, guardian in zip(entries, [g for g in case.guardians if g.name], strict=True):
            entry["address_lines"] = guardian.address.lines()
        return entries

    def concerns():
        items = []
        for concern in case.concerns:
            if not concern.description:
                continue
            item = plain(concern, "concern")
            item["area_label"] = AREA_LABELS[concern.area]
            item["examples"] = [plain(e, "example") for e in concern.examples if e.text]
            items.append(item)
        return items

    def present_levels():
        items = []
        for level in case.present_levels:
            item = plain(level, "present level")
            item["area_label"] = AREA_LABELS[level.area]
            items.append(item)
        return items

    def categories():
        return [
            {
                "category": c.category.value,
                "label": CATEGORY_LABELS[c.category],
                "status": c.status.value,
                "suspected": c.status == CategoryStatus.SUSPECTED,
            }
            for c in case.categories
        ]

    def contacts_by_role():
        by_role: dict[str, list[dict[str, Any]]] = {}
        for contact in case.contacts:
            by_role.setdefault(contact.role.value, []).append(contact_dict(contact, contact.role, case))
        return by_role

    def areas():
        found = []
        for concern in case.concerns:
            label = AREA_LABELS[concern.area]
            if concern.description and label not in found:
                found.append(label)
        return found

    get_guardians, get_categories = once("guardians", guardians), once("categories", categories)
    return LazyContext({
        "today": today,
        "child": Lazy(lambda: child_dict(case)),
        "p": Lazy(lambda: pronoun_set(case.child.pronouns)),
        "guardians": Lazy(get_guardians),
        "family": Lazy(lambda: [g["name"] for g in get_guardians()]),
        "sender": Lazy(lambda: sender_dict(case.effective_sender(), case)),
        "plan_status": case.plan_status.value,
        "plan_label": PLAN_LABELS[case.plan_status],
        "has_iep": case.plan_status == PlanStatus.IEP,
        "has_504": case.plan_status == PlanStatus.PLAN_504,
        "categories": Lazy(get_categories),
        "suspected_categories": Lazy(lambda: [c["label"] for c in get_categories() if c["suspected"]]),
        "found_categories": Lazy(lambda: [c["label"] for c in get_categories() if not c["suspected"]]),
        "diagnoses": Lazy(lambda: [plain(d, "diagnosis") for d in case.diagnoses if d.name]),
        "strengths": Lazy(lambda: list(case.strengths)),
        "concerns": Lazy(concerns),
        "concern_areas": Lazy(areas),
        "interventions": Lazy(lambda: [plain(i, "intervention") for i in case.interventions if i.description]),
        "present_levels": Lazy(present_levels),
        "accommodations": Lazy(lambda: [plain(a, "accommodation") for a in case.accommodations if a.text]),
        "accommodation_groups": Lazy(lambda: accommodation_groups(case)),
        "goals": Lazy(lambda: [plain(g, "goal") for g in case.goals]),
        "key_dates": Lazy(lambda: plain(case.key_dates, "date")),
        "contacts": Lazy(contacts_by_role),
        "delivery_labels": {k.value: v for k, v in DELIVERY_LABELS.items()},
    })  # type: ignore[return-value]
