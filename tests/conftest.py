"""Shared test setup: headless Qt, the gui marker, and sample data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Must be set before any QApplication exists (pytest-qt creates it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

TESTS = Path(__file__).resolve().parent

# Property-based tests: a quick profile by default, a thorough one on request
# (HYPOTHESIS_PROFILE=thorough pytest tests/render/test_escaping.py).
from hypothesis import HealthCheck, settings  # noqa: E402

# The default profile is derandomized: CI sees the same examples every run (new inputs are explored
# with the thorough profile, not by chance in someone else's CI run).
settings.register_profile("default", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    gui_dir = TESTS / "gui"
    for item in items:
        if gui_dir in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True, scope="session")
def _isolated_app_data(tmp_path_factory: pytest.TempPathFactory):
    """Tests (and the CLI processes they start) never read or write the developer's own app-data folder."""
    folder = tmp_path_factory.mktemp("user-app-data")
    previous = os.environ.get("PLANWRITER_DATA_DIR")
    os.environ["PLANWRITER_DATA_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("PLANWRITER_DATA_DIR", None)
    else:
        os.environ["PLANWRITER_DATA_DIR"] = previous


#: State rules shaped like resources/state_rules/*.json with fixed values, so that letter and date
#: tests do not change when the researched files are updated (those are checked by their own tests).
FIXTURE_STATE_RULES = TESTS / "core" / "state_rules"


@pytest.fixture(autouse=True, scope="session")
def _fixture_state_rules():
    previous = os.environ.get("PLANWRITER_STATE_RULES_DIR")
    os.environ["PLANWRITER_STATE_RULES_DIR"] = str(FIXTURE_STATE_RULES)
    yield FIXTURE_STATE_RULES
    if previous is None:
        os.environ.pop("PLANWRITER_STATE_RULES_DIR", None)
    else:
        os.environ["PLANWRITER_STATE_RULES_DIR"] = previous


@pytest.fixture
def sample_case():
    from planwriter.core.sample import sample_case as load

    return load()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A per-test app-data folder (settings, recovery copies, user templates)."""
    folder = tmp_path / "appdata"
    folder.mkdir()
    return folder
