"""User preferences (sender profile, letterhead, default state), saved as JSON in the app-data folder."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from planwriter.core.atomic import atomic_write_bytes
from planwriter.core.model import Sender
from planwriter.core.states import UnknownState, state_code
from planwriter.core.text import Line

log = logging.getLogger(__name__)

SETTINGS_NAME = "settings.json"


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    sender: Sender = Field(default_factory=Sender)
    letterhead: Line = Field("", title="letterhead document")
    default_state: Line = Field("", title="default state")
    recent_files: list[str] = Field(default_factory=list)
    show_welcome: bool = True
    #: The folder the case library lists ("" for the default under Documents).
    library_folder: str = ""

    @field_validator("default_state")
    @classmethod
    def _state_code(cls, value: str) -> str:
        # New cases take this state, and the case keeps a USPS code: a name is read as one, and
        # anything unrecognisable is dropped rather than stopping planwriter from starting.
        try:
            return state_code(value)
        except UnknownState:
            return ""

    def add_recent(self, path: str | os.PathLike[str], limit: int = 10) -> None:
        text = str(Path(path))
        self.recent_files = [text, *[p for p in self.recent_files if p != text]][:limit]

    def letterhead_path(self) -> Path | None:
        if self.letterhead and Path(self.letterhead).is_file():
            return Path(self.letterhead)
        return None


def load_settings(folder: Path) -> Settings:
    """Read settings from ``folder``; a missing or damaged file gives defaults (and is left alone)."""
    path = folder / SETTINGS_NAME
    try:
        return Settings.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, ValidationError):
        log.warning("The settings file could not be read; using defaults")
        return Settings()


def save_settings(settings: Settings, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    data = json.dumps(settings.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    return atomic_write_bytes(folder / SETTINGS_NAME, data.encode("utf-8"))


#: Names another app-data folder (tests, a portable install, an advocate's shared folder).
DATA_DIR_ENV = "PLANWRITER_DATA_DIR"


def default_data_dir() -> Path:
    """The per-user app-data folder: ``$PLANWRITER_DATA_DIR`` if set, else the platform's (not created)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("planwriter", appauthor=False, roaming=True))


def user_templates_dir(data_dir: Path | None = None) -> Path:
    """Where the user's own templates live: ``templates/`` in the app-data folder."""
    return (data_dir or default_data_dir()) / "templates"
