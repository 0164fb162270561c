"""The case model: everything planwriter knows about one child, as pydantic models."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from planwriter.core.states import UnknownState, state_code
from planwriter.core.text import Block, Line, Value

SCHEMA_VERSION = 4


def new_id() -> str:
    return uuid.uuid4().hex[:12]


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        use_enum_values=False,
        populate_by_name=True,
    )


# --------------------------------------------------------------------------- choices


class Pronouns(StrEnum):
    HE = "he"
    SHE = "she"
    THEY = "they"


class PlanStatus(StrEnum):
    NONE = "none"
    EVALUATING = "evaluating"
    IEP = "iep"
    PLAN_504 = "504"


class IdeaCategory(StrEnum):
    AUTISM = "autism"
    DEAF_BLINDNESS = "deaf_blindness"
    DEAFNESS = "deafness"
    EMOTIONAL_DISTURBANCE = "emotional_disturbance"
    HEARING_IMPAIRMENT = "hearing_impairment"
    INTELLECTUAL_DISABILITY = "intellectual_disability"
    MULTIPLE_DISABILITIES = "multiple_disabilities"
    ORTHOPEDIC_IMPAIRMENT = "orthopedic_impairment"
    OTHER_HEALTH_IMPAIRMENT = "other_health_impairment"
    SPECIFIC_LEARNING_DISABILITY = "specific_learning_disability"
    SPEECH_LANGUAGE_IMPAIRMENT = "speech_language_impairment"
    TRAUMATIC_BRAIN_INJURY = "traumatic_brain_injury"
    VISUAL_IMPAIRMENT = "visual_impairment"
    DEVELOPMENTAL_DELAY = "developmental_delay"


class CategoryStatus(StrEnum):
    SUSPECTED = "suspected"
    FOUND = "found"


class SenderRole(StrEnum):
    PARENT = "parent"
    ADVOCATE = "advocate"


class SchoolRole(StrEnum):
    PRINCIPAL = "principal"
    SPECIAL_EDUCATION_DIRECTOR = "special_education_director"
    SECTION_504_COORDINATOR = "section_504_coordinator"
    CASE_MANAGER = "case_manager"
    TEACHER = "teacher"
    RELATED_SERVICE_PROVIDER = "related_service_provider"
    SCHOOL_PSYCHOLOGIST = "school_psychologist"
    COUNSELOR = "counselor"
    SUPERINTENDENT = "superintendent"
    STATE_AGENCY = "state_agency"
    OTHER = "other"
    OFFICE_FOR_CIVIL_RIGHTS = "office_for_civil_rights"


class Area(StrEnum):
    """Areas of concern, of present levels and of goals."""

    READING = "reading"
    WRITING = "writing"
    MATH = "math"
    SPELLING = "spelling"
    ATTENTION = "attention"
    EXECUTIVE_FUNCTION = "executive_function"
    BEHAVIOR = "behavior"
    SOCIAL = "social"
    EMOTIONAL = "emotional"
    COMMUNICATION = "communication"
    MOTOR = "motor"
    SENSORY = "sensory"
    HEALTH = "health"
    HEARING = "hearing"
    VISION = "vision"
    SELF_HELP = "self_help"
    TRANSITION = "transition"
    OTHER = "other"


class DeliveryMethod(StrEnum):
    EMAIL = "email"
    HAND = "hand"
    CERTIFIED_MAIL = "certified_mail"
    MAIL = "mail"
    FAX = "fax"
    PORTAL = "portal"


AREA_LABELS: dict[Area, str] = {
    Area.READING: "reading",
    Area.WRITING: "writing",
    Area.MATH: "math",
    Area.SPELLING: "spelling",
    Area.ATTENTION: "attention and focus",
    Area.EXECUTIVE_FUNCTION: "organization and planning",
    Area.BEHAVIOR: "behavior",
    Area.SOCIAL: "social skills",
    Area.EMOTIONAL: "emotional well-being",
    Area.COMMUNICATION: "speech and language",
    Area.MOTOR: "motor skills",
    Area.SENSORY: "sensory processing",
    Area.HEALTH: "health",
    Area.HEARING: "hearing",
    Area.VISION: "vision",
    Area.SELF_HELP: "daily living skills",
    Area.TRANSITION: "life after high school",
    Area.OTHER: "other",
}

CATEGORY_LABELS: dict[IdeaCategory, str] = {
    IdeaCategory.AUTISM: "autism",
    IdeaCategory.DEAF_BLINDNESS: "deaf-blindness",
    IdeaCategory.DEAFNESS: "deafness",
    IdeaCategory.EMOTIONAL_DISTURBANCE: "emotional disturbance",
    IdeaCategory.HEARING_IMPAIRMENT: "hearing impairment",
    IdeaCategory.INTELLECTUAL_DISABILITY: "intellectual disability",
    IdeaCategory.MULTIPLE_DISABILITIES: "multiple disabilities",
    IdeaCategory.ORTHOPEDIC_IMPAIRMENT: "orthopedic impairment",
    IdeaCategory.OTHER_HEALTH_IMPAIRMENT: "other health impairment",
    IdeaCategory.SPECIFIC_LEARNING_DISABILITY: "specific learning disability",
    IdeaCategory.SPEECH_LANGUAGE_IMPAIRMENT: "speech or language impairment",
    IdeaCategory.TRAUMATIC_BRAIN_INJURY: "traumatic brain injury",
    IdeaCategory.VISUAL_IMPAIRMENT: "visual impairment, including blindness",
    IdeaCategory.DEVELOPMENTAL_DELAY: "developmental delay",
}

ROLE_LABELS: dict[SchoolRole, str] = {
    SchoolRole.PRINCIPAL: "Principal",
    SchoolRole.SPECIAL_EDUCATION_DIRECTOR: "Director of Special Education",
    SchoolRole.SECTION_504_COORDINATOR: "Section 504 Coordinator",
    SchoolRole.CASE_MANAGER: "Case Manager",
    SchoolRole.TEACHER: "Teacher",
    SchoolRole.RELATED_SERVICE_PROVIDER: "Related Service Provider",
    SchoolRole.SCHOOL_PSYCHOLOGIST: "School Psychologist",
    SchoolRole.COUNSELOR: "School Counselor",
    SchoolRole.SUPERINTENDENT: "Superintendent",
    SchoolRole.STATE_AGENCY: "State Department of Education",
    SchoolRole.OTHER: "Staff member",
    SchoolRole.OFFICE_FOR_CIVIL_RIGHTS: "Office for Civil Rights, U.S. Department of Education",
}

DELIVERY_LABELS: dict[DeliveryMethod, str] = {
    DeliveryMethod.EMAIL: "email, with a request to confirm receipt",
    DeliveryMethod.HAND: "hand delivery, with a date-stamped copy requested",
    DeliveryMethod.CERTIFIED_MAIL: "certified mail, return receipt requested",
    DeliveryMethod.MAIL: "first-class mail",
    DeliveryMethod.FAX: "fax, with a transmission report kept",
    DeliveryMethod.PORTAL: "the district's parent portal, with a screenshot of the confirmation kept",
}


# --------------------------------------------------------------------------- people


class Address(_Model):
    street: Line = Field("", title="street address")
    street2: Line = Field("", title="apartment, suite or unit")
    city: Line = Field("", title="city")
    state: Line = Field("", title="state")
    postal_code: Line = Field("", title="ZIP code")

    @field_validator("postal_code")
    @classmethod
    def _zip(cls, value: str) -> str:
        digits = value.replace("-", "").replace(" ", "")
        if value and not (digits.isdigit() and len(digits) in (5, 9)):
            raise ValueError("A ZIP code has 5 digits, or 5 + 4 digits (for example 97201-1234)")
        return value

    @field_validator("state")
    @classmethod
    def _state(cls, value: str) -> str:
        """A state's name or code, however typed, becomes its USPS code ("texas" → "TX"), as the
        child's state does; anything else (a place outside the US) is kept as typed."""
        try:
            return state_code(value)
        except UnknownState:
            return value.upper() if len(value) == 2 else value

    def is_empty(self) -> bool:
        return not any((self.street, self.street2, self.city, self.state, self.postal_code))

    def lines(self) -> list[str]:
        """The address as it is written on an envelope."""
        out = [line for line in (self.street, self.street2) if line]
        place = ", ".join(part for part in (self.city, self.state) if part)
        if self.postal_code:
            place = f"{place} {self.postal_code}".strip()
        if place:
            out.append(place)
        return out


