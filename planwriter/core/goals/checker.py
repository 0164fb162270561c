"""The goal checker: a deterministic, explainable measurability check of any goal text (REFERENCE §5.8)."""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from planwriter.core.goals import words as w

log = logging.getLogger(__name__)

COMPONENTS: tuple[str, ...] = ("timeframe", "condition", "behavior", "criterion", "measurement", "baseline")
#: The components that must be present for an annual goal to be measurable (the baseline may sit in the PLAAFP).
REQUIRED_ANNUAL: tuple[str, ...] = ("timeframe", "condition", "behavior", "criterion", "measurement")
#: Postsecondary (transition) goals are judged only on these (REFERENCE §5.7).
REQUIRED_POSTSECONDARY: tuple[str, ...] = ("timeframe", "behavior")

ANNUAL = "annual"
POSTSECONDARY = "postsecondary"

#: Plain names of the components, for people who have never seen the rubric.
COMPONENT_LABELS: dict[str, str] = {
    "timeframe": "By when",
    "condition": "Under what conditions",
    "behavior": "What the child will do",
    "criterion": "How well and how often",
    "measurement": "How it will be measured",
    "baseline": "Where the child is now",
}

_WILL = re.compile(
    # Shorthand subjects district forms use: "TSW" / "TLW" (the student / learner will), "SWBAT", "TSWBAT".
    r"(?:\b(?:tswbat|swbat|tsw|tlw)\b|\bs\.w\.b\.a\.t\.?(?=\s)|\b(?:will|shall|would\s+like\s+to|hopes?\s+to|wishes\s+to|wants?\s+to|plans?\s+to|is\s+expected\s+to|"
    r"is\s+interested\s+in|to\s+be\s+able\s+to))"
    # A clause set off by commas between "will" and the verb: "Alex will, given a model, name …".
    r"(?:\s*,(?:[^,.;]|\.(?=\d)){1,80},)?"
    # A list after a colon: "Alex will: (a) name …", "Alex will: 1. read …".
    r"(?:\s*:\s*(?:\(?[a-z1-9]\)|\d\.)?)?\s+"
)
_WISH = re.compile(r"\b(?:would\s+like\s+to|hopes?\s+to|wishes\s+to|wants?\s+to|plans?\s+to|is\s+interested\s+in)\b")
_SKIP = frozenset({"more", "less", "also", "then", "be able to", "independently", "consistently", "successfully",
                   "correctly", "accurately", "appropriately", "not", "each", "now", "still", "always", "with"})
_BE_OBSERVABLE = re.compile(r"^be\s+(?:employed|enrolled|working|on[\s-]task|in\s+(?:his|her|their)\s+seat|seated|"
                            r"on\s+time|present|prepared\s+with|dressed|in\s+line|in\s+attendance|"
                            # Where the child is: "be at his desk", "be in the designated area".
                            r"(?:at|in)\s+(?:his|her|their|the)\s+(?:assigned\s+|designated\s+|own\s+)?"
                            r"(?:desk|seat|locker|station|table|spot|area|place|line|classroom|room)s?)\b")
_BE_ABLE = re.compile(r"^be\s+able\s+to\s+")
_TO_VERB = re.compile(r"^(?:continue|try|attempt|learn|begin|start)\s+to\s+(\w+)")
_CHANGE_VERBS = frozenset({"increase", "decrease", "improve", "reduce", "raise", "lower", "grow", "advance", "build"})
_NOT_A_SKILL = re.compile(r"\b(?:levels?|scores?|grades?|dra|lexile|skills?|abilit\w+|performance|rating|"
                          r"percentile|standard|proficiency|knowledge|understanding|awareness)\b")
_MATH_OBJECT = re.compile(r"^\w+\s+(?:(?:the|a|an|each|all|given)\s+)?(?:[\w-]+\s+)?"
                          r"(?:fractions?|expressions?|ratios?)\b")
_ABOUT_DATA = re.compile(r"be\s+(?:measured|monitored|assessed|collected|recorded|reported|documented|evaluated|"
                         r"tracked|charted|graphed|taken|gathered|reviewed|shared|sent)\b")
_SKILL_SUBJECT = re.compile(r"\b[a-z]+'s\s+((?:[a-z-]+\s+){0,4}?[a-z-]+)\s+$")
_ABILITY_TO = re.compile(r"^(?:demonstrate|show|display)\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?"
                         r"(?:ability|capacity|skills?)\s+to\s+([a-z-]+)")
_FILLER = re.compile(r"^demonstrate\s+(?:\w+\s+){0,4}?by\s+(\w+ing)\b")
_NEAREST = re.compile(rf"\bnearest\s+(?:{w.NUM}\s+)?[\w-]+")
_MEASURED_CLAUSE = re.compile(r"\bas\s+(?:measured|documented|recorded|assessed|scored|observed)\b.*$")
_GRADE_LEVEL = re.compile(r"\b(?:at|to|on|near|approaching)\s+grade[\s-]level\b(?!\s+(?:text|passages?|material|"
                          r"probes?|words|problems|prompts?))|\bage[\s-]appropriate\b|\bgrade[\s-]level\s+"
                          r"(?:expectations|standards|norms)\b|\bwithin\s+normal\s+limits\b")
