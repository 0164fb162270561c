"""What every part of the window shares: settings, the app-data folder, the template registry."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from planwriter.core.settings import Settings, save_settings
from planwriter.render.registry import Registry


class AppSignals(QObject):
    #: The current case changed somewhere (any page); the preview and the title listen.
    case_changed = Signal()
    #: The settings were saved (sender profile, letterhead, default state).
    settings_changed = Signal()
    #: A document was exported and logged; pages showing the log refresh.
    log_changed = Signal()


@dataclass
class AppContext:
    """Passed to every page and dialog; tests build one on ``tmp_path``."""

    data_dir: Path
    settings: Settings = field(default_factory=Settings)
    signals: AppSignals = field(default_factory=AppSignals)
    _registry: Registry | None = None

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
