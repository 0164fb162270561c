"""Goals written the way schools really write them (issue 14): one parametrised test per kind.

Every sentence here was written for these tests (fictional children); none is taken from the
real-world scoring set, which is never used to tune a rule (docs/goal-checker.md).
Each component that a row expects present must quote the words that decided it.
"""

from __future__ import annotations

import pytest

from planwriter.core.goals.checker import check_goal


def _present(text: str, component: str, quoted: str | None = None):
    result = check_goal(text)
    part = result.components[component]
    assert part.present, (component, text, result.to_dict()["findings"])
    assert part.words, (component, text)
    for piece in part.words.split("; "):
        assert piece.lower() in result.text.lower(), (piece, text)
    if quoted:
        assert quoted.lower() in part.words.lower(), (part.words, quoted)
    return result


def _missing(text: str, component: str):
    result = check_goal(text)
    assert not result.components[component].present, (component, result.components[component].words, text)
    return result


# --------------------------------------------------------------------------- shorthand subjects

SHORTHAND = [
    ("TSW answer 4 of 5 inferential questions about a grade 5 passage read aloud by the teacher by May 2027, as "
     "measured by weekly comprehension probes.", "answer"),
    ("SWBAT solve two-step word problems with a calculator on 4 of 5 weekly quizzes by June 2027, as measured by "
     "teacher-made quizzes.", "solve"),
    ("By March 2027, given a visual schedule, TLW move to the next activity within 2 minutes on 4 of 5 days, as "
     "recorded on a daily behavior chart.", "move"),
    ("By the annual review, given a 10-item spelling list, TSWBAT write 8 of 10 words correctly on 3 consecutive "
     "weekly tests, as measured by the tests.", "write"),
    ("By June 2027, when given a field of 4 pictures, S.W.B.A.T. point to the named picture in 8 of 10 trials, as "
     "recorded on an SLP data sheet.", "point"),
]


@pytest.mark.parametrize(("text", "verb"), SHORTHAND)
def test_shorthand_subjects_are_read_as_the_student_will(text, verb):
    result = _present(text, "behavior", verb)
    assert result.measurable, result.missing


# --------------------------------------------------------------------------- blank slots

BLANK_SLOTS = [
    "By ____, given a list of 20 sight words, Mateo will read 18 of them correctly on 3 consecutive weekly probes, "
    "as measured by teacher records.",
    "By_____, when given a picture prompt, Ana will write 3 sentences with a capital letter and end mark on 4 of 5 "
    "writing samples, as measured by a district rubric.",
    "By date, given 10 addition facts, Omar will write the answers with 90% accuracy on 3 consecutive probes, as "
    "measured by curriculum-based probes.",
    "In ____ instructional weeks, during morning meeting, Lia will greet 2 peers by name on 4 of 5 days, as "
    "recorded on a tally sheet.",
    "By xx/xx/xxxx, given coins, Jude will count amounts up to $1.00 correctly in 8 of 10 trials, as measured by "
    "teacher data.",
    "By (annual IEP date), given a model, Nia will copy her first and last name legibly on 4 of 5 work samples, "
    "as measured by OT data.",
]


@pytest.mark.parametrize("text", BLANK_SLOTS)
def test_a_blank_date_is_a_timeframe_waiting_to_be_filled(text):
    result = _present(text, "timeframe")
    assert result.components["timeframe"].note == "a placeholder date still to fill in"
    blank = [f for f in result.findings if f.code == "placeholder"]
    assert blank and blank[0].severity == "warning"
    assert result.measurable, result.missing


@pytest.mark.parametrize("text", [
    "By June 2027, given 20 objects, Cal will count them with ___% accuracy in ___ of ___ trials, as measured by "
    "teacher data.",
    "By June 2027, given a list of jobs, Rae will name X amount of jobs she likes, as measured by a checklist.",
    "By June 2027, during a planning meeting, Ty will list (#) accommodations he uses, as measured by a checklist.",
])
def test_a_blank_criterion_is_still_missing(text):
    _missing(text, "criterion")