def _check_email(value: str) -> str:
    if value and ("@" not in value or value.startswith("@") or value.endswith("@") or " " in value):
        raise ValueError("This email address does not look complete (for example name@example.org)")
    return value


Email = Annotated[Line, AfterValidator(_check_email)]


class Child(_Model):
    legal_first_name: Line = Field("", title="child's legal first name")
    legal_middle_name: Line = Field("", title="child's middle name")
    legal_last_name: Line = Field("", title="child's last name")
    preferred_name: Line = Field("", title="name the child goes by")
    date_of_birth: dt.date | None = Field(None, title="child's date of birth")
    pronouns: Pronouns = Field(Pronouns.THEY, title="pronouns")
    grade: Line = Field("", title="grade")
    school: Line = Field("", title="school")
    district: Line = Field("", title="school district")
    state: Line = Field("", title="state")
    student_id: Line = Field("", title="student ID")
    home_language: Line = Field("", title="language spoken at home")

    @field_validator("date_of_birth")
    @classmethod
    def _dob(cls, value: dt.date | None) -> dt.date | None:
        if value is None:
            return value
        today = dt.date.today()
        if value > today:
            raise ValueError("The date of birth is in the future")
        if value.year < today.year - 30:
            raise ValueError("The date of birth is more than 30 years ago; please check the year")
        return value

    @field_validator("state")
    @classmethod
    def _state(cls, value: str) -> str:
        # Deadlines follow the state's rules, so the state is kept as its USPS code ("TX").
        try:
            return state_code(value)
        except UnknownState as error:
            raise ValueError(f"State: {error}") from None

    @property
    def full_legal_name(self) -> str:
        parts = (self.legal_first_name, self.legal_middle_name, self.legal_last_name)
        return " ".join(p for p in parts if p)

    @property
    def first_name(self) -> str:
        return self.preferred_name or self.legal_first_name

    @property
    def short_name(self) -> str:
        """The name in everyday use with the last name ("Alex Rivera"), as in file names."""
        return " ".join(p for p in (self.first_name, self.legal_last_name) if p)