#: Where the behavior's words stop: punctuation, or the start of the criterion.
_PHRASE_END = re.compile(
    r"[,;]|\.(?:\s|$)|\s(?=with\s+(?:at\s+least\s+)?\d|\d+(?:\.\d+)?\s*%|in\s+\d|on\s+\d|as\s+measured)"
)
_MEASURED_BY = re.compile(r"\b(?:as\s+)?(?:measured|documented|recorded|assessed|observed|scored|monitored|tracked|"
                          r"collected|charted)\s+(?:\w+\s+)?(?:by|on|in|through|using|with|via)\b")
#: The longest text read as one goal (characters); longer text is read up to here (see ``check_goal``).
MAX_GOAL_CHARS = 3000
#: How many characters after "will" the verb-phrase rules look at (a verb phrase is far shorter).
_WINDOW = 400
_PLACEHOLDER = re.compile(r"\[[^\]]{0,40}\]|_{2,}|\((?:[\w-]+\s+){0,3}?date\)|<date>|\{date\}"
                          r"|\bby\s+(?:xx+\s+)?date\b|\bxx")


@dataclass
class ComponentCheck:
    """One component of the rubric: found or not, and the words that decided it."""

    name: str
    present: bool
    words: str = ""
    note: str = ""

    @property
    def label(self) -> str:
        return COMPONENT_LABELS[self.name]


@dataclass
class Finding:
    """Something to fix, in plain words, with a concrete suggestion and a question for the meeting."""

    code: str
    component: str
    message: str
    fix: str
    question: str = ""
    words: str = ""
    #: ``problem`` makes the goal not measurable; ``warning`` is worth fixing; ``note`` is for information.
    severity: str = "problem"


@dataclass
class GoalCheck:
    """The result of checking one goal statement."""

    text: str
    kind: str
    components: dict[str, ComponentCheck]
    findings: list[Finding] = field(default_factory=list)

    @property
    def required(self) -> tuple[str, ...]:
        return REQUIRED_POSTSECONDARY if self.kind == POSTSECONDARY else REQUIRED_ANNUAL

    @property
    def missing(self) -> list[str]:
        names = REQUIRED_POSTSECONDARY if self.kind == POSTSECONDARY else COMPONENTS
        return [n for n in names if not self.components[n].present]

    @property
    def measurable(self) -> bool:
        return bool(self.text.strip()) and all(self.components[n].present for n in self.required)

    @property
    def summary(self) -> str:
        """One sentence a parent can read."""
        if not self.text.strip():
            return "There is no goal text to check."
        kind = "postsecondary goal" if self.kind == POSTSECONDARY else "goal"
        gaps = [COMPONENT_LABELS[n].lower() for n in self.missing if n in self.required]
        if self.measurable:
            extra = ""
            if "baseline" in self.missing:
                extra = " It does not say where the child is starting from; check that the present levels do."
            problems = [f for f in self.findings if f.severity == "warning"]
            if problems:
                things = "is one thing" if len(problems) == 1 else f"are {len(problems)} things"
                extra += f" There {things} worth improving."
            return f"This {kind} can be measured: it has every part the rubric needs.{extra}"
        return f"This {kind} cannot be measured as written. Missing: {'; '.join(gaps)}."

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON and templates (``measurable`` and ``missing`` first)."""
        return {
            "text": self.text,
            "kind": self.kind,
            "measurable": self.measurable,
            "missing": self.missing,
            "summary": self.summary,
            "components": [
                {"name": c.name, "label": c.label, "present": c.present, "words": c.words, "note": c.note,
                 "checked": c.name in (REQUIRED_POSTSECONDARY if self.kind == POSTSECONDARY else COMPONENTS)}
                for c in self.components.values()
            ],
            "findings": [asdict(f) for f in self.findings],
        }


def _normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2013", "-").replace("\u2014", " - ").replace("\u00a0", " ")
    # Shorthand IEP writers use: "w/ a visual", "w/o prompts", "3 consec. sessions".
    text = _SHORTHAND.sub(lambda m: _SHORTHAND_WORDS[m.group(0).lower().rstrip(".")], text)
    return " ".join(text.split())


_SHORTHAND_WORDS = {"w/o": "without", "w/": "with", "consec": "consecutive"}
_SHORTHAND = re.compile(r"(?i)\bw/o\b|\bw/(?=\s)|\bconsec\b\.?")


def _span(text: str, match: re.Match[str], extend: int = 0) -> str:
    """The words of a match, extended by up to ``extend`` words (stopping at a comma)."""
    start, end = match.span()
    if extend:
        rest = text[end:]
        stop = re.match(rf"\s*(?:[^\s,.;]+\s*){{0,{extend}}}", rest)
        if stop:
            end += len(stop.group(0).rstrip())
    return text[start:end].strip(" ,.;")


# --------------------------------------------------------------------------- the check


def check_goal(text: str, *, kind: str | None = None) -> GoalCheck:
    """Check one goal statement against the measurability rubric.

    ``kind`` is ``"annual"`` or ``"postsecondary"``; without it the checker decides from the
    words (a goal about life after high school is judged by the postsecondary rule).
    """
    original = _normalise(text or "")
    too_long = len(original) > MAX_GOAL_CHARS
    if too_long:
        # No single goal is this long (the longest in the labelled sets is under 1,000 characters): read the
        # start and say so. This bounds the work per goal, so checking stays linear in the input's length.
        original = original[:MAX_GOAL_CHARS]
    low = original.lower()
    if kind is None:
        kind = _guess_kind(low)
    if not low.strip():
        components = {n: ComponentCheck(n, False) for n in COMPONENTS}
        check = GoalCheck(original, kind or ANNUAL, components)
        check.findings.append(Finding(
            "empty", "behavior", "There is no goal text.", "Paste or type one goal statement.",
            severity="problem"))
        return check
    check = _check_postsecondary(original, low) if kind == POSTSECONDARY else _check_annual(original, low)
    if too_long:
        check.findings.append(Finding(
            "too_long", "behavior",
            f"This text is longer than any single goal; only its first {MAX_GOAL_CHARS:,} characters were read.",
            "Check the goals one at a time, or load the whole document so that it is split into goals.",
            severity="note"))
    return check


def _guess_kind(low: str) -> str:
    if w.POSTSECONDARY_TIME.search(low):
        return POSTSECONDARY
    annual_time = w.TIMEFRAME.search(low)
    if not annual_time and (w.POSTSECONDARY_OUTCOME.search(low) or w.ADULT_LIFE.search(low)
                            or re.search(r"\b(?:hopes?|wishes|wants?|would\s+like)\s+to\s+(?:go\s+to|attend|work|"
                                         r"live|become|be\s+an?|get\s+a\s+(?:\w+\s+)?job|enroll|own|open|"
                                         r"start\s+a)\b", low)):
        return POSTSECONDARY
    return ANNUAL


def _predicate(original: str, low: str) -> tuple[int, str]:
    """Where the child's part of the sentence starts (after "will"), and its lower-case text."""
    match = _WILL.search(low)
    if match is None:
        return 0, low
    return match.start(), low[match.start():]


