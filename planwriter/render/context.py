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
    Guardian,
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


def plain(value: Any, label: str = "", field: str = "") -> Any:
    """Turn model data into dicts and lists; empty values become :class:`Missing`.

    ``field`` names where the value lives (``child``, ``sender``, ``input:proposal``); a model's
    fields extend it (``child.school``), so what is missing is known by field, not by its words.
    """
    if isinstance(value, BaseModel):
        return _model_dict(value, label, field)
    if isinstance(value, list):
        return [plain(v, label, field) for v in value]
    if isinstance(value, Enum):
        return value.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return Missing(label or "information", field)
    return value


def _model_dict(model: BaseModel, owner: str, path: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, info in type(model).model_fields.items():
        title = info.title or name.replace("_", " ")
        # Labels read as what to add: "the sender's name", like "the child's date of birth".
        out[name] = plain(getattr(model, name), title if title.startswith("the ") else f"the {title}",
                          f"{path}.{name}" if path else "")
    return out


def address_lines(address: dict[str, Any]) -> list[str]:
    lines = [address[k] for k in ("street", "street2") if address.get(k)]
    place = ", ".join(address[k] for k in ("city", "state") if address.get(k))
    if address.get("postal_code"):
        place = f"{place} {address['postal_code']}".strip()
    if place:
        lines.append(place)
    return lines


_OUTSIDE_AGENCIES = frozenset({SchoolRole.STATE_AGENCY, SchoolRole.OFFICE_FOR_CIVIL_RIGHTS})
_REQUIRED_NAMES = {SchoolRole.SUPERINTENDENT: "the superintendent's name"}


def contact_dict(contact: Contact | None, role: SchoolRole | None, case: Case) -> dict[str, Any]:
    """A recipient or cc entry; falls back to the role's title when no contact is on file."""
    if contact is None:
        title = ROLE_LABELS[role] if role else "Special Education Office"
        district = case.child.district or case.child.school
        if role in _OUTSIDE_AGENCIES:  # the state or OCR, not the district, receives complaints
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
            "salutation": "Sir or Madam" if role == SchoolRole.OFFICE_FOR_CIVIL_RIGHTS else title,
            "known": False,
            # A letter that must reach a named person (a due process complaint goes to the
            # superintendent) lists the name as missing rather than writing "Dear Superintendent".
            "required_name": _REQUIRED_NAMES.get(role, "") if role else "",
        }
    data = plain(contact, "contact", "contact")
    organization = case.child.district if contact.role in (
        SchoolRole.SPECIAL_EDUCATION_DIRECTOR, SchoolRole.SUPERINTENDENT,
        SchoolRole.SECTION_504_COORDINATOR,
    ) else case.child.school
    if contact.role in _OUTSIDE_AGENCIES:
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
    data = plain(sender, "sender", "sender")
    data["is_advocate"] = sender.role == SenderRole.ADVOCATE
    data["address_lines"] = sender.address.lines()
    relationship = "parent"
    for guardian in case.guardians:
        if guardian.name and guardian.name == sender.name and guardian.relationship:
            relationship = guardian.relationship
    data["relationship"] = relationship
    return data


#: Relationships that make a guardian a parent in the letters' wording ("the parents of …").
PARENT_WORDS = ("parent", "mother", "father", "stepmother", "stepfather", "mom", "dad")


def signing_guardians(case: Case, sender: Sender, signer_ids: list[str] | None = None) -> list[Guardian]:
    """The guardians who sign a letter, or on whose behalf an advocate writes it.

    ``signer_ids`` (a letter's own choice) wins; then the guardians marked "signs the letters";
    then, for a parent sender, the guardian with the sender's name (or the first guardian), and
    for an advocate, every named guardian. Returns guardians in case order; may be empty.
    """
    named = [g for g in case.guardians if g.name]
    if signer_ids:
        chosen = [g for g in named if g.id in signer_ids]
        if chosen:
            return chosen
    marked = [g for g in named if g.signs_letters]
    if marked:
        return marked
    if sender.role == SenderRole.ADVOCATE:
        return named
    same = [g for g in named if sender.name and g.name == sender.name]
    if same:
        return same[:1]
    return named[:1] if not sender.name else []


def relationship_kind(word: str) -> str:
    """"parent", "grandparent" or "other" for a guardian's relationship word ("Adoptive mother" → "parent").

    A foster parent, godparent or surrogate parent is "other": the letters call the child by name."""
    low = (word or "parent").strip().lower()
    if "grand" in low:
        return "grandparent"
    if any(w in low for w in ("foster", "god", "surrogate")):
        return "other"
    if any(w in low for w in ("mother", "father", "parent", "mom", "dad", "adoptive")):
        return "parent"
    return "other"