class Guardian(_Model):
    id: str = Field(default_factory=new_id)
    name: Line = Field("", title="guardian's name")
    relationship: Line = Field("parent", title="relationship to the child")
    address: Address = Field(default_factory=Address)
    phone: Line = Field("", title="phone")
    email: Email = Field("", title="email")
    preferred_language: Line = Field("", title="preferred language")
    #: Signs the family's letters (with any other guardian marked so). When no guardian is
    #: marked, the letters are signed by the sender, or by the first guardian.
    signs_letters: bool = Field(False, title="signs the letters")


class Sender(_Model):
    """Who signs the letters: a parent (usually a guardian) or an advocate."""

    role: SenderRole = Field(SenderRole.PARENT, title="sender's role")
    name: Line = Field("", title="sender's name")
    organization: Line = Field("", title="organization")
    title: Line = Field("", title="sender's title")
    address: Address = Field(default_factory=Address)
    phone: Line = Field("", title="sender's phone")
    email: Email = Field("", title="sender's email")
    signature_line: Line = Field("", title="signature line")

    def is_empty(self) -> bool:
        return not self.name


class Contact(_Model):
    id: str = Field(default_factory=new_id)
    name: Line = Field("", title="contact's name")
    role: SchoolRole = Field(SchoolRole.TEACHER, title="role")
    title: Line = Field("", title="job title")
    salutation: Line = Field("", title="how to greet them (e.g. Dr. Whitfield)")
    subject: Line = Field("", title="subject or service")
    email: Email = Field("", title="contact's email")
    phone: Line = Field("", title="contact's phone")
    address: Address = Field(default_factory=Address)

    @property
    def display_title(self) -> str:
        return self.title or ROLE_LABELS[self.role]