# --------------------------------------------------------------------------- behavior


@dataclass
class _Verb:
    verb: str
    phrase: str
    observable: bool
    reason: str = ""  # vague | outcome | activity | wish | filler


def _verbs(low: str) -> list[_Verb]:
    """Each verb phrase after "will" (and its coordinated verbs), classified."""
    found: list[_Verb] = []
    for match in _WILL.finditer(low):
        wish = bool(_WISH.match(match.group(0).strip()))
        # A verb phrase is short: looking at a bounded window keeps the check linear in the text's length
        # (2,000 "will"s in one paste must not cost 2,000 scans of the whole remainder).
        rest = low[match.end():match.end() + _WINDOW]
        if _ABOUT_DATA.match(rest):
            continue  # "Progress will be measured by …" is about the data, not the child.
        skill = _SKILL_SUBJECT.search(low[max(0, match.start() - _WINDOW):match.start()])
        change = re.match(r"(increase|decrease|improve|reduce|rise|grow)\s+(?=from\s)", rest)
        if skill and change:
            # "Sam's oral reading fluency will increase from 40 to 90 words correct per minute" reads as
            # "Sam will increase oral reading fluency from 40 to 90 …".
            verbs = _classify_phrase(f"{change.group(1)} {skill.group(1)} {rest[change.end():]}", wish)
            for verb in verbs:
                verb.phrase = " ".join(low[skill.start():match.end() + change.end()].split() +
                                       rest[change.end():].split()[:6])
            found.extend(verbs)
            continue
        found.extend(_classify_phrase(rest, wish))
    if not found:
        # No "will": a goal written as "Read 90 words …" or "Student to read …".
        first = re.match(r"(?:the\s+student\s+|student\s+)?(?:to\s+)?([a-z-]+)", low)
        if first and (_lemma(first.group(1)) in w.OBSERVABLE_VERBS or _lemma(first.group(1)) in w.VAGUE_VERBS):
            found.extend(_classify_phrase(low[first.start(1):], False))
    return found


def _classify_phrase(rest: str, wish: bool) -> list[_Verb]:
    out: list[_Verb] = []
    rest = rest.strip()
    # Skip adverbs and helper words before the verb ("will independently read").
    while True:
        word = re.match(r"([a-z-]+)\s+", rest)
        if not word:
            break
        token = word.group(1)
        adverb = token.endswith("ly") and token not in w.OBSERVABLE_VERBS | w.VAGUE_VERBS | {"supply", "fly", "rely"}
        # "independently and accurately read": the "and" joins two adverbs.
        joined = token in ("and", "or") and re.match(r"(?:and|or)\s+[a-z]+ly\s", rest)
        if adverb or joined or token in _SKIP:
            rest = rest[word.end():]
            continue
        if _BE_ABLE.match(rest):
            rest = _BE_ABLE.sub("", rest, count=1)
            continue
        break
    phrase = " ".join(_PHRASE_END.split(rest, maxsplit=1)[0].split()[:9])
    verb_match = re.match(r"([a-z-]+)", rest)
    if not verb_match:
        return out
    verb = _lemma(verb_match.group(1))
    if wish:
        out.append(_Verb(verb, phrase, False, "wish"))
        return out
    to_verb = _TO_VERB.match(rest)
    if to_verb and verb in ("continue", "try", "attempt", "learn"):
        out.append(_Verb(verb, phrase, False, "vague"))
        return out
    if to_verb:
        return _classify_phrase(rest[to_verb.start(1):], wish)
    out.append(_classify_one(verb, rest, phrase))
    # Coordinated verbs: "complete and submit", "raise his hand and wait".
    head = re.split(r"[,;]|\bas\s+measured\b|\bin\s+\d|\bon\s+\d|\bwith\s+\d", rest, maxsplit=1)[0]
    for more in re.finditer(r"\b(?:and|or|then)\s+([a-z-]+)", head):
        candidate = _lemma(more.group(1))
        if candidate in w.OBSERVABLE_VERBS and candidate not in ("use", "make", "take", "turn", "keep", "set", "put"):
            tail = head[more.start(1):]
            out.append(_classify_one(candidate, tail, " ".join(tail.split()[:6])))
    return out


