"""A letter builds only the parts of the case it uses, so a short letter stays fast on a large case."""

from __future__ import annotations

import time

from planwriter.core.model import Case
from planwriter.render import engine
from planwriter.render.context import build_context
from planwriter.render.lazy import LazyContext


def _big(case: Case, concerns: int = 500) -> Case:
    first = case.concerns[0]
    case.concerns = [first.model_copy(deep=True, update={"description": f"{n}. {first.description}"})
                     for n in range(concerns)]
    return case


def test_a_short_letter_does_not_build_the_concerns(sample_case: Case, monkeypatch) -> None:
    case = _big(sample_case)
    contexts: list[LazyContext] = []
    real = engine.build_context

    def spy(*args, **kwargs):
        contexts.append(real(*args, **kwargs))
        return contexts[-1]

    monkeypatch.setattr(engine, "build_context", spy)
    inputs = dict(engine.default_registry().get("records").meta.sample_inputs)
    engine.render_document(case, "records", inputs)
    assert "concerns" not in contexts[-1].made()
    started = time.perf_counter()
    for _ in range(5):
        engine.render_document(case, "records", inputs)
    assert (time.perf_counter() - started) / 5 < 0.05  # well under the 50 ms keystroke budget


def test_the_lazy_context_has_the_same_values(sample_case: Case) -> None:
    lazy = build_context(sample_case)
    eager = dict(lazy)
    assert set(eager) == set(build_context(sample_case))
    assert eager["concerns"] and eager["concerns"] == build_context(sample_case)["concerns"]
    assert eager["family"] == [g["name"] for g in eager["guardians"]]


def test_every_builtin_letter_renders_the_same_lazily_and_eagerly(sample_case: Case, monkeypatch) -> None:
    registry = engine.default_registry()
    lazy = {t.id: engine.render_document(sample_case, t.id, dict(t.meta.sample_inputs)).blocks
            for t in registry.letters()}
    monkeypatch.setattr(engine, "render_lazily", lambda template, context: template.render(dict(context)))
    for template in registry.letters():
        eager = engine.render_document(sample_case, template.id, dict(template.meta.sample_inputs)).blocks
        assert eager == lazy[template.id], template.id
