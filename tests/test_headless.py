"""The core never needs Qt: importing the engine and the CLI loads no PySide6 module."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import planwriter.render
import planwriter.render.engine, planwriter.render.docx_writer, planwriter.render.html_writer
import planwriter.core.casefile, planwriter.core.sample, planwriter.cli
planwriter.cli.build_parser()
from planwriter.core.sample import sample_case
from planwriter.render.engine import render_document
render_document(sample_case(), "records")
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(",".join(loaded))
"""


def test_importing_and_using_the_engine_loads_no_qt():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_the_engine_makes_no_network_connections():
    probe = PROBE.replace("import sys\n", "import socket, sys\n"
                          "def _refuse(*a, **k):\n    raise AssertionError('network used')\n"
                          "socket.socket.connect = _refuse\nsocket.create_connection = _refuse\n", 1)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