def _lemma(word: str) -> str:
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in w.OBSERVABLE_VERBS | w.VAGUE_VERBS:
            return word[: -len(suffix)] + repl
    return word


_JUDGED_MANNER = re.compile(r"^[\w-]+\s+(?:[\w-]+\s+)?(?:appropriately|properly|positively|"
                            r"acceptably|respectfully|responsibly|nicely|well|better\s*(?:[.,;]|$))")


_THEN_ACTION = re.compile(r"^[\w-]+\s+(?:[\w'/-]+\s+){0,6}?(?:by\s+(?:[a-z]+ly\s+)?([a-z]+ing)\b|"
                          # "become more consistent in completing his work": an -ing action with its object.
                          r"(?:in|at)\s+(?:[a-z]+ly\s+)?([a-z]+ing)\s+(?:the|a|an|his|her|their|[a-z]+s)\b)")
_TIMES_SHE = re.compile(r"^(?:increase|decrease|reduce|lower|raise)\s+(?:the\s+)?(?:number|frequency)\s+of\s+"
                        r"(?:times\s+)?(?:(?:he|she|they)\s+)?([a-z-]+)")


def _ing_lemma(word: str) -> str:
    """The verb in an -ing form: producing -> produce, counting -> count, getting -> get."""
    stem = word[:-3]
    for candidate in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem,
                      stem[:-1] + "y" if stem.endswith("i") else stem):
        if candidate in w.OBSERVABLE_VERBS:
            return candidate
    return stem


def _classify_one(verb: str, rest: str, phrase: str) -> _Verb:
    if verb in w.VAGUE_VERBS or verb in _CHANGE_VERBS or verb == "demonstrate":
        # "improve intelligibility by producing /k/ …", "increase comprehension by identifying the main idea":
        # the action after "by" is the behavior; the vague words before it are wrapping.
        then = _THEN_ACTION.match(rest)
        if then and _ing_lemma(then.group(1) or then.group(2)) in w.OBSERVABLE_VERBS:
            return _Verb(verb, phrase, True, "filler")
        times = _TIMES_SHE.match(rest)
        if times and (_lemma(times.group(1)) in w.OBSERVABLE_VERBS or times.group(1).endswith("s")):
            return _Verb(verb, phrase, True)  # "decrease the number of times she calls out": a count of actions
    if _JUDGED_MANNER.match(rest) and not re.search(r"\d", phrase):
        # "interact appropriately", "show more self-control": a judgement, not an action to count.
        return _Verb(verb, phrase, False, "vague")
    if verb == "be":
        if _BE_OBSERVABLE.match(rest):
            return _Verb(verb, phrase, True)
        if re.match(r"^be\s+(?:exposed|given|provided|offered|taught|shown)\b", rest):
            return _Verb(verb, phrase, False, "activity")
        return _Verb(verb, phrase, False, "vague")
    able = _ABILITY_TO.match(rest)
    if able:
        # "demonstrate the ability to tie his shoes": the action after "to" is the behavior.
        inner = _classify_one(_lemma(able.group(1)), rest[able.start(1):], phrase)
        return _Verb(verb, phrase, inner.observable, "filler" if inner.observable else inner.reason)
    filler = _FILLER.match(rest)
    if filler:
        inner = _lemma(filler.group(1)[:-3]) if filler.group(1)[:-3] in w.OBSERVABLE_VERBS else filler.group(1)
        ok = inner in w.OBSERVABLE_VERBS or filler.group(1)[:-3] in w.OBSERVABLE_VERBS \
            or filler.group(1)[:-3] + "e" in w.OBSERVABLE_VERBS
        return _Verb(verb, phrase, ok, "filler" if ok else "vague")
    if verb == "reduce" and _MATH_OBJECT.match(rest):
        return _Verb(verb, phrase, True)  # "reduce fractions to lowest terms" is a computation
    if verb in _CHANGE_VERBS and not re.match(r"^raise\s+(?:(?:his|her|their|a|one)\s+)?hand", rest):
        # "increase oral reading fluency from 84 to 121 words correct per minute" names a skill and a
        # change; "increase her DRA level" or "improve skills" names only a score.
        changed = re.match(r"^\w+\s+(.*?)\s+(?:from|to|by)\s+(?:an?\s+(?:\w+\s+){0,2}of\s+)?\$?\d", rest)
        undefined = changed and w.UNDEFINED_BEHAVIOR.search(changed.group(1)) and not w.DEFINED.search(changed.group(1))
        if changed and w.FROM_TO.search(rest) and not _NOT_A_SKILL.search(changed.group(1)) and not undefined:
            return _Verb(verb, phrase, True)
        outcome = bool(changed and _NOT_A_SKILL.search(changed.group(1)))
        return _Verb(verb, phrase, False, "outcome" if outcome else "vague")
    conditional = w.CONDITIONAL_VERBS.get(verb)
    if conditional is not None:
        if conditional.match(rest):
            reason = "activity" if verb in ("attend", "participate", "work") else "vague"
            return _Verb(verb, phrase, False, reason)
        return _Verb(verb, phrase, True)
    if verb in ("obtain", "earn", "get") and re.match(r"^\w+\s+(?:an?\s+)?(?:[\w'-]+\s+){0,2}(?:employment|job|degree|"
                                                     r"certificat\w+|diploma|license|licence|credential|ged)\b", rest):
        return _Verb(verb, phrase, True)  # a postsecondary outcome that either happens or does not
    if verb in w.OUTCOME_VERBS:
        return _Verb(verb, phrase, False, "outcome")
    if verb in w.OBSERVABLE_VERBS:
        return _Verb(verb, phrase, True)
    if verb in w.VAGUE_VERBS:
        return _Verb(verb, phrase, False, "vague")
    # An unknown verb: take it as an action if it is followed by an object or a number.
    return _Verb(verb, phrase, bool(re.match(r"^[\w-]+\s+(?:\d|(?:the|a|an|his|her|their)\b|\w+s\b)", rest)), "unknown")