# --------------------------------------------------------------------------- the child's needs


class CategoryEntry(_Model):
    category: IdeaCategory
    status: CategoryStatus = CategoryStatus.SUSPECTED


class Diagnosis(_Model):
    id: str = Field(default_factory=new_id)
    name: Line = Field("", title="diagnosis")
    diagnosed_by: Line = Field("", title="diagnosed by")
    date: dt.date | None = Field(None, title="date of diagnosis")


class Example(_Model):
    date: dt.date | None = Field(None, title="date of the example")
    text: Block = Field("", title="what happened")


class Concern(_Model):
    id: str = Field(default_factory=new_id)
    area: Area = Field(Area.OTHER, title="area")
    description: Block = Field("", title="concern")
    examples: list[Example] = Field(default_factory=list)
    since: dt.date | None = Field(None, title="noticed since")


class Intervention(_Model):
    id: str = Field(default_factory=new_id)
    description: Block = Field("", title="what was tried")
    provider: Line = Field("", title="who provided it")
    start: dt.date | None = Field(None, title="started")
    end: dt.date | None = Field(None, title="ended")
    result: Block = Field("", title="what happened")

    @model_validator(mode="after")
    def _order(self) -> Intervention:
        if self.start and self.end and self.end < self.start:
            raise ValueError("The end date is before the start date")
        return self


class PresentLevel(_Model):
    id: str = Field(default_factory=new_id)
    area: Area = Field(Area.OTHER, title="area")
    summary: Block = Field("", title="what the child can do now")
    baseline_value: Line = Field("", title="baseline score")
    baseline_unit: Line = Field("", title="unit")
    baseline_date: dt.date | None = Field(None, title="date measured")
    source: Line = Field("", title="source of the data")


class ChosenAccommodation(_Model):
    """An accommodation picked for this child: from the catalogue (``catalogue_id``) or written by hand."""

    id: str = Field(default_factory=new_id)
    catalogue_id: str = ""
    text: Line = Field("", title="accommodation")
    category: Line = Field("", title="category")
    details: Block = Field("", title="details (how much, when, who provides)")
    reason: Block = Field("", title="why it is needed")
    settings: list[str] = Field(default_factory=list)
    is_modification: bool = False


class Baseline(_Model):
    value: Line = Field("", title="baseline value")
    unit: Line = Field("", title="baseline unit")
    date: dt.date | None = Field(None, title="baseline date")
    source: Line = Field("", title="baseline source")


class Criterion(_Model):
    target_value: Line = Field("", title="target value")
    unit: Line = Field("", title="target unit")
    consistency: Line = Field("", title="how consistently (e.g. 4 of 5 probes)")


class Measurement(_Model):
    tool: Line = Field("", title="measured by")
    collector: Line = Field("", title="who collects the data")
    frequency: Line = Field("", title="how often")


class Objective(_Model):
    id: str = Field(default_factory=new_id)
    by_date: dt.date | None = Field(None, title="objective date")
    text: Block = Field("", title="objective")


