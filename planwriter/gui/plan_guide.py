"""The "Which plan fits?" guide: a few plain questions, IEP and 504 side by side, and a suggestion."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

IEP_LETTER = "initial-evaluation"
PLAN_504_LETTER = "section-504-evaluation"


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlanGuide", text)


class Answer(enum.Enum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class Plan(enum.Enum):
    IEP = "iep"
    PLAN_504 = "504"
    NONE_YET = "none"


#: The questions, in order: (key, question, what it is getting at).
QUESTIONS: tuple[tuple[str, str, str], ...] = (
    (
        "condition",
        "Does your child have a disability, health condition or learning difference, either diagnosed "
        "or one you suspect?",
        "For example ADHD, dyslexia, autism, anxiety, diabetes, a hearing loss, or a problem no one has "
        "named yet. A diagnosis is not required to ask for help.",
    ),
    (
        "learning",
        "Does it make school clearly harder for your child than for most children the same age: "
        "learning, reading, writing, math, paying attention, communicating or getting along?",
        "Think about how your child does without medicine or other help, compared with classmates.",
    ),
    (
        "instruction",
        "Does your child need to be taught differently to make progress, for example specialized "
        "reading lessons, speech therapy, or being taught skills to manage behavior?",
        "This is what the law calls specially designed instruction: teaching changed to fit the child.",
    ),
    (
        "access",
        "Would your child manage in the regular class with changes to how things are done, such as "
        "extra time, a seat near the front, breaks, or help with medicine or meals?",
        "These changes are accommodations: the work stays the same, the way to reach it changes.",
    ),
)


@dataclass
class Suggestion:
    plan: Plan
    headline: str
    reasons: list[str] = field(default_factory=list)
    #: The request letter to start, or "" when no letter fits yet.
    template_id: str = ""


def suggest(answers: dict[str, Answer]) -> Suggestion:
    """Which plan to ask about, and why, from the answers (a missing answer counts as "not sure")."""

    def answer(key: str) -> Answer:
        return answers.get(key, Answer.UNSURE)

    condition, learning = answer("condition"), answer("learning")
    instruction, access = answer("instruction"), answer("access")

    if condition is Answer.NO and Answer.YES not in (learning, instruction):
        return Suggestion(
            Plan.NONE_YET,
            _tr("Neither plan seems to fit right now."),
            [
                _tr("Both plans are for a child with a disability or a condition that limits them at "
                    "school, and you did not describe one."),
                _tr("If school is hard for your child, start by talking with the teacher. If you come to "
                    "suspect a disability, you can ask for an evaluation at any time, in writing."),
            ],
        )
    if instruction is Answer.YES:
        reasons = [
            _tr("Your child needs teaching designed for them. Providing that is what an IEP is for, under "
                "the Individuals with Disabilities Education Act (IDEA)."),
        ]
        if learning is Answer.YES:
            reasons.append(_tr("The condition makes learning clearly harder, which IDEA looks for too."))
        reasons.append(
            _tr("The first step is a written request for a full evaluation. If it finds your child does not "
                "qualify for an IEP, ask the school to consider a 504 plan.")
        )
        return Suggestion(Plan.IEP, _tr("Ask for an evaluation for an IEP."), reasons, IEP_LETTER)
    if instruction is Answer.UNSURE and learning is not Answer.NO:
        return Suggestion(
            Plan.IEP,
            _tr("Ask for an evaluation for an IEP; it will answer the open question."),
            [
                _tr("You are not sure whether your child needs different teaching. Finding that out is "
                    "exactly what an IDEA evaluation does, at no cost to you."),
                _tr("A written request starts the timelines the school must follow."),
                _tr("If your child does not qualify for an IEP, the school should still consider a 504 plan."),
            ],
            IEP_LETTER,
        )
    if Answer.YES in (learning, access, condition):
        reasons = [
            _tr("A 504 plan is for a child whose condition substantially limits a major life activity, "
                "such as learning, concentrating, reading, breathing or eating."),
        ]
        if access is Answer.YES or instruction is Answer.NO:
            reasons.append(
                _tr("Your child mainly needs changes to how they take part, not different teaching. "
                    "Accommodations like these are what a 504 plan provides.")
            )
        reasons.append(
            _tr("Ask in writing for a Section 504 evaluation. If it later turns out your child needs "
                "specially designed instruction, you can still ask for an IEP evaluation.")
        )
        return Suggestion(Plan.PLAN_504, _tr("Ask for a Section 504 evaluation."), reasons, PLAN_504_LETTER)
    return Suggestion(
        Plan.IEP,
        _tr("Ask for an evaluation; it will show which plan fits."),
        [
            _tr("Your answers leave the picture open. An evaluation by the school gathers the facts that "
                "decide whether your child qualifies for an IEP, a 504 plan or neither."),
            _tr("If your child is found not to qualify for an IEP, ask the school to consider a 504 plan."),
        ],
        IEP_LETTER,
    )


def comparison_html() -> str:
    """IEP and 504 plan side by side, in plain words (facts from the domain reference, §3)."""
    rows = [
        (
            _tr("The law behind it"),
            _tr("The Individuals with Disabilities Education Act (IDEA): a federal education law that "
                "funds special education in public schools."),
            _tr("Section 504 of the Rehabilitation Act: a civil-rights law that forbids schools receiving "
                "federal money to discriminate because of a disability."),
        ),
        (
            _tr("Who qualifies"),
            _tr("A child whose disability fits one of the 13 IDEA categories (for example specific learning "
                "disability, autism, other health impairment, speech or language impairment) and who, "
                "because of it, needs specially designed instruction."),
            _tr("A child with any physical or mental impairment that substantially limits a major life "
                "activity (learning, reading, concentrating, breathing, eating…), judged without the help of "
                "medicine or devices. More children qualify than for an IEP."),
        ),
        (
            _tr("What the plan holds"),
            _tr("A written IEP: how the child is doing now (present levels), measurable yearly goals, the "
                "special teaching and related services, accommodations, and how progress is reported."),
            _tr("The accommodations and services the child needs to take part as fully as other students. "
                "No federal form is required, and goals are usually not part of it."),
        ),
        (
            _tr("How often it is reviewed"),
            _tr("The IEP team meets at least once a year; the child is re-evaluated at least every three "
                "years."),
            _tr("The law asks for periodic re-evaluation and one before any significant change; many "
                "districts review the plan every year and re-evaluate every three years."),
        ),
        (
            _tr("The parents' role"),
            _tr("Parents are members of the IEP team. The school needs their written consent before the "
                "first evaluation and before services begin."),
            _tr("The school must tell parents before it acts, and parents may look at the records. A group "
                "that knows the child decides; parents are usually invited and asked to agree to the "
                "first evaluation."),
        ),
        (
            _tr("If you disagree"),
            _tr("Mediation, a complaint to the state education agency, or a due process hearing."),
            _tr("The district's grievance procedure (through its 504 coordinator), an impartial hearing, or "
                "a complaint to the US Department of Education's Office for Civil Rights."),
        ),
    ]
    head = (
        f"<tr><th width='18%'></th><th width='41%'>{escape(_tr('IEP (IDEA)'))}</th>"
        f"<th width='41%'>{escape(_tr('504 plan (Section 504)'))}</th></tr>"
    )
    body = "".join(
        f"<tr><th align='left' valign='top'>{escape(topic)}</th>"
        f"<td valign='top'>{escape(iep)}</td><td valign='top'>{escape(plan504)}</td></tr>"
        for topic, iep, plan504 in rows
    )
    intro = escape(_tr("Both plans help a child with a disability at a public school, but they come from "
                       "different laws and give different things."))
    return (
        f"<h3>{escape(_tr('IEP or 504 plan?'))}</h3><p>{intro}</p>"
        f"<table cellspacing='0' cellpadding='6' border='1' width='100%'>{head}{body}</table>"
    )


class PlanGuideDialog(QDialog):
    """Non-modal guide; :attr:`letter_requested` carries the template id of the letter to start."""

    letter_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which plan fits? IEP or 504"))
        self.resize(1000, 680)
        self.groups: dict[str, QButtonGroup] = {}
        self.answer_buttons: dict[tuple[str, Answer], QRadioButton] = {}
        self.suggestion: Suggestion | None = None

        questions = QWidget()
        questions_layout = QVBoxLayout(questions)
        intro = QLabel(self.tr("Answer a few questions about your child. The suggestion below changes as you "
                               "answer; the table on the right explains both plans."))
        intro.setWordWrap(True)
        questions_layout.addWidget(intro)
        for number, (key, question, hint) in enumerate(QUESTIONS, start=1):
            questions_layout.addWidget(self._question_box(number, key, _tr(question), _tr(hint)))

        self.result_box = QGroupBox(self.tr("Suggestion"))
        self.headline_label = QLabel()
        self.headline_label.setWordWrap(True)
        font = self.headline_label.font()
        font.setBold(True)
        self.headline_label.setFont(font)
        self.reasons_label = QLabel()
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setTextFormat(Qt.TextFormat.RichText)
        self.start_letter_button = QPushButton(self.tr("&Start the request letter"))
        self.start_letter_button.setAccessibleName(self.tr("Start the request letter"))
        self.start_letter_button.clicked.connect(self._start_letter)
        result_layout = QVBoxLayout(self.result_box)
        result_layout.addWidget(self.headline_label)
        result_layout.addWidget(self.reasons_label)
        result_layout.addWidget(self.start_letter_button, 0, Qt.AlignmentFlag.AlignLeft)
        questions_layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(questions)
        # The suggestion stays in view under the questions while the user answers them.
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addWidget(self.result_box)

        self.explanation = QTextBrowser()
        self.explanation.setObjectName("explanation")
        self.explanation.setAccessibleName(self.tr("IEP and 504 plan compared"))
        self.explanation.setOpenLinks(False)
        self.explanation.setHtml(comparison_html())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.explanation)
        splitter.setSizes([480, 520])
        splitter.setChildrenCollapsible(False)

        self.note_label = QLabel(self.tr("This guide is not legal advice. Only the school's evaluation team "
                                         "decides eligibility; a parent center or lawyer can advise you."))
        self.note_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(self.note_label, 1)
        footer.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(footer)
        self.update_suggestion()

    def _question_box(self, number: int, key: str, question: str, hint: str) -> QGroupBox:
        box = QGroupBox(self.tr("Question {number}").format(number=number))
        label = QLabel(question)
        label.setWordWrap(True)
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        font = hint_label.font()
        font.setItalic(True)
        hint_label.setFont(font)
        group = QButtonGroup(box)
        row = QHBoxLayout()
        for answer, text in ((Answer.YES, self.tr("Yes")), (Answer.NO, self.tr("No")),
                             (Answer.UNSURE, self.tr("Not sure"))):
            button = QRadioButton(text)
            button.setAccessibleName(f"{question} {text}")
            group.addButton(button)
            row.addWidget(button)
            self.answer_buttons[(key, answer)] = button
        row.addStretch(1)
        group.buttonToggled.connect(lambda _button, _checked: self.update_suggestion())
        self.groups[key] = group
        layout = QVBoxLayout(box)
        layout.addWidget(label)
        layout.addWidget(hint_label)
        layout.addLayout(row)
        return box

    def answers(self) -> dict[str, Answer]:
        found = {}
        for (key, answer), button in self.answer_buttons.items():
            if button.isChecked():
                found[key] = answer
        return found

    def set_answer(self, key: str, answer: Answer) -> None:
        self.answer_buttons[(key, answer)].setChecked(True)

    def update_suggestion(self) -> None:
        answers = self.answers()
        if len(answers) < len(QUESTIONS):
            self.suggestion = None
            left = len(QUESTIONS) - len(answers)
            self.headline_label.setText(
                self.tr("Answer the questions above to see a suggestion ({left} left).").format(left=left)
            )
            self.reasons_label.clear()
            self.start_letter_button.setVisible(False)
            return
        self.suggestion = suggest(answers)
        self.headline_label.setText(self.suggestion.headline)
        items = "".join(f"<li>{escape(reason)}</li>" for reason in self.suggestion.reasons)
        self.reasons_label.setText(f"{escape(self.tr('Why:'))}<ul>{items}</ul>")
        self.start_letter_button.setVisible(bool(self.suggestion.template_id))

    def _start_letter(self) -> None:
        if self.suggestion is None or not self.suggestion.template_id:
            return
        log.info("The plan guide starts the letter %s", self.suggestion.template_id)
        self.letter_requested.emit(self.suggestion.template_id)
        self.accept()