def _original_words(original: str, low: str, phrase: str) -> str:
    """The user's own spelling of words found in the lower-case copy."""
    at = low.find(phrase)
    if at < 0 or len(original) != len(low):
        return phrase
    return original[at:at + len(phrase)]


def _behavior(original: str, low: str, findings: list[Finding], postsecondary: bool = False) -> ComponentCheck:
    verbs = _verbs(low)
    for verb in verbs:
        verb.phrase = _original_words(original, low, verb.phrase)
    if postsecondary:
        for verb in verbs:
            # "will be a licensed practical nurse", "will be a self-employed welder": a job title is an outcome.
            job = re.match(r"be\s+an?\s+(?!(?:good|better|more|great|successful|happy|productive|responsible|"
                           r"active)\b)[\w-]+", verb.phrase.lower())
            if verb.verb == "be" and verb.reason != "wish" and job:
                verb.observable = True
    good = [v for v in verbs if v.observable]
    bad = [v for v in verbs if not v.observable]
    activity = w.ACTIVITY_PATTERNS.search(low)
    for verb in bad:
        if verb.reason == "wish":
            findings.append(Finding(
                "wish", "behavior",
                "It says what the student hopes or would like to do, which cannot be seen happening or not.",
                "Write what the student will do: for example “will enroll in …” or “will work part-time at …”.",
                "What will the student actually do after high school, so that we can tell whether it happened?",
                words=verb.phrase))
        elif verb.reason == "activity" or (activity and not good):
            findings.append(Finding(
                "activity", "behavior",
                "It describes an activity the student will take part in, not a result you can check.",
                "Say what the student will be able to do because of it, for example “will ask a peer to join "
                "a game 3 times per recess” instead of “will attend social skills group”.",
                "What should the student be able to do as a result, and how will we know?",
                words=verb.phrase))
        elif verb.reason in ("vague", "outcome", "unknown"):
            what = "a result or a score, not an action" if verb.reason == "outcome" else \
                "a vague word that nobody can see or count"
            findings.append(Finding(
                "vague_verb", "behavior",
                f"“{verb.phrase}” uses {what}.",
                "Replace it with an action you can see or count, such as read aloud, write, solve, name, ask for "
                "help or start work, and say what the action is done with.",
                "What exactly will we see the student do when this goal is met?",
                words=verb.phrase,
                severity="problem" if not good else "warning"))
    for verb in good:
        if verb.reason == "filler":
            findings.append(Finding(
                "filler_verb", "behavior",
                "“Demonstrate … by” and “demonstrate the ability to” are extra wording; the action after them is "
                "the real behavior.",
                "Start the goal with the action itself, for example “will name …” instead of "
                "“will demonstrate understanding by naming …”.",
                words=verb.phrase, severity="note"))
    if good:
        return ComponentCheck("behavior", True, "; ".join(v.phrase for v in good[:2]))
    if postsecondary and not verbs and w.POSTSECONDARY_OUTCOME.search(low):
        match = w.POSTSECONDARY_OUTCOME.search(low)
        assert match is not None
        return ComponentCheck("behavior", True, _span(original, match))
    words = "; ".join(v.phrase for v in bad[:2])
    note = "only vague words or an outcome, not an action" if bad else "no action found"
    return ComponentCheck("behavior", False, words, note)


# --------------------------------------------------------------------------- the annual rubric