@pytest.mark.parametrize("text", [
    "By June 2027, given 20 words, Cal will read 18 correctly in 4 of 5 trials as measured by ______.",
    "By June 2027, given 20 words, Cal will read 18 correctly in 4 of 5 trials as measured by [method].",
    "By June 2027, given 20 words, Cal will read 18 correctly in 4 of 5 trials, as measured weekly.",
    "By June 2027, given 20 words, Cal will read 18 correctly in 4 of 5 trials, monitored on a weekly basis.",
])
def test_a_blank_or_frequency_only_method_is_still_missing(text):
    _missing(text, "measurement")


# --------------------------------------------------------------------------- form layouts

def test_target_date_and_evaluation_procedures_fields_are_read():
    text = ("Given a 4th grade informational text, Noor will state the main idea and two details in 4 of 5 trials.\n"
            "Target date: 06/12/2027\nEvaluation Procedures: Graded work samples")
    result = _present(text, "timeframe", "06/12/2027")
    _present(text, "measurement", "work samples")
    assert result.measurable, result.missing


def test_seventy_percent_mastery_and_an_end_date_are_not_a_consistency_clause():
    text = ("Given two-digit addition problems, Kai will add them with regrouping with 70% mastery. "
            "End Date: 10/06/2027 Evaluation Procedures: Graded work samples")
    result = _missing(text, "criterion")
    _present(text, "timeframe", "10/06/2027")
    assert result.components["timeframe"].note == ""  # a real date, not a blank
    _present(text, "measurement")
    assert not result.measurable


@pytest.mark.parametrize(("text", "component"), [
    ("Annual goal: Given a graphic organizer, Rosa will write a paragraph with a topic sentence and 3 details. "
     "Criteria: 3 of 4 on the district writing rubric on 3 consecutive assignments. Evaluation: writing samples. "
     "Target Date: May 2027", "criterion"),
    ("Given a bus schedule, Wes will find the next bus on a named route. Criteria: 4 of 5 trials. "
     "Evaluation Method: teacher observation. Completion date: 5/28/2027", "timeframe"),
    ("Given a bus schedule, Wes will find the next bus on a named route. Mastery criteria: 4 of 5 trials. "
     "Assessment: teacher-made checklist. Anticipated completion date: 05/28/2027", "measurement"),
])
def test_form_fields_for_criteria_method_and_date(text, component):
    result = _present(text, component)
    assert result.measurable, result.missing


# --------------------------------------------------------------------------- rate plus accuracy

@pytest.mark.parametrize("text", [
    "By May 2027, given an unpracticed second-grade passage, Eli will read at least 30 words in one minute with at "
    "least 80% accuracy, as measured by monthly fluency probes.",
    "By June 2027, given a sheet of single-digit facts, Zoe will write 25 correct digits in 2 minutes with 90% "
    "accuracy, as measured by computation probes.",
    "By the end of the school year, given a first-grade word list, Max will read 40 words in a minute with 95% "
    "accuracy, as measured by DIBELS word reading probes.",
])
def test_a_rate_with_an_accuracy_floor_is_a_criterion(text):
    result = _present(text, "criterion")
    assert result.measurable, result.missing


# --------------------------------------------------------------------------- rubric score inside the method

@pytest.mark.parametrize("text", [
    "By May 2027, given a writing prompt and a planning sheet, Ivy will write a persuasive paragraph, as measured by "
    "a score of 3 out of 4 or better on a rubric on three assignments.",
    "By the annual review, given a lab report template, Ben will record his observations, as measured by scoring "
    "3 or higher on a 4-point teacher rubric on 4 of 5 reports.",
    "By June 2027, given a story map, Ada will retell a story she has read, as measured by a rubric score of 10 of "
    "12 on two consecutive retells.",
])
def test_a_rubric_score_inside_the_method_is_a_criterion(text):
    result = _present(text, "criterion")
    assert result.measurable, result.missing


