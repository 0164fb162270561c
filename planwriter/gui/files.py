"""New, Open, Save, Save As, Close; the unsaved-changes prompt; recent files; recovery copies."""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import functools
import json
import logging
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from planwriter.core.model import Case
    from planwriter.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)

EXTENSION = ".pwcase"  # the same as planwriter.core.casefile.EXTENSION, without importing pydantic early
#: The single recovery copy of older versions (still offered once after an update).
RECOVERY_NAME = "recovery" + EXTENSION
RECOVERY_INFO_NAME = "recovery.json"
#: Each window's recovery copy is ``recovery-<slot>.pwcase`` with ``recovery-<slot>.json`` beside it.
RECOVERY_PREFIX = "recovery-"
#: How often a recovery copy of a modified case is written.
AUTOSAVE_INTERVAL_MS = 30_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileController", text)


# --------------------------------------------------------------------------- small dialogs


class Choice(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class UnsavedChangesDialog(QMessageBox):
    """Save / Don't save / Cancel, asked before the open case is closed or replaced."""

    def __init__(self, case_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Unsaved changes"))
        self.setText(self.tr("Do you want to save the changes to “{name}”?").format(name=case_name))
        self.setInformativeText(self.tr("If you don't save, the changes since you last saved will be lost."))
        self.save_button = self.addButton(QMessageBox.StandardButton.Save)
        self.discard_button = self.addButton(QMessageBox.StandardButton.Discard)
        self.discard_button.setText(self.tr("&Don't save"))
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.save_button)
        self.setEscapeButton(self.cancel_button)

    def choice(self) -> Choice:
        clicked = self.clickedButton()
        if clicked is self.save_button:
            return Choice.SAVE
        if clicked is self.discard_button:
            return Choice.DISCARD
        return Choice.CANCEL

    @classmethod
    def ask(cls, parent: QWidget | None, case_name: str) -> Choice:
        dialog = cls(case_name, parent)
        dialog.exec()
        return dialog.choice()


class RecoveryDialog(QMessageBox):
    """Offers the recovery copy found at start (planwriter did not close normally last time)."""

    def __init__(self, case_name: str, saved_at: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Recover unsaved changes?"))
        self.setText(self.tr("planwriter did not close normally last time. Unsaved changes to “{name}” "
                             "were kept.").format(name=case_name))
        when = self.tr(" (copy made {time})").format(time=saved_at) if saved_at else ""
        self.setInformativeText(
            self.tr("Do you want to recover them{when}? If you discard them, they are deleted.").format(when=when)
        )
        self.recover_button = self.addButton(self.tr("&Recover"), QMessageBox.ButtonRole.AcceptRole)
        self.discard_button = self.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        self.setDefaultButton(self.recover_button)
        self.setEscapeButton(self.recover_button)

    def accepted_recovery(self) -> bool:
        return self.clickedButton() is not self.discard_button

    @classmethod
    def ask(cls, parent: QWidget | None, case_name: str, saved_at: str) -> bool:
        dialog = cls(case_name, saved_at, parent)
        dialog.exec()
        return dialog.accepted_recovery()


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def ask_open_path(parent: QWidget | None, start_dir: str) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _tr("Open a case"), start_dir, _tr("planwriter cases (*.pwcase);;All files (*)")
    )
    return Path(path) if path else None


def ask_save_path(parent: QWidget | None, suggested: str) -> Path | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent, _tr("Save the case as"), suggested, _tr("planwriter cases (*.pwcase)")
    )
    if not path:
        return None
    path = Path(path)
    return path if path.suffix.lower() == EXTENSION else path.with_name(path.name + EXTENSION)


def _file_name_part(text: str) -> str:
    cleaned = "".join("-" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in text)
    return " ".join(cleaned.split()).strip(" .")


def _disk_stamp(path: Path):
    from planwriter.core.filestamp import stamp

    return stamp(path)


def _saved_by_newer(path: Path) -> bool:
    from planwriter.core import casefile

    try:
        casefile.load(path)
    except casefile.NewerSchemaError:
        return True
    except casefile.CaseFileError:
        return False
    return False


