"""Whatever a parent types into a letter's form comes out in the Word file exactly as typed."""

from __future__ import annotations

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwriter.core.sample import sample_case
from planwriter.core.text import clean_line
from planwriter.render.engine import default_registry, export

from .conftest import LETTER_DATE

TYPED = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Co")), min_size=1, max_size=40
).map(clean_line).filter(bool)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=TYPED, item=TYPED)
def test_typed_text_reaches_the_word_file_verbatim(tmp_path_factory, name, item):
    template = default_registry().get("independent-evaluation")
    inputs = {**template.meta.sample_inputs, "evaluation_name": name, "iee_areas": [item]}
    path = tmp_path_factory.mktemp("typed") / "letter.docx"
    export(sample_case(), "independent-evaluation", path, inputs, today=LETTER_DATE)
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    assert any(f"the district's {name} of Alex" in p for p in paragraphs)
    assert item in paragraphs