#: The word for the child by the writers' relationship and the child's pronouns.
_CHILD_NOUNS = {
    "parent": {Pronouns.HE: "son", Pronouns.SHE: "daughter", Pronouns.THEY: "child"},
    "grandparent": {Pronouns.HE: "grandson", Pronouns.SHE: "granddaughter", Pronouns.THEY: "grandchild"},
}


def child_words(case: Case, relationships: list[str], plural: bool) -> dict[str, str]:
    """``my_child`` ("my son", "our granddaughter", or the child's first name, else "the student")
    and ``my_child_named`` ("my son, Luis Herrera", or just the child's full name).

    The noun follows the writers' relationship (all parents → son/daughter/child; all grandparents →
    grandson/granddaughter/grandchild); any other relationship, or a mix, names the child."""
    kinds = {relationship_kind(w) for w in relationships} or {"parent"}
    first = case.child.first_name or "the student"
    full = case.child.full_legal_name or first
    if len(kinds) == 1 and (kind := kinds.pop()) in _CHILD_NOUNS:
        noun = _CHILD_NOUNS[kind][case.child.pronouns]
        my = "our" if plural else "my"
        return {"my_child": f"{my} {noun}", "my_child_named": f"{my} {noun}, {full}", "child_noun": noun}
    return {"my_child": first, "my_child_named": full, "child_noun": ""}


def _relationship_word(guardians: list[Guardian]) -> str:
    """"parent", "parents", "guardian", "guardians", or a single guardian's own word ("mother")."""
    words = [(g.relationship or "parent").strip().lower() for g in guardians]
    if len(words) == 1:
        return words[0]
    kinds = {relationship_kind(w) for w in words}
    if kinds == {"parent"}:
        return "parents"
    return "grandparents" if kinds == {"grandparent"} else "guardians"


def voice_dict(sender: dict[str, Any], signers: list[dict[str, Any]], relationship: str) -> dict[str, Any]:
    """The words for the letter's writer: ``v.I`` ("I"/"We") at a sentence start, ``v.i`` in a
    sentence, ``v.me``, ``v.my``, ``v.My``, ``v.am``, ``v.was``, ``v.myself``; ``v.we`` is true when
    two or more parents write together. An advocate always writes as "I".

    ``v.parents`` names the parents ("Maria Rivera and Daniel Rivera"), ``v.parents_are`` is
    "is"/"are", and ``v.parent_word`` is "parent"/"parents" (or the guardian's own word).

    The parents' own decisions (consent, refusal, revocation) are worded with ``v.parent_s``,
    ``v.parent_do``, ``v.parent_be`` and ``v.parents_own`` ("my"/"our", or for an advocate
    "the parents'"), so an advocate's letter says "Maria Rivera consents", never "I consent".
    ``v.us`` is whom the school sends notices and reports to: "me", "us", or "the parents and me".
    """
    plural = not sender["is_advocate"] and len(signers) > 1
    names = [s["name"] for s in signers]
    several = len(names) > 1
    word = relationship.lower()
    if sender["is_advocate"]:
        parent_words = {
            # The parents' own decision, named: "Maria Rivera consents …", "… do not consent".
            "parent_s": "" if several else "s",
            "parent_do": "do" if several else "does",
            "parent_be": "are" if several else "is",
            "parents_own": f"the {word}'" if word.endswith("s") else f"the {word}'s",
            "us": f"the {word} and me",
        }
    else:
        parent_words = {
            "parent_s": "",
            "parent_do": "do",
            "parent_be": "are" if plural else "am",
            "parents_own": "our" if plural else "my",
            "us": "us" if plural else "me",
        }
    return {
        **parent_words,
        "we": plural,
        "I": "We" if plural else "I",
        "i": "we" if plural else "I",
        "me": "us" if plural else "me",
        "my": "our" if plural else "my",
        "My": "Our" if plural else "My",
        "am": "are" if plural else "am",
        "was": "were" if plural else "was",
        "myself": "ourselves" if plural else "myself",
        "parents": _join_names(names) if names else Missing("the parent's name"),
        "parents_are": "are" if several else "is",
        "parent_word": relationship,
        "several_parents": several,
    }