# --------------------------------------------------------------------------- a vague verb, then the action

@pytest.mark.parametrize(("text", "action"), [
    ("By June 2027, during structured speech activities, Tomas will improve intelligibility by producing /k/ in "
     "words with 80% accuracy on 3 consecutive sessions, as measured by SLP data.", "producing"),
    ("By May 2027, given a third-grade passage, Mila will increase comprehension by correctly identifying the main "
     "idea on 4 of 5 probes, as measured by teacher-made probes.", "identifying"),
    ("By June 2027, given up to 20 counters, Sara will develop her number sense by counting the counters aloud in "
     "8 of 10 trials, as measured by teacher data.", "counting"),
    ("By March 2027, during small-group lessons, Abe will strengthen his working memory by repeating 4-digit "
     "sequences in 4 of 5 trials, as measured by session data.", "repeating"),
    ("By June 2027, given a college brochure, Jo will demonstrate knowledge of admission steps by listing 4 steps "
     "in order on 2 of 3 checks, as measured by a transition checklist.", "listing"),
])
def test_a_vague_verb_followed_by_the_action_has_a_behavior(text, action):
    result = _present(text, "behavior", action)
    assert result.measurable, result.missing


def test_a_vague_verb_with_no_action_after_it_still_has_no_behavior():
    _missing("By June 2027, Sara will develop her number sense by the end of the year.", "behavior")


# --------------------------------------------------------------------------- givens after the verb

@pytest.mark.parametrize(("text", "given"), [
    ("By June 2027, Theo will identify the theme of a third-grade text he has read on 4 of 5 probes, as measured "
     "by teacher-made probes.", "text he has read"),
    ("By May 2027, Priya will spell 8 of 10 short-vowel words after highlighting the sounds as a visual reminder, "
     "as measured by weekly spelling tests.", "after highlighting"),
    ("By June 2027, Leo will retell the events of a short story he has heard in order on 3 of 4 retell probes, as "
     "measured by a retell checklist.", "story he has heard"),
    ("By March 2027, Ravi will independently solve 8 of 10 two-step problems, as measured by unit quizzes.",
     "will independently solve"),
    ("By March 2027, Jae will be able to independently and neatly pack his backpack on 4 of 5 days, as recorded "
     "on a checklist.", "independently and neatly pack"),
    ("By June 2027, Kim will answer 4 of 5 questions about a passage read aloud to her, as measured by "
     "comprehension probes.", "read aloud"),
    ("By June 2027, Dev will name 20 common objects from picture cards with minimal prompting on 3 consecutive "
     "probes, as measured by SLP data.", "minimal prompting"),
])
def test_givens_and_supports_after_the_verb_are_a_condition(text, given):
    result = _present(text, "condition", given)
    assert result.measurable, result.missing


# --------------------------------------------------------------------------- a timeframe after the verb

@pytest.mark.parametrize(("text", "when"), [
    ("Given a list of CVC words, Aria will read 18 of 20 correctly after 5 weeks of instruction, as measured by "
     "weekly word-list probes.", "after 5 weeks of instruction"),
    ("Given picture cards, Jon will name 20 common objects on 3 consecutive probes within the first grading "
     "period, as measured by SLP data.", "within the first grading period"),
    ("When given a 5th-grade passage, Mae will write a summary with 4 of 5 key ideas on 3 consecutive probes by "
     "the end of the second quarter, as measured by a rubric.", "by the end of the second quarter"),
    ("Given a planner, Tess will record every assignment on 4 of 5 days during her junior year, as measured by "
     "planner checks.", "during her junior year"),
])
def test_a_timeframe_after_the_verb_is_found(text, when):
    result = _present(text, "timeframe", when)
    assert result.measurable, result.missing


