"""Whatever a family types into an accommodation reaches the Word table verbatim, never as markup."""

from __future__ import annotations

import datetime as dt
import io

import docx
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from planwriter.core.model import ChosenAccommodation
from planwriter.core.sample import sample_case
from planwriter.render.docx_writer import DocxWriter
from planwriter.render.engine import render_document

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, details=TEXT, reason=TEXT)
def test_any_text_details_and_reason_appear_verbatim_in_the_table(text, details, reason):
    chosen = ChosenAccommodation(text=text, details=details, reason=reason, category="setting",
                                 settings=["classroom"])
    assume(chosen.text and chosen.details and chosen.reason)
    case = sample_case()
    case.accommodations = [chosen]
    document = render_document(case, "accommodations", today=dt.date(2026, 11, 30))
    assert not document.missing
    table = docx.Document(io.BytesIO(DocxWriter().to_bytes(document))).tables[0]
    assert [c.text for c in table.rows[1].cells] == [chosen.text, chosen.details, "Classroom", chosen.reason]