class Goal(_Model):
    id: str = Field(default_factory=new_id)
    area: Area = Field(Area.OTHER, title="goal area")
    baseline: Baseline = Field(default_factory=Baseline)
    condition: Line = Field("", title="condition (given …)")
    behavior: Line = Field("", title="observable behavior")
    criterion: Criterion = Field(default_factory=Criterion)
    measurement: Measurement = Field(default_factory=Measurement)
    timeframe_date: dt.date | None = Field(None, title="goal date")
    by_annual_review: bool = False
    #: A timeframe in words when there is no date ("by the end of the third quarter").
    timeframe_text: Line = Field("", title="by when (in words)")
    #: A postsecondary (transition) goal: an outcome after high school, judged by its own rule.
    postsecondary: bool = False
    reporting: Line = Field("", title="progress reports")
    objectives: list[Objective] = Field(default_factory=list)
    statement: Block = Field("", title="goal statement")
    source: Line = Field("parent", title="who proposed the goal")
    bank_id: str = ""


class KeyDates(_Model):
    request_date: dt.date | None = Field(None, title="date of the written request")
    consent_date: dt.date | None = Field(None, title="date consent was signed")
    last_evaluation_date: dt.date | None = Field(None, title="date of the last evaluation")
    eligibility_date: dt.date | None = Field(None, title="eligibility decision")
    iep_date: dt.date | None = Field(None, title="date of the current IEP or 504 plan")
    next_meeting_date: dt.date | None = Field(None, title="next meeting")
    annual_review_date: dt.date | None = Field(None, title="annual review due")
    reevaluation_date: dt.date | None = Field(None, title="reevaluation due")


class LogEntry(_Model):
    id: str = Field(default_factory=new_id)
    date: dt.date = Field(default_factory=dt.date.today, title="date sent")
    template_id: str = ""
    title: Line = Field("", title="letter")
    recipient: Line = Field("", title="sent to")
    delivery_method: DeliveryMethod | None = None
    response_due: dt.date | None = Field(None, title="response due")
    response_rule: Line = Field("", title="how the due date was worked out")
    response_received: dt.date | None = Field(None, title="response received")
    file_name: Line = ""
    notes: Block = Field("", title="notes")
    #: The deadline rule of the letter (a timeline id of resources/timelines.json), so that the
    #: answer date can be worked out again when the state or the school calendar changes.
    timeline: str = Field("", title="deadline rule")


class LetterDraft(_Model):
    """The answers and choices for one letter, kept with the case so nothing typed is lost."""

    inputs: dict[str, Value] = Field(default_factory=dict)
    recipient_id: str | None = None
    cc_ids: list[str] = Field(default_factory=list)
    delivery: DeliveryMethod | None = DeliveryMethod.EMAIL
    enclosures: list[Line] = Field(default_factory=list)
    date: dt.date | None = None  # None: the day it is exported
    #: Guardians (ids) who sign this letter, or on whose behalf an advocate writes it;
    #: None uses the case's choice (guardians marked "signs the letters").
    signer_ids: list[str] | None = Field(None, title="who signs this letter")


# --------------------------------------------------------------------------- the meeting packet


class MeetingKind(StrEnum):
    """What kind of meeting the packet is for."""

    INITIAL = "initial"
    ANNUAL = "annual"
    REEVALUATION = "reevaluation"
    REVIEW_504 = "review_504"
    OTHER = "other"


class Attendee(_Model):
    id: str = Field(default_factory=new_id)
    name: Line = Field("", title="attendee's name")
    role: Line = Field("", title="attendee's role")


class Meeting(_Model):
    """The meeting the packet is for: when, where, what kind, and the agenda and notes."""

    date: dt.date | None = Field(None, title="meeting date")
    time: Line = Field("", title="meeting time")
    place: Line = Field("", title="meeting place")
    kind: MeetingKind | None = Field(None, title="kind of meeting")
    kind_other: Line = Field("", title="kind of meeting (in words)")
    agenda: list[Line] = Field(default_factory=list, title="agenda")
    attendees: list[Attendee] = Field(default_factory=list, title="attendees")
    notes: Block = Field("", title="meeting notes")

    @field_validator("agenda")
    @classmethod
    def _no_empty_items(cls, value: list[str]) -> list[str]:
        return [s for s in value if s]


