"""Saving a rendered document as Word from a page: the save dialog and plain-language errors."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planwriter.render.batch import suggested_file_name
from planwriter.render.blocks import Document

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportMixin", text)


class ExportMixin:
    """For a :class:`CasePage` that exports documents. Tests replace :meth:`ask_save_path` and
    :meth:`show_message`, so no test ever waits on a modal dialog."""

    #: Title of the save dialog.
    save_dialog_title = "Export to Word"

    def export_folder(self) -> Path:
        """The case file's folder, else the user's Documents folder."""
        case_path = getattr(self.context, "case_path", None)
        if case_path:
            return Path(case_path).parent
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents else Path.home()

    def ask_save_path(self, suggested: Path) -> Path | None:
        """The save dialog; always returns a path ending in .docx, or ``None`` when cancelled."""
        path, _filter = QFileDialog.getSaveFileName(
            self, _tr(self.save_dialog_title), str(suggested), _tr("Word document (*.docx)"))
        if not path:
            return None
        path = Path(path)
        return path if path.suffix.lower() == ".docx" else path.with_name(path.name + ".docx")

    def show_message(self, title: str, text: str) -> None:
        """A plain message box."""
        QMessageBox.information(self, title, text)

    def missing_message(self, missing: list[str]) -> str:
        return _tr("The document still needs some information before it can be saved as a Word file:"
                   "\n\n%1").replace("%1", "\n".join(f"• {m}" for m in missing))

    def save_document(self, document: Document, title: str, date: dt.date | None = None) -> Path | None:
        """Ask where to save ``document`` and write it, with the user's letterhead; ``None`` if not saved."""
        from planwriter.render.docx_safety import UnsafeDocx
        from planwriter.render.engine import MissingInformation, export_docx

        if document.missing:
            self.show_message(_tr("Some information is missing"), self.missing_message(document.missing))
            return None
        suggested = suggested_file_name(title, self.case.child.short_name, date)
        path = self.ask_save_path(self.export_folder() / suggested)
        if path is None:
            return None
        notices: list[str] = []
        try:
            from planwriter.gui.profiles_dialog import case_letterhead

            export_docx(document, path, letterhead=case_letterhead(self.context, self.case), notices=notices)
        except MissingInformation as error:
            self.show_message(_tr("Some information is missing"), str(error))
            return None
        except UnsafeDocx as error:  # a letterhead that is not a safe Word file
            self.show_message(_tr("The document could not be saved"), _tr(
                "%1. If you use a letterhead, choose another one in Settings.").replace("%1", str(error)))
            return None
        except OSError as error:
            log.warning("Export failed: %s", type(error).__name__)
            self.show_message(_tr("The document could not be saved"), _tr(
                "planwriter could not write the file (%1). If it is open in Word, close it and try "
                "again, or choose another folder.").replace("%1", error.strerror or str(error)))
            return None
        if notices:
            self.show_message(_tr("Saved, with a few things removed"), _tr(
                "The Word file was saved. To keep it private and self-contained, planwriter changed it:"
                "\n\n%1").replace("%1", "\n".join(f"• {n[:1].upper()}{n[1:]}." for n in notices)))
        return path
