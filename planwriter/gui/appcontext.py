"""What every part of the window shares: settings, the app-data folder, the template registry."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from planwriter.core.settings import Settings, load_settings, save_settings
from planwriter.render.registry import Registry

#: Environment variable that points planwriter at another app-data folder (tests, portable use).
DATA_DIR_ENV = "PLANWRITER_DATA_DIR"


class AppSignals(QObject):
    #: The current case changed somewhere (any page); the preview and the title listen.
    case_changed = Signal()
    #: Another case was opened, created, recovered or closed (the window calls ``set_case`` on pages).
    case_replaced = Signal()
    #: The settings were saved (sender profile, letterhead, default state).
    settings_changed = Signal()
    #: A document was exported and logged; pages showing the log refresh.
    log_changed = Signal()
    #: Someone (the "Which plan fits?" guide) asks to start the letter with this template id.
    letter_requested = Signal(str)
    #: A page asks the window to show another section (by class name or title), e.g. where a gap is filled.
    section_requested = Signal(str)


def resolve_data_dir(data_dir: Path | None = None) -> Path:
    """The app-data folder: the one given, else ``$PLANWRITER_DATA_DIR``, else the platform's."""
    if data_dir is not None:
        return Path(data_dir)
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from planwriter.core.settings import default_data_dir

    return default_data_dir()


@dataclass
class AppContext:
    """Passed to every page and dialog; tests build one on ``tmp_path``."""

    data_dir: Path
    settings: Settings = field(default_factory=Settings)
    signals: AppSignals = field(default_factory=AppSignals)
    #: The file the open case was loaded from or last saved to; ``None`` for a new or sample case.
    case_path: Path | None = None
    _registry: Registry | None = None

    @classmethod
    def load(cls, data_dir: Path | None = None) -> AppContext:
        """A context with the settings read from ``data_dir`` (see :func:`resolve_data_dir`)."""
        folder = resolve_data_dir(data_dir)
        return cls(data_dir=folder, settings=load_settings(folder))

    @property
    def user_templates_dir(self) -> Path:
        return self.data_dir / "templates"

    @property
    def recovery_dir(self) -> Path:
        return self.data_dir / "recovery"

    @property
    def registry(self) -> Registry:
        """Built-in templates plus the user's own, loaded on first use."""
        if self._registry is None:
            self._registry = Registry.load(user_dir=self.user_templates_dir)
        return self._registry

    def reload_templates(self) -> Registry:
        self._registry = None
        return self.registry

    def save_settings(self) -> None:
        save_settings(self.settings, self.data_dir)
        self.signals.settings_changed.emit()