def signer_context(case: Case, sender: Sender, signer_ids: list[str] | None = None) -> dict[str, Any]:
    """``signers`` (who signs, or for whom an advocate writes) and the voice ``v`` for templates.

    The engine calls this again when a letter's own sender or signer choice replaces the case's.
    """
    sender_data = sender_dict(sender, case)
    signers = signing_guardians(case, sender, signer_ids)
    signer_data = [plain(g, "guardian") for g in signers]
    if not signer_data and not sender_data["is_advocate"] and sender.name:
        # The sender signs as a parent without being on the guardians list.
        signer_data = [{"name": sender.name, "relationship": sender_data["relationship"], "id": ""}]
    relationship = _relationship_word(signers) if signers else sender_data["relationship"]
    voice = voice_dict(sender_data, signer_data, relationship)
    words = [str(s.get("relationship") or "parent") for s in signer_data] or [sender_data["relationship"]]
    voice.update(child_words(case, words, voice["we"]))
    return {"signers": signer_data, "v": voice}


def _join_names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def language_needs(case: Case) -> list[dict[str, Any]]:
    """Who needs an interpreter and translated documents: ``[{"name", "language", "home"}]``.

    Guardians whose preferred language is not English, in case order (``home`` false). When no
    guardian states a preferred language and the child's home language is not English, one entry
    for the family (``name`` "", ``home`` true), so the letters still ask for an interpreter."""
    out: list[dict[str, Any]] = []
    for guardian in case.guardians:
        language = guardian.preferred_language.strip()
        if guardian.name and language and "english" not in language.lower():
            out.append({"name": guardian.name, "language": language, "home": False})
    stated = any(g.preferred_language.strip() for g in case.guardians)
    home = case.child.home_language.strip()
    if not out and not stated and home and "english" not in home.lower():
        out.append({"name": "", "language": home, "home": True})
    return out


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
    data = plain(child, "child", "child")
    data["full_name"] = child.full_legal_name or Missing("the child's name", "child.name")
    data["first_name"] = child.first_name or Missing("the child's first name", "child.legal_first_name")
    data["last_name"] = child.legal_last_name or Missing("the child's last name", "child.legal_last_name")
    data["date_of_birth"] = child.date_of_birth or Missing("the child's date of birth", "child.date_of_birth")
    data["school"] = child.school or Missing("the child's school", "child.school")
    data["grade"] = child.grade or Missing("the child's grade", "child.grade")
    data["grade_phrase"] = grade_phrase(child.grade) if child.grade else data["grade"]
    data["district"] = child.district or Missing("the school district", "child.district")
    if child.date_of_birth:
        today = dt.date.today()
        dob = child.date_of_birth
        data["age"] = today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))
    else:
        data["age"] = Missing("the child's age", "child.date_of_birth")
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

    sender = case.effective_sender()
    needs = language_needs(case)
    signals: dict[str, Any] = {}

    def parent_signs(only: bool = False) -> str:
        """Called by a template that words the parents' consent, refusal or revocation: the
        parents then sign under the letter, below an advocate's signature (see letter.py).
        ``only=True``: a document the parents alone sign (the authorization to share records)."""
        signals["parent_signs"] = True
        if only:
            signals["parents_only"] = True
        return ""

    def copy_to(role: str) -> str:
        """Called by a template whose letter must be copied to an office (``copy_to("state_agency")``):
        the cc line names it even when no one there is on file. Unknown roles are an error."""
        office = contact_dict(None, SchoolRole(role), case)
        signals.setdefault("copy_to", [])
        if role not in [c["role"] for c in signals["copy_to"]]:
            signals["copy_to"].append(office)
        return ""

    get_guardians, get_categories = once("guardians", guardians), once("categories", categories)
    return LazyContext({
        "today": today,
        "child": Lazy(lambda: child_dict(case)),
        "p": Lazy(lambda: pronoun_set(case.child.pronouns)),
        "guardians": Lazy(get_guardians),
        "family": Lazy(lambda: [g["name"] for g in get_guardians()]),
        "sender": Lazy(lambda: sender_dict(sender, case)),
        **signer_context(case, sender),
        "language_needs": needs,
        "interpreter_language": needs[0]["language"] if needs else "",
        "home_language": case.child.home_language,
        "parent_signs": parent_signs,
        "copy_to": copy_to,
        "letter_signals": signals,
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
        # The meeting and what was agreed there (typed in after it), e.g. for the follow-up letter.
        "meeting": Lazy(lambda: plain(case.meeting, "meeting")),
        "agreements": Lazy(lambda: [plain(a, "agreement") for a in case.agreements if a.what or a.who]),
    })  # type: ignore[return-value]