def _check_annual(original: str, low: str) -> GoalCheck:
    findings: list[Finding] = []
    components: dict[str, ComponentCheck] = {}
    start, predicate = _predicate(original, low)

    # timeframe
    time = w.TIMEFRAME.search(low)
    if time:
        note = "a placeholder date still to fill in" if _PLACEHOLDER.search(time.group(0)) else ""
        components["timeframe"] = ComponentCheck("timeframe", True, _span(original, time), note)
        if note:
            findings.append(Finding(
                "placeholder", "timeframe", "The date is still a blank to fill in.",
                "Replace the blank with the real date, for example “By June 12, 2027”.",
                "What is the actual date for this goal?", words=time.group(0), severity="warning"))
    else:
        window = w.MASTERY_WINDOW.search(low)
        components["timeframe"] = ComponentCheck(
            "timeframe", False, _span(original, window) if window else "",
            "a mastery window is not a deadline" if window else "")
        if window:
            findings.append(Finding(
                "mastery_window", "timeframe",
                f"“{_span(original, window)}” says how long the skill must hold, not by when the goal is met.",
                "Add a date as well, for example “By June 2027, … for 3 consecutive weeks”.",
                "By what date should this goal be met?", words=window.group(0)))
        findings.append(Finding(
            "missing_timeframe", "timeframe", "It does not say by when the goal should be met.",
            "Start with a date or period, for example “By June 12, 2027,” or “By the annual IEP review,”.",
            "By what date should this goal be met?"))

    # condition
    # A timeframe is not a given ("at the end of the school year", "during junior year"): blank it out first.
    no_time = w.TIMEFRAME.sub(lambda m: " " * len(m.group(0)), low)
    condition = w.CONDITION.search(no_time)
    lead = _leading_context(original, low, start)
    if condition:
        components["condition"] = ComponentCheck("condition", True, _span(original, condition, 8))
    elif lead:
        components["condition"] = ComponentCheck("condition", True, lead)
    else:
        components["condition"] = ComponentCheck("condition", False)
        findings.append(Finding(
            "missing_condition", "condition",
            "It does not say under what conditions: with what materials, where, or with how much help.",
            "Add the givens, for example “Given a grade 3 passage not practiced before,” or "
            "“During independent work time, with a visual checklist,”.",
            "Under what conditions will the student do this: with what materials, where, and with how much help?"))

    # behavior
    components["behavior"] = _behavior(original, low, findings)
    if not components["behavior"].present and not any(f.component == "behavior" for f in findings):
        findings.append(Finding(
            "missing_behavior", "behavior", "It does not name an action anyone could see or count.",
            "Name one observable action, such as read aloud, write, solve, ask for help or start work.",
            "What exactly will we see the student do when this goal is met?"))

    # criterion
    components["criterion"] = _criterion(original, low, predicate, start, findings)

    # measurement
    measured = _method(low)
    if measured:
        components["measurement"] = ComponentCheck("measurement", True, _span(original, measured, 6))
    else:
        components["measurement"] = ComponentCheck("measurement", False)
        findings.append(Finding(
            "missing_measurement", "measurement", "It does not say how progress will be measured or by whom.",
            "Add “as measured by …” with a tool, who collects the data and how often, for example "
            "“as measured by weekly curriculum-based probes given by the special education teacher”.",
            "How will progress be measured, who will collect the data, and how often will I see it?"))

    # baseline
    base = w.FROM_TO.search(low) or w.BASELINE.search(low)
    if base:
        components["baseline"] = ComponentCheck("baseline", True, _span(original, base, 2))
    else:
        components["baseline"] = ComponentCheck("baseline", False, "", "may be in the present levels instead")
        findings.append(Finding(
            "missing_baseline", "baseline", "It does not say where the student is starting from.",
            "Add the current level, for example “from 42 to 90 words correct per minute” or "
            "“(baseline: 8 of 20 words)”, or make sure the present levels state it.",
            "What is the student's current level on this skill, and where does that number come from?",
            severity="warning"))

    _small_gain(low, findings)
    grade = _GRADE_LEVEL.search(predicate)
    if grade and not components["criterion"].present:
        findings.append(Finding(
            "grade_level", "criterion",
            f"“{grade.group(0)}” does not say which test or measure decides what counts.",
            "Name the measure and the number, for example “90 words correct per minute on grade 3 passages”.",
            "Which measure decides whether the student is at grade level, and what score is that?",
            words=grade.group(0), severity="warning"))
    return GoalCheck(original, ANNUAL, {n: components[n] for n in COMPONENTS}, _order(findings))


#: A level left blank in a district template: "___% accuracy", "X amount of", "(#) accommodations".
_BLANK_LEVEL = re.compile(r"_{2,}\s*(?:%|percent|out\s+of|of\b|consecutive|trials|times)"
                          r"|\bx+\s+(?:amount|number)\s+of\b|\(\s*#\s*\)")
#: What can follow "as measured by" without naming a method: a blank to fill in, or only how often.
_NO_METHOD = re.compile(r"\s*(?:_{2,}|\[[^\]]{0,160}\]|\(\s*\)|\.\.\.|[.,;]|$)"
                        # "as measured weekly with 80% accuracy": a criterion follows, not a method.
                        r"|\s*(?:at\s+least\s+)?\d+(?:\.\d+)?\s*(?:%|percent)|\s*\d+\s*(?:/|out\s+of|of)\s*\d"
                        r"|\s*(?:an?\s+)?(?:daily|weekly|bi-?weekly|monthly|quarterly|regular|ongoing|consistent)\s+basis\b")

def _method(low: str) -> re.Match[str] | None:
    """The words naming how progress is measured; "as measured by ______" and "monitored on a weekly basis"
    name no method."""
    # A bracketed placeholder listing examples ("[assessment method, e.g., running records, probes]") names none.
    low = re.sub(r"\[[^\]]{0,160}\]", lambda m: " " * len(m.group(0)), low)
    for pattern in (_MEASURED_BY, w.MEASUREMENT):
        for match in pattern.finditer(low):
            lead_in = pattern is _MEASURED_BY or re.search(r"\b(?:by|on|in|through|using|with|via|from)$",
                                                           match.group(0))
            if lead_in and _NO_METHOD.match(low, match.end()):
                continue
            return match
    return None