# --------------------------------------------------------------------------- postsecondary goals as written

@pytest.mark.parametrize(("text", "missing"), [
    ("Marco will earn a certificate in automotive repair from a technical college.", ["timeframe"]),
    ("Dana will work as a veterinary assistant while attending community college.", []),
    ("After college, Kim will teach at an elementary school.", []),
    ("Someday Luis hopes to own a bakery.", ["timeframe", "behavior"]),
    ("In the future, Ana will be a licensed practical nurse.", ["timeframe"]),
])
def test_postsecondary_goals_are_recognised_without_the_usual_words(text, missing):
    result = check_goal(text)
    assert result.kind == "postsecondary"
    assert result.missing == missing


# --------------------------------------------------------------------------- baseline wording

@pytest.mark.parametrize(("text", "present"), [
    ("By June 2027, given 10 money problems, Gus will solve them, improving from 2/10 work samples to 8/10 work "
     "samples in ten consecutive trials.", True),
    ("By June 2027, during class, Bea will raise her hand to speak, from a level of 40% of opportunities to 80% "
     "of opportunities in a 30-minute observation, as measured by a tally sheet.", True),
    ("By June 2027, given a list of 20 words, Gus will read 18 of them on 3 consecutive probes, as measured by "
     "teacher probes. Baseline: None.", False),
])
def test_baseline_wording(text, present):
    assert check_goal(text).components["baseline"].present is present


# --------------------------------------------------------------------------- criteria that are not numbers of success

@pytest.mark.parametrize("text", [
    "By June 2027, Rob will count coins up to $1.00 using only nickels, as measured by teacher data.",
    "By June 2027, Rob will use a calculator to add up to ten prices on a shopping list, as measured by teacher "
    "data.",
])
def test_the_size_of_the_task_is_not_a_criterion(text):
    _missing(text, "criterion")


@pytest.mark.parametrize("text", [
    "By June 2027, after an interest inventory, Pia will research and list 3 careers that match her interests, as "
    "measured by a teacher-made rubric.",
    "By June 2027, when upset, Cole will name the feeling and choose a calming strategy within 5 minutes, as "
    "measured by counselor logs.",
    "By June 2027, when given a growing pattern, Ola will extend it and explain the rule at least twice, as "
    "measured by math journal entries.",
])
def test_counts_and_latencies_are_criteria(text):
    _present(text, "criterion")


# --------------------------------------------------------------------------- goals written without "will"

@pytest.mark.parametrize(("text", "verb"), [
    ("Names 10 colors when shown color cards on 4 of 5 trials.", "names"),
    ("Writes his first and last name using a model on 3 consecutive days.", "writes"),
])
def test_a_goal_that_starts_with_the_verb_has_a_behavior(text, verb):
    _present(text, "behavior", verb)


# --------------------------------------------------------------------------- what is not a given

@pytest.mark.parametrize("text", [
    "By June 2027, Omar will write a paragraph using correct grammar rules on 4 of 5 writing samples, as "
    "measured by a checklist.",
    "By June 2027, Omar will solve word problems using problem-solving strategies on 4 of 5 unit tests, as "
    "measured by the tests.",
    "By June 2027, Omar will make progress on the fourth-grade curriculum, as measured by report cards.",
])
def test_knowledge_to_use_and_the_curriculum_are_not_givens(text):
    _missing(text, "condition")


@pytest.mark.parametrize(("text", "given"), [
    ("By June 2027, Bo will produce /s/ in (single words, phrases) with 90% accuracy on 3 consecutive sessions, "
     "as measured by SLP data.", "in (single words"),
    ("By June 2027, Bo will stay on task during a teacher-directed activity for 10 minutes on 4 of 5 days, as "
     "measured by a duration log.", "during a teacher-directed activity"),
])
def test_speech_levels_in_brackets_and_an_activity_are_givens(text, given):
    _present(text, "condition", given)
