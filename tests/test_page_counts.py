"""Page counts of every letter in a real word processor (LibreOffice), for the sample case, a minimal
case, a case with 12 concerns and the sample with very long answers: no letter passes two pages, no last
page holds only the closing, a minimal case fits one page, 12 concerns go to an attachment. All documents
are converted in one LibreOffice run to keep the test quick."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest

from planwriter.core.model import Case, Child, Guardian
from planwriter.core.sample import sample_case as make_sample
from planwriter.render.engine import default_registry, export_docx, render_document
from planwriter.render.layout import LETTER_PAGE_LIMIT, frame_words
from planwriter.render.letter import LetterOptions
from planwriter.render.registry import InputType

from .render.test_layout import LONG_ANSWER, many_concerns

DAY = dt.date(2026, 11, 2)


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", text)


def _minimal() -> Case:
    """A family that has filled in only the child and one parent."""
    return Case(
        child=Child(legal_first_name="Sam", legal_last_name="Lee", date_of_birth=dt.date(2016, 5, 4),
                    school="Oak School", grade="2", district="Oak District"),
        guardians=[Guardian(name="Pat Lee")],
    )


@pytest.mark.slow
def test_every_letter_fits_and_its_end_stays_with_its_last_paragraph(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("LibreOffice and poppler are not installed (CI installs them)")
    attachment = frame_words()["attachment"].format(letter="A")
    cases = {"sample": make_sample(), "long": many_concerns(make_sample()), "minimal": _minimal(),
             "wordy": make_sample()}
    written: dict[str, tuple[str, str]] = {}  # file stem → (case, last words of the letter's body)
    # Letters that list the case's concerns: with 12 of them, the detail goes to an attachment.
    concern_letters = {t.id for t in default_registry().letters() if "parts/concerns.j2" in t.body}
    assert concern_letters
    for name, case in cases.items():
        for template in default_registry().letters():
            inputs = dict(template.meta.sample_inputs)
            if name == "wordy":  # every long answer long
                inputs.update({spec.name: LONG_ANSWER for spec in template.meta.inputs
                               if spec.type == InputType.LONG_TEXT})
            document = render_document(case, template.id, inputs, LetterOptions(date=DAY))
            closing = next(n for n, b in enumerate(document.blocks) if getattr(b, "style", "") == "Closing")
            last_body = document.blocks[closing - 1]
            stem = f"{name}-{template.id}"
            export_docx(document, tmp_path / f"{stem}.docx", allow_missing=True)
            written[stem] = (name, " ".join(_words(last_body.text)[-4:]))
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
         *[str(tmp_path / f"{stem}.docx") for stem in written]],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    problems = []
    for stem, (name, last_words) in written.items():
        text = subprocess.run([pdftotext, "-layout", str(tmp_path / "pdf" / f"{stem}.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        pages = [page for page in text.split("\f") if page.strip()]
        heading = re.compile(rf"^\s*{re.escape(attachment)} —", re.M)  # at the top of its page
        letter = next((n for n, page in enumerate(pages) if heading.search(page)), len(pages))
        if letter > LETTER_PAGE_LIMIT:
            problems.append(f"{stem}: the letter runs to {letter} pages")
        last_page = " ".join(_words(pages[letter - 1]))
        if last_words not in last_page:
            problems.append(f"{stem}: page {letter} holds the closing without the letter's last paragraph")
        if name == "long" and stem.removeprefix("long-") in concern_letters and letter == len(pages):
            problems.append(f"{stem}: 12 concerns and no attachment")
        if name == "minimal" and len(pages) != 1:
            problems.append(f"{stem}: a minimal case gives {len(pages)} pages")
    assert not problems, "\n".join(problems)
