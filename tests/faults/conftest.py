"""The fault suite: long loops are marked ``slow`` and run only on request.

``pytest tests/faults`` runs the short versions; ``PLANWRITER_TEST_SLOW=1 pytest -m slow tests/faults``
runs the long ones (300 killed saves, templates at the real five-second limit).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("PLANWRITER_TEST_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="long fault loop: set PLANWRITER_TEST_SLOW=1 to run it")
    for item in items:
        if "slow" in item.keywords and HERE in Path(str(item.fspath)).parents:
            item.add_marker(skip)
