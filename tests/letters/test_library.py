"""The letter library as a whole: enough letters, complete metadata, sample inputs that cover them."""

from __future__ import annotations

import pytest

from planwriter.core.deadlines import timelines
from planwriter.render.engine import default_registry
from planwriter.render.registry import InputType, Kind, validate_inputs

LETTERS = [t.id for t in default_registry().letters()]

#: Letters the issue names; the app's plan guide links to ``section-504-evaluation`` by id.
EXPECTED = {
    "initial-evaluation", "section-504-evaluation", "iep-meeting", "records", "independent-evaluation",
    "prior-written-notice", "reevaluation", "parent-concerns", "disagreement", "mediation",
    "due-process-complaint", "state-complaint", "progress-data", "behavior-assessment",
    "transition-planning", "meeting-follow-up", "assistive-technology-evaluation",
    "extended-school-year", "draft-iep", "private-placement-notice",
}


def test_it_has_at_least_sixteen_letters_including_every_one_the_issue_names():
    assert len(LETTERS) >= 16
    assert set(LETTERS) >= EXPECTED


@pytest.mark.parametrize("template_id", LETTERS)
def test_each_letter_has_complete_metadata(template_id):
    meta = default_registry().get(template_id).meta
    assert meta.kind == Kind.LETTER
    assert meta.situation.startswith(("I ", "My ", "We ", "The ", "An ", "Before ")), meta.situation
    assert meta.legal_basis, "every letter cites its legal basis"
    for cite in meta.legal_basis:
        assert cite.cite and len(cite.summary) > 30
    assert meta.recipient_role is not None
    assert meta.guidance.send_to and meta.guidance.proof and meta.guidance.next_steps


@pytest.mark.parametrize("template_id", LETTERS)
def test_sample_inputs_cover_every_required_input_and_validate(template_id):
    template = default_registry().get(template_id)
    required = {i.name for i in template.meta.inputs if i.required}
    assert required <= set(template.meta.sample_inputs)
    values = validate_inputs(template, template.meta.sample_inputs)
    for spec in template.meta.inputs:
        if spec.type == InputType.CHOICE and values[spec.name]:
            assert values[spec.name] in {c.value for c in spec.choices}


@pytest.mark.parametrize("template_id", LETTERS)
def test_response_rules_point_at_known_timelines(template_id):
    rule = default_registry().get(template_id).meta.response
    if rule is None:
        return
    assert rule.timeline or rule.requested_days
    if rule.timeline:
        timeline = timelines().timelines[rule.timeline]
        assert timeline.federal is not None or timeline.federal_note
    assert rule.requested_unit in {"calendar", "school", "business"}


def test_every_timeline_rule_names_its_source():
    for timeline in timelines().timelines.values():
        rules = [timeline.federal, *timeline.states.values()]
        for rule in filter(None, rules):
            assert rule.source and rule.starts


@pytest.mark.parametrize("template_id", ["due-process-complaint", "state-complaint"])
def test_complaint_guidance_points_to_state_forms_parent_centers_and_legal_help(template_id):
    guidance = default_registry().get(template_id).meta.guidance
    text = " ".join([guidance.send_to, guidance.proof, *guidance.next_steps, *guidance.tips])
    assert "own form" in text or "require their own" in text
    assert "Parent Training and Information Center" in text
    assert "attorney" in text and "legal advice" in text


def test_docs_table_is_up_to_date_with_the_letters():
    from .letters_doc import DOC, updated

    docs = DOC.read_text(encoding="utf-8")
    assert updated(docs) == docs, "run: python tests/letters/letters_doc.py"
    for template_id in LETTERS:
        assert f"`{template_id}`" in docs
