"""Every exported document opens in a real word processor (LibreOffice converts it to PDF)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from planwriter.render.batch import export_all


@pytest.mark.slow
def test_every_built_in_document_opens_in_libreoffice(tmp_path, sample_case):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (CI installs it)")
    exported = export_all(sample_case, tmp_path / "docs")
    profile = tmp_path / "profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *[str(e.path) for e in exported]],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    for item in exported:
        pdf = tmp_path / "pdf" / (item.path.stem + ".pdf")
        assert pdf.exists() and pdf.stat().st_size > 1000, f"{item.template_id} did not convert"
        assert pdf.read_bytes().startswith(b"%PDF")