_LEAD_OPENER = re.compile(r"^(?:in|at|on|with|during|before|after|if|when|whenever|while|upon|following|throughout|"
                          r"across|within|using|from|around|inside|outside|near|among|alongside)\s+[a-z]")


def _leading_context(original: str, low: str, start: int) -> str:
    """A phrase set off before the child's name that is not a date, a number or a method ("With a familiar
    adult, Leo will …", "At school, Mia will …"): a given, whatever words it uses."""
    if start <= 0:
        return ""
    offset = 0
    for part in re.split(r"(,)", low[:start]):
        piece = part.strip()
        if (part != "," and _LEAD_OPENER.match(piece) and not w.TIMEFRAME.search(piece)
                and not w.CONSISTENCY.search(piece) and not w.PERCENT.search(piece)
                and not w.COUNT_CRITERION.search(piece) and not w.MEASUREMENT.search(piece)
                and not re.search(r"\b\d{4}\b", piece)):
            at = offset + part.index(piece)
            return original[at:at + len(piece)] if len(original) == len(low) else piece
        offset += len(part)
    return ""


def _criterion(original: str, low: str, predicate: str, start: int, findings: list[Finding]) -> ComponentCheck:
    # Numbers in the timeframe, "to the nearest five minutes" and the measurement clause are not criteria.
    scope = w.TIMEFRAME.sub(" ", predicate)
    # A criterion written before the child's name ("With 85% accuracy across 3 sessions, Leo will …",
    # "Four out of five times, …") counts too; numbers in a leading condition ("given 20 words") do not.
    lead = w.TIMEFRAME.sub(" ", low[:start])
    if w.CONSISTENCY.search(lead) or re.search(r"\bwith\s+(?:at\s+least\s+)?\d+(?:\.\d+)?\s*(?:%|percent)", lead):
        scope = f"{lead} {scope}"
    scope = _NEAREST.sub(" ", scope)
    counted_scope = _MEASURED_CLAUSE.sub(" ", scope)
    blank = _BLANK_LEVEL.search(scope)
    if blank:
        findings.append(Finding(
            "blank_criterion", "criterion", f"The target is still a blank to fill in (“{blank.group(0).strip()}”).",
            "Ask for the actual numbers, for example “with 80% accuracy on 4 of 5 weekly probes”.",
            "What number counts as meeting this goal, and over how many tries?", words=blank.group(0).strip()))
        return ComponentCheck("criterion", False, blank.group(0).strip(), "a blank still to fill in")
    percent_time = w.PERCENT_OF_TIME.search(scope)
    if percent_time and not w.OBSERVATION_WINDOW.search(low):
        findings.append(Finding(
            "percent_of_time", "criterion",
            f"“{percent_time.group(0)}” has no observation window: someone would have to watch the student all "
            "day to know.",
            "Define the whole: for example “in 80% of 1-minute intervals during a 20-minute work period, "
            "on 4 of 5 observations”.",
            "Percent of what? How long will someone observe, how often, and who?",
            words=percent_time.group(0)))
        return ComponentCheck("criterion", False, percent_time.group(0),
                              "percent of the time, with no observation window")
    rate_percent = w.PERCENT_RATE.search(scope)
    if rate_percent:
        return ComponentCheck("criterion", True, rate_percent.group(0).strip())
    no_percent = w.PERCENT.sub(" pct ", counted_scope)
    count = w.COUNT_CRITERION.search(no_percent) or w.FROM_TO.search(scope)
    percent = w.PERCENT.search(scope)
    consistency = _consistency(scope)
    rate = w.RATE.search(no_percent)
    rubric = w.RUBRIC_SCORE.search(scope)
    if rubric and not count:
        # "as measured by a score of 3 out of 4 or better on a rubric on three assignments": the score is the
        # criterion even though it sits in the method.
        return ComponentCheck("criterion", True, rubric.group(0).strip())
    if count and not (percent and not consistency and not (_count_is_strong(count.group(0)) or rate)):
        if rate and rate.group(0) not in count.group(0):
            count = rate
        words = count.group(0).strip()
        if consistency and consistency.group(0) not in words:
            words = f"{words}; {consistency.group(0).strip()}"
        return ComponentCheck("criterion", True, words)
    if percent:
        if consistency:
            return ComponentCheck("criterion", True, f"{percent.group(0)}; {consistency.group(0).strip()}")
        findings.append(Finding(
            "bare_percentage", "criterion",
            f"“{percent.group(0)}” says how well but not how often: met once, or every time?",
            f"Add the number of trials, probes or days, for example “with {percent.group(0)} accuracy on 4 of 5 "
            "weekly probes”.",
            f"Over how many tries or days does the {percent.group(0)} have to hold?",
            words=percent.group(0)))
        return ComponentCheck("criterion", False, percent.group(0), "a percentage with no number of trials or days")
    if consistency and re.search(rf"\b{w.NUM}\b", consistency.group(0)) and (re.search(
            r"\b(?:each|every|all)\b|\bon\s+time\b", counted_scope)
            or re.search(r"\b(?:consecutive|separate|different|of)\b|\d\s*/\s*\d", consistency.group(0))):
        # "on 5 consecutive probes": every time, over a counted span.
        # "each step by its due date for 3 consecutive projects": every time, over a counted span.
        return ComponentCheck("criterion", True, consistency.group(0).strip())
    findings.append(Finding(
        "missing_criterion", "criterion", "It does not give a number that shows when the goal is met.",
        "Add a target and how consistently, for example “16 of 20 words on 3 consecutive weekly tests” or "
        "“90 words correct per minute on 2 consecutive probes”.",
        "What number or level counts as meeting this goal, and how many times in a row?"))
    return ComponentCheck("criterion", False)


