"""``planwriter --self-test``: the packaged app's smoke test exports every built-in document."""

from __future__ import annotations

import os
import subprocess
import sys

from planwriter.gui import selftest
from planwriter.render.engine import default_registry


def test_the_self_test_exports_every_builtin_document_and_exits_0(data_dir):
    env = {**os.environ, "PLANWRITER_DATA_DIR": str(data_dir)}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test must choose offscreen by itself
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from planwriter.app import main; sys.exit(main(['--self-test']))"],
        capture_output=True, text=True, timeout=120, env=env,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    builtin = [t.id for t in default_registry().all() if t.builtin]
    for template_id in builtin:
        assert any(line.startswith("ok") and f" {template_id}:" in line for line in lines), template_id
    assert f"{len(builtin)} documents exported and read back" in result.stdout
    assert lines[-1].startswith("planwriter ") and "self-test passed" in lines[-1]
    assert not any(data_dir.iterdir())  # it used a temporary folder, not the user's


def test_the_self_test_reports_a_failure_and_exits_1(monkeypatch, capsys):
    def broken(app, folder):
        raise RuntimeError("the template folder is missing")

    monkeypatch.setattr(selftest, "_check_window_and_documents", broken)

    assert selftest.run_self_test() == 1

    out = capsys.readouterr().out
    assert "FAILED  the self-test stopped early: RuntimeError: the template folder is missing" in out
    assert out.splitlines()[-1].startswith("planwriter ") and "FAILED" in out.splitlines()[-1]
