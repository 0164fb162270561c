"""A slow or hostile user template never freezes the window: the preview says what went wrong."""

from __future__ import annotations

import time

import pytest

from planwriter.gui.appcontext import AppContext
from planwriter.gui.pages.letters import LettersPage

SLOW = """+++
id = "slow-letter"
title = "A slow letter"
situation = "testing a template that never ends"
+++
{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}
"""


@pytest.fixture
def page(qtbot, data_dir, sample_case, monkeypatch):
    monkeypatch.setattr("planwriter.render.limits.MAX_SECONDS", 1.5)
    context = AppContext(data_dir=data_dir)
    context.user_templates_dir.mkdir(parents=True, exist_ok=True)
    (context.user_templates_dir / "slow-letter.md.j2").write_text(SLOW, encoding="utf-8")
    page = LettersPage(context)
    qtbot.addWidget(page)
    page.set_case(sample_case)
    page.resize(1000, 700)
    page.show()
    return page


def test_a_slow_template_does_not_freeze_the_window(qtbot, page):
    assert page.select_template("slow-letter")
    started = time.monotonic()
    page.render_now()
    assert time.monotonic() - started < 0.5  # the window's thread is free at once
    assert page.render_worker.busy  # still running on its own thread, while the window goes on
    qtbot.waitUntil(lambda: "cannot be drawn up" in page.preview.toPlainText(), timeout=8000)
    assert "slow-letter.md.j2" in page.preview.toPlainText()
    # A built-in letter still draws up afterwards.
    assert page.select_template("records")
    qtbot.waitUntil(lambda: "records" in page.preview.toPlainText().lower(), timeout=8000)


def test_exporting_a_slow_template_reports_it(qtbot, page, monkeypatch):
    messages = []
    monkeypatch.setattr(LettersPage, "show_message", lambda _page, title, text: messages.append(text))
    assert page.select_template("slow-letter")
    assert page.export() is None
    assert messages and "slow-letter.md.j2" in messages[-1]