def _consistency(scope: str) -> re.Match[str] | None:
    """The first consistency clause, preferring one with a number ("each day for 2 weeks" -> "for 2 weeks")."""
    matches = list(w.CONSISTENCY.finditer(scope))
    counted = [m for m in matches if re.search(rf"\b{w.NUM}\b", m.group(0))]
    return (counted or matches or [None])[0]


def _count_is_strong(words: str) -> bool:
    """A count that stands on its own next to a bare percentage (rates and "N of M")."""
    return bool(re.search(r"\bper\b|\bof\b|\bminute|\bseconds?\b|\bonce\b|\btwice\b|\btimes\b", words))


def _number(text: str) -> float | None:
    match = re.search(rf"({w.NUM})(?:\s*%)?(?:\s+(?:out\s+)?of\s+({w.NUM}))?", text)
    if not match:
        return None
    value = _to_float(match.group(1))
    if value is None:
        return None
    if match.group(2):
        total = _to_float(match.group(2))
        if total:
            return value / total * 100
    return value


def _to_float(token: str) -> float | None:
    token = token.replace("$", "").replace(",", "")
    if token in w.NUMBER_WORDS:
        return float(w.NUMBER_WORDS[token])
    try:
        return float(token)
    except ValueError:
        return None


def target_gain(baseline: float, target: float, decreasing: bool = False) -> float:
    """How far the target moves from the baseline, as a share of the baseline (0.1 = 10 %)."""
    change = (baseline - target) if decreasing else (target - baseline)
    if baseline == 0:
        return 1.0 if change > 0 else 0.0
    return change / abs(baseline)


#: A target this close to the baseline is flagged (Endrew F.: goals should be appropriately ambitious).
SMALL_GAIN = 0.10


_UP_FROM = re.compile(rf"(?<![\w.,$])(?P<target>{w.NUM}(?:\s*%)?(?:\s+(?:out\s+)?of\s+{w.NUM})?)\s+"
                      rf"(?:[\w-]+,?\s+){{0,5}}?\(?"
                      rf"(?:up|down)\s+from\s+(?:a\s+baseline\s+of\s+)?(?P<base>{w.NUM}(?:\s*%)?(?:\s+(?:out\s+)?of\s+{w.NUM})?)")


def _small_gain(low: str, findings: list[Finding]) -> None:
    match = w.FROM_TO.search(low) or _UP_FROM.search(low)
    if not match:
        return
    base, target = _number(match.group("base")), _number(match.group("target"))
    if base is None or target is None:
        return
    gain = target_gain(base, target, decreasing=target < base)
    if gain < SMALL_GAIN:
        findings.append(Finding(
            "small_gain", "criterion",
            f"The target ({match.group('target')}) is barely different from where the student starts "
            f"({match.group('base')}).",
            "Ask for a target based on expected growth for a year of specialized teaching, not a small step; "
            "the law expects appropriately ambitious goals (Endrew F., 2017).",
            "Why is the target so close to the current level? What growth would a year of services bring?",
            words=match.group(0), severity="warning"))


def _order(findings: list[Finding]) -> list[Finding]:
    rank = {"problem": 0, "warning": 1, "note": 2}
    position = {n: i for i, n in enumerate(COMPONENTS)}
    return sorted(findings, key=lambda f: (rank.get(f.severity, 3), position.get(f.component, 9)))


# --------------------------------------------------------------------------- the postsecondary rule


def _check_postsecondary(original: str, low: str) -> GoalCheck:
    findings: list[Finding] = []
    components: dict[str, ComponentCheck] = {}
    time = w.POSTSECONDARY_TIME.search(low)
    if time:
        components["timeframe"] = ComponentCheck("timeframe", True, _span(original, time, 2))
    else:
        components["timeframe"] = ComponentCheck("timeframe", False, "", "does not say it happens after high school")
        findings.append(Finding(
            "missing_timeframe", "timeframe",
            "A postsecondary goal must say that it happens after high school.",
            "Start with “After high school,” or “Within one year of graduating,”.",
            "Is this something the student will do after leaving high school? When?"))
    components["behavior"] = _behavior(original, low, findings, postsecondary=True)
    if not components["behavior"].present and not any(f.component == "behavior" for f in findings):
        findings.append(Finding(
            "missing_behavior", "behavior",
            "It does not name an outcome that can be seen happening or not.",
            "Name the outcome: will enroll in a named program, will work part-time as …, will live in an "
            "apartment with a roommate.",
            "What will the student be doing after high school, so that we can tell whether it happened?"))
    for name in ("condition", "criterion", "measurement", "baseline"):
        components[name] = ComponentCheck(name, False, "", "not needed for a postsecondary goal")
    return GoalCheck(original, POSTSECONDARY, {n: components[n] for n in COMPONENTS}, _order(findings))


def check_many(texts: list[str]) -> list[GoalCheck]:
    return [check_goal(t) for t in texts]