class PacketPart(StrEnum):
    """The parts of the meeting packet, in their usual order (stable ids: used by ``--parts``)."""

    COVER = "cover"
    ABOUT = "about"
    CONCERNS = "concerns"
    PRESENT_LEVELS = "present-levels"
    ACCOMMODATIONS = "accommodations"
    GOALS = "goals"
    GOAL_REVIEW = "goal-review"
    QUESTIONS = "questions"
    DATES = "dates"
    LOG = "log"
    EXHIBITS = "exhibits"
    NOTES = "notes"


class PacketPartChoice(_Model):
    part: PacketPart
    included: bool = Field(True, title="include this part")


def _default_parts() -> list[PacketPartChoice]:
    return [PacketPartChoice(part=p) for p in PacketPart]


class PacketOptions(_Model):
    """Which parts the packet has, in which order, and whether letters sent are appended."""

    parts: list[PacketPartChoice] = Field(default_factory=_default_parts, title="packet parts")
    append_letters: bool = Field(False, title="append the letters listed as exhibits")

    @field_validator("parts")
    @classmethod
    def _every_part_once(cls, value: list[PacketPartChoice]) -> list[PacketPartChoice]:
        seen: set[PacketPart] = set()
        out = []
        for choice in value:
            if choice.part not in seen:
                seen.add(choice.part)
                out.append(choice)
        # A part added in a later version joins at the end, switched on.
        out.extend(PacketPartChoice(part=p) for p in PacketPart if p not in seen)
        return out

    def chosen(self) -> list[PacketPart]:
        """The included parts, in order."""
        return [c.part for c in self.parts if c.included]


class Exhibit(_Model):
    """A document the family brings to the meeting (a letter sent, an evaluation, a work sample)."""

    id: str = Field(default_factory=new_id)
    title: Line = Field("", title="exhibit")
    date: dt.date | None = Field(None, title="exhibit date")
    description: Line = Field("", title="what it shows")
    file_name: Line = Field("", title="file name")
    #: A letter from the correspondence log: its text can be appended to the packet.
    log_entry_id: str = ""


class FamilyQuestion(_Model):
    id: str = Field(default_factory=new_id)
    topic: Line = Field("", title="topic")
    text: Line = Field("", title="question")


class Agreement(_Model):
    """One line of "what we agreed / who / by when", typed in after the meeting."""

    id: str = Field(default_factory=new_id)
    what: Block = Field("", title="what was agreed")
    who: Line = Field("", title="who will do it")
    by_when: dt.date | None = Field(None, title="by when")
    by_when_text: Line = Field("", title="by when (in words)")


class Profile(_Model):
    """The one-page "About my child", in the family's words (strengths are ``Case.strengths``)."""

    about: Block = Field("", title="who my child is")
    interests: list[Line] = Field(default_factory=list, title="interests")
    what_helps: list[Line] = Field(default_factory=list, title="what helps")
    what_does_not_help: list[Line] = Field(default_factory=list, title="what does not help")
    vision: Block = Field("", title="the family's vision")

    @field_validator("interests", "what_helps", "what_does_not_help")
    @classmethod
    def _no_empty_items(cls, value: list[str]) -> list[str]:
        return [s for s in value if s]
class DayOffKind(StrEnum):
    BREAK = "break"
    HOLIDAY = "holiday"


class DayOff(_Model):
    """Days without school for students: a break (winter, spring) or a holiday, ``start``..``end`` inclusive."""

    start: dt.date = Field(title="first day off")
    end: dt.date = Field(title="last day off")
    name: Line = Field("", title="name of the break or holiday")
    kind: DayOffKind = Field(DayOffKind.BREAK, title="break or holiday")

    @model_validator(mode="after")
    def _ordered(self) -> DayOff:
        if self.end < self.start:
            raise ValueError("The last day off is before the first day off; please check the dates")
        return self