# --------------------------------------------------------------------------- the controller


class FileController(QObject):
    """Everything the File menu does, for one :class:`MainWindow`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.slot = uuid.uuid4().hex[:12]
        self._recovery_stale = False
        self.destroyed.connect(functools.partial(_LIVE_SLOTS.discard, self.slot))
        #: The open file as it was when opened or last saved (core/filestamp.py); None: not checked.
        self.disk_stamp = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.write_recovery)

    @property
    def context(self):
        return self.window.context

    def start(self) -> None:
        """Called once the window has its context: listen for edits, start the autosave clock."""
        self.context.signals.case_changed.connect(self._mark_recovery_stale)
        _LIVE_SLOTS.add(self.slot)
        self.autosave_timer.start()

    # ------------------------------------------------------------------ names

    def case_name(self) -> str:
        path = self.window.file_path
        if path:
            return path.name
        return self.tr("Sample case") if self.window.is_sample else self.tr("Untitled case")

    def suggested_path(self) -> str:
        case = self.window.case
        name = ""
        if case is not None:
            name = _file_name_part(case.child.full_legal_name or case.child.first_name)
        name = (name or self.tr("New case")) + EXTENSION
        folder = self.window.file_path.parent if self.window.file_path else self._start_dir()
        return str(Path(folder) / name)

    def _start_dir(self) -> str:
        for text in self.context.settings.recent_files:
            parent = Path(text).parent
            if parent.is_dir():
                return str(parent)
        return str(Path.home())

    # ------------------------------------------------------------------ commands

    def new_case(self) -> bool:
        if not self.maybe_save():
            return False
        from planwriter.core.model import Case

        case = Case()
        if self.context.settings.default_state:
            case.child.state = self.context.settings.default_state
        self._show(case, None)
        page = self.window.current_page()
        if page is not None:
            page.focus_first_field()  # a new case starts with typing the child's name
        return True

    def open_sample(self) -> bool:
        """Open the sample case as an untitled copy, so the shipped file is never overwritten."""
        if not self.maybe_save():
            return False
        from planwriter.core.sample import sample_case

        self._show(sample_case(), None)
        self.window.show_sample_banner(True)
        return True

    def open_case(self) -> bool:
        path = ask_open_path(self.window, self._start_dir())
        return self.open_path(path) if path else False

    def open_path(self, path: Path) -> bool:
        """Open ``path``; a file that cannot be read is explained and nothing changes."""
        from planwriter.core import casefile

        path = Path(path)
        notes: list[str] = []
        opened_stamp = _disk_stamp(path)  # before reading: a change while reading counts as a change
        try:
            case = casefile.load(path, notes)
        except casefile.CaseFileError as error:
            log.info("A case file could not be opened")
            show_error(self.window, self.tr("This case could not be opened"), str(error))
            return False
        if not self.maybe_save():
            return False
        self._show(case, path.resolve())
        self.disk_stamp = opened_stamp
        self._remember(path.resolve())
        if notes:  # text was cleaned as it entered the case (core/text.py)
            self.window.statusBar().showMessage(self.tr(
                "Some invisible characters in this case (control codes or broken characters) were "
                "replaced with spaces or line breaks; save the case to keep the cleaned text."), 15000)
        log.info("Opened a case file")
        return True

    def save(self) -> bool:
        if self.window.case is None:
            return False
        if self.window.file_path is None:
            return self.save_as()
        return self._write(self.window.file_path)

    def save_as(self) -> bool:
        if self.window.case is None:
            return False
        path = ask_save_path(self.window, self.suggested_path())
        return self._write(path) if path else False

    def close_case(self) -> bool:
        if self.window.case is None:
            return True
        if not self.maybe_save():
            return False
        self.window.clear_case()
        self.remove_recovery()
        return True

    def maybe_save(self) -> bool:
        """Ask Save / Don't save / Cancel when the case has unsaved changes; False means stop."""
        if self.window.case is None or not self.window.isWindowModified():
            return True
        choice = UnsavedChangesDialog.ask(self.window, self.case_name())
        if choice is Choice.SAVE:
            return self.save()
        if choice is Choice.DISCARD:
            self.remove_recovery()
            return True
        return False

    def clear_recent(self) -> None:
        self.context.settings.recent_files = []
        self._save_settings()

    # ------------------------------------------------------------------ helpers

    def _show(self, case: Case, path: Path | None, *, modified: bool = False) -> None:
        self.remove_recovery()
        self.disk_stamp = None
        self.window.set_case(case, path, modified=modified)
        self._recovery_stale = modified

    def _write(self, path: Path) -> bool:
        from planwriter.core import casefile

        if not self._may_overwrite(path):
            return False
        try:
            casefile.save(self.window.case, path)
        except casefile.CaseFileError as error:
            show_error(self.window, self.tr("The case was not saved"), str(error))
            return False
        except OSError as error:
            show_error(
                self.window,
                self.tr("The case was not saved"),
                self.tr("planwriter could not write “{name}” ({reason}). Try another folder or name.").format(
                    name=path.name, reason=error.strerror or error
                ),
            )
            return False
        self.disk_stamp = _disk_stamp(path)
        self.window.set_file_path(path.resolve())
        self.window.setWindowModified(False)
        self.remove_recovery()
        self._remember(path.resolve())
        self.window.statusBar().showMessage(self.tr("Saved “{name}”").format(name=path.name), 5000)
        log.info("Saved the case")
        return True

    def _may_overwrite(self, path: Path) -> bool:
        """Before saving over the open file: if someone else changed it, offer a copy or a reload."""
        from planwriter.core.filestamp import DiskState, check
        from planwriter.gui.conflict import ChangedOnDiskDialog, ConflictChoice

        current = self.window.file_path
        if self.disk_stamp is None or current is None or path.resolve() != current:
            return True
        state = check(path, self.disk_stamp)
        if state is DiskState.UNCHANGED or (state is DiskState.CHANGED and _saved_by_newer(path)):
            return True  # (a newer planwriter's file: saving refuses and says so)
        log.info("The case file changed on disk since it was opened")
        choice = ChangedOnDiskDialog.ask(self.window, path.name, missing=state is DiskState.MISSING)
        if choice is ConflictChoice.RELOAD:
            self._reload(path)
        elif choice is ConflictChoice.SAVE_COPY:
            copy = ask_save_path(self.window, str(path.with_name(f"{path.stem} (my copy){EXTENSION}")))
            if copy is not None and copy.resolve() != current:
                self._write(copy)
        return False

    def _reload(self, path: Path) -> bool:
        """Show the file as it is on disk now, dropping this window's unsaved changes."""
        from planwriter.core import casefile

        opened_stamp = _disk_stamp(path)
        try:
            case = casefile.load(path)
        except casefile.CaseFileError as error:
            show_error(self.window, self.tr("This case could not be opened"), str(error))
            return False
        self._show(case, path.resolve())
        self.disk_stamp = opened_stamp
        return True

    def _remember(self, path: Path) -> None:
        self.context.settings.add_recent(path)
        self._save_settings()

    def _save_settings(self) -> None:
        try:
            self.context.save_settings()
        except OSError:
            log.warning("The list of recent cases could not be saved")

    # ------------------------------------------------------------------ recovery copies
    #
    # Each window has its own slot in the recovery folder: ``recovery-<slot>.pwcase`` and
    # ``recovery-<slot>.json``; the JSON (written first) names the process and the slot. A window
    # writes, replaces and deletes only its own slot. At start, a slot whose process is no longer
    # running (or, in this process, whose window is gone) is an orphan: it is offered, and claimed by
    # renaming it into the new window's slot, so two windows can never take or delete the same copy.

    @property
    def recovery_path(self) -> Path:
        return self.context.recovery_dir / f"{RECOVERY_PREFIX}{self.slot}{EXTENSION}"

    @property
    def recovery_info_path(self) -> Path:
        return self.context.recovery_dir / f"{RECOVERY_PREFIX}{self.slot}.json"

    def _mark_recovery_stale(self) -> None:
        self._recovery_stale = True

    def write_recovery(self) -> bool:
        """Write a recovery copy of the modified case (the autosave timer calls this)."""
        if self.window.case is None or not self.window.isWindowModified() or not self._recovery_stale:
            return False
        import os

        from planwriter.core.atomic import atomic_write_bytes
        from planwriter.core.casefile import dumps

        try:
            self.context.recovery_dir.mkdir(parents=True, exist_ok=True)
            info = {
                "path": str(self.window.file_path) if self.window.file_path else None,
                "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
                "pid": os.getpid(),
                "slot": self.slot,
            }
            atomic_write_bytes(self.recovery_info_path, json.dumps(info).encode("utf-8"))
            atomic_write_bytes(self.recovery_path, dumps(self.window.case).encode("utf-8"))
        except (OSError, ValueError):
            log.warning("The recovery copy could not be written")
            return False
        _LIVE_SLOTS.add(self.slot)
        self._recovery_stale = False
        log.debug("Wrote a recovery copy")
        return True

    def remove_recovery(self) -> None:
        """Delete this window's own recovery copy (never another window's)."""
        for path in (self.recovery_path, self.recovery_info_path):
            try:
                path.unlink(missing_ok=True)
            except OSError:
                log.warning("A recovery copy could not be removed")

    def has_recovery(self) -> bool:
        return self.recovery_path.is_file()

    def orphans(self) -> list[Path]:
        """Recovery copies left by windows that are gone (newest first); never a running window's."""
        folder = self.context.recovery_dir
        try:
            candidates = [p for p in folder.iterdir() if p.suffix == EXTENSION
                          and (p.name.startswith(RECOVERY_PREFIX) or p.name == RECOVERY_NAME)]
        except OSError:
            return []
        found = []
        for path in candidates:
            if path == self.recovery_path or _owner_alive(_info_path(path)):
                continue
            try:
                found.append((path.stat().st_mtime, path))
            except OSError:
                continue
        return [path for _mtime, path in sorted(found, reverse=True)]

    def _claim(self, orphan: Path) -> dict | None:
        """Move an orphan into this window's slot; None when another window claimed it first."""
        import os

        info_path = _info_path(orphan)
        try:
            info = json.loads(info_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            info = {}
        try:
            self.context.recovery_dir.mkdir(parents=True, exist_ok=True)
            os.replace(orphan, self.recovery_path)
        except OSError:
            return None
        with contextlib.suppress(OSError):
            info_path.unlink(missing_ok=True)
        return info if isinstance(info, dict) else {}

    def offer_recovery(self) -> bool:
        """At start: offer each orphaned recovery copy in turn; True when a case was recovered."""
        from planwriter.core import casefile

        for orphan in self.orphans():
            info = self._claim(orphan)
            if info is None:
                continue
            original = Path(info["path"]) if info.get("path") else None
            saved_at = str(info.get("saved_at", "")).replace("T", " ")
            name = original.name if original else self.tr("Untitled case")
            if not RecoveryDialog.ask(self.window, name, saved_at):
                self.remove_recovery()
                continue
            try:
                case = casefile.load(self.recovery_path)
            except casefile.CaseFileError as error:
                show_error(self.window, self.tr("The changes could not be recovered"), str(error))
                self.remove_recovery()
                continue
            self.window.set_case(case, original, modified=True)
            self._recovery_stale = True
            self.write_recovery()  # the copy now names this window as its owner
            log.info("Recovered unsaved changes")
            return True
        return False


#: Recovery slots of the windows of this process that are still open.
_LIVE_SLOTS: set[str] = set()


def _info_path(recovery: Path) -> Path:
    return recovery.with_suffix(".json")


def _owner_alive(info_path: Path) -> bool:
    """True when the window that wrote this recovery copy is still running."""
    import os

    from planwriter.core.atomic import pid_alive

    try:
        info = json.loads(info_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(info, dict) or not isinstance(info.get("pid"), int):
        return False
    if info["pid"] == os.getpid():
        return info.get("slot") in _LIVE_SLOTS
    return pid_alive(info["pid"])