class SchoolCalendar(_Model):
    """The child's school year as the district publishes it; school-day counts use it."""

    first_day: dt.date | None = Field(None, title="first day of school")
    last_day: dt.date | None = Field(None, title="last day of school")
    days_off: list[DayOff] = Field(default_factory=list, title="breaks and holidays")
    #: Days the school sends progress reports (often with report cards), from the IEP or the calendar.
    progress_report_dates: list[dt.date] = Field(default_factory=list, title="progress report dates")
    #: Where the calendar came from ("" when typed by hand; the .ics file name when imported).
    source: Line = Field("", title="where the calendar came from")

    @model_validator(mode="after")
    def _year_ordered(self) -> SchoolCalendar:
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValueError("The last day of school is before the first day; please check the dates")
        return self

    def is_empty(self) -> bool:
        return self.first_day is None and self.last_day is None and not self.days_off

    def covers(self, day: dt.date) -> bool:
        """True when ``day`` lies inside the school year entered."""
        return (self.first_day is not None and self.last_day is not None
                and self.first_day <= day <= self.last_day)


# --------------------------------------------------------------------------- the case


class Case(_Model):
    schema_version: int = SCHEMA_VERSION
    child: Child = Field(default_factory=Child)
    guardians: list[Guardian] = Field(default_factory=list)
    sender: Sender = Field(default_factory=Sender)
    contacts: list[Contact] = Field(default_factory=list)
    plan_status: PlanStatus = PlanStatus.NONE
    categories: list[CategoryEntry] = Field(default_factory=list)
    diagnoses: list[Diagnosis] = Field(default_factory=list)
    strengths: list[Line] = Field(default_factory=list)
    concerns: list[Concern] = Field(default_factory=list)
    interventions: list[Intervention] = Field(default_factory=list)
    present_levels: list[PresentLevel] = Field(default_factory=list)
    accommodations: list[ChosenAccommodation] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    key_dates: KeyDates = Field(default_factory=KeyDates)
    correspondence: list[LogEntry] = Field(default_factory=list)
    #: Per letter (template id): what was typed into its questions and chosen for sending.
    letter_drafts: dict[str, LetterDraft] = Field(default_factory=dict)
    #: Goals the school proposed, pasted one per line for review.
    school_goals: Block = Field("", title="the school's proposed goals")
    notes: Block = Field("", title="notes")
    #: The meeting packet: the meeting, its parts, what the family brings and asks, what was agreed.
    meeting: Meeting = Field(default_factory=Meeting, title="meeting")
    packet: PacketOptions = Field(default_factory=PacketOptions, title="meeting packet")
    exhibits: list[Exhibit] = Field(default_factory=list, title="exhibits")
    family_questions: list[FamilyQuestion] = Field(default_factory=list, title="the family's questions")
    agreements: list[Agreement] = Field(default_factory=list, title="what was agreed")
    profile: Profile = Field(default_factory=Profile, title="about my child")
    #: The school year (first and last day, breaks, holidays) that school-day deadlines count on.
    school_calendar: SchoolCalendar = Field(default_factory=SchoolCalendar, title="school calendar")
    #: The sender profile (kept in the app-data folder, see core/profiles.py) this case's letters use.
    sender_profile_id: Line = Field("", title="sender profile")

    @field_validator("strengths")
    @classmethod
    def _no_empty_strengths(cls, value: list[str]) -> list[str]:
        return [s for s in value if s]

    def contact(self, contact_id: str) -> Contact | None:
        return next((c for c in self.contacts if c.id == contact_id), None)

    def contacts_with_role(self, role: SchoolRole) -> list[Contact]:
        return [c for c in self.contacts if c.role == role]

    def effective_sender(self) -> Sender:
        """The sender who signs: the case's sender, else the first guardian as a parent."""
        if not self.sender.is_empty():
            return self.sender
        if self.guardians:
            g = self.guardians[0]
            return Sender(
                role=SenderRole.PARENT,
                name=g.name,
                address=g.address,
                phone=g.phone,
                email=g.email,
            )
        return self.sender
