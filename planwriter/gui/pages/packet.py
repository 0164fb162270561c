"""Meeting packet: the meeting, the packet's parts and their order, exhibits, a preview, export; notes after."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planwriter.core.model import (
    Agreement,
    Attendee,
    Exhibit,
    FamilyQuestion,
    MeetingKind,
    PacketPartChoice,
)
from planwriter.gui.appcontext import AppContext
from planwriter.gui.exporting import ExportMixin
from planwriter.gui.pages.base import CasePage
from planwriter.gui.widgets import (
    CheckField,
    ChoiceField,
    DateField,
    LongTextField,
    ModelBinding,
    RepeatableEditor,
    ScrollPage,
    TextField,
    TextListEditor,
    group_box,
    help_label,
    parse_date,
)

log = logging.getLogger(__name__)

#: How long after the last edit the preview is rebuilt (a packet is many pages: not on every key).
PREVIEW_DELAY_MS = 600


class PacketPage(ExportMixin, CasePage):
    """Everything for the meeting packet; the packet itself is assembled by ``render.packet``."""

    nav_title = "Meeting packet"
    save_dialog_title = "Export the meeting packet to Word"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.nav_title = self.tr("Meeting packet")
        self._loading = False
        self._stale = False
        self.document = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.render_now)

        self.scroll = ScrollPage(self, max_width=760)
        self.scroll.add_heading(
            self.tr("Meeting packet"),
            self.tr("One Word document to bring to the IEP or 504 meeting: a cover with contents, your "
                    "child's profile, your concerns, the data, what you ask for, the questions, the dates, "
                    "the letters sent and the documents you bring. Choose the parts and their order; "
                    "after the meeting, type in what was agreed."),
        )
        self._build_meeting()
        self._build_parts()
        self._build_profile()
        self._build_questions()
        self._build_exhibits()
        self._build_after()
        self.scroll.finish()

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(self._build_preview())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.changed.connect(self.schedule_render)

    # ----------------------------------------------------------------- sections

    def _meeting(self):
        return self.case.meeting if self.case is not None else None

    def _build_meeting(self) -> None:
        self.meeting_form = form = self._form()
        meeting = self._meeting
        self.meeting_date_edit = form.add(DateField(self.tr("Date"), ModelBinding(meeting, "date")))
        form.add(TextField(self.tr("Time"), ModelBinding(meeting, "time"),
                           placeholder=self.tr("For example 3:30 pm")))
        form.add(TextField(self.tr("Place"), ModelBinding(meeting, "place"),
                           placeholder=self.tr("For example Maple Grove Elementary, room 12, or a video call")))
        kinds = [
            (None, self.tr("Not chosen yet")),
            (MeetingKind.INITIAL, self.tr("Initial IEP meeting")),
            (MeetingKind.ANNUAL, self.tr("Annual review")),
            (MeetingKind.REEVALUATION, self.tr("Reevaluation meeting")),
            (MeetingKind.REVIEW_504, self.tr("Section 504 plan review")),
            (MeetingKind.OTHER, self.tr("Other")),
        ]
        form.add(ChoiceField(self.tr("Kind of meeting"), ModelBinding(meeting, "kind"), kinds))
        form.add(TextField(self.tr("Other kind, in words"), ModelBinding(meeting, "kind_other"),
                           help=self.tr("Only when the kind is Other, for example a manifestation "
                                        "determination meeting.")))
        self.scroll.add(group_box(self.tr("The meeting"), form))

    def _build_parts(self) -> None:
        from planwriter.render.packet import part_title

        self._part_title = part_title
        self.parts_list = QListWidget(self)
        self.parts_list.setAccessibleName(self.tr("Parts of the packet, in order; check the ones to include"))
        self.parts_list.setMinimumHeight(self.parts_list.fontMetrics().lineSpacing() * 13)
        self.parts_list.itemChanged.connect(self._part_checked)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        self.up_button.setAccessibleName(self.tr("Move the selected part up"))
        self.down_button.setAccessibleName(self.tr("Move the selected part down"))
        self.up_button.clicked.connect(lambda: self.move_part(-1))
        self.down_button.clicked.connect(lambda: self.move_part(1))
        side = QVBoxLayout()
        side.addWidget(self.up_button)
        side.addWidget(self.down_button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.parts_list, 1)
        row.addLayout(side)
        holder = QWidget(self)
        holder.setLayout(row)
        self.options_form = self._form()
        self.options_form.add(CheckField(
            self.tr("Append the text of the letters listed as exhibits"),
            ModelBinding(lambda: self.case.packet if self.case is not None else None, "append_letters"),
            help=self.tr("Each letter from the correspondence log that you list as an exhibit is added after "
                         "the list of exhibits, as it was written."),
        ))
        self.scroll.add(group_box(
            self.tr("Parts and their order"), holder, self.options_form,
            intro=self.tr("Each part starts on a new page. Uncheck a part to leave it out."),
        ))

    def _build_profile(self) -> None:
        profile = lambda: self.case.profile if self.case is not None else None  # noqa: E731
        self.profile_form = form = self._form()
        form.add(LongTextField(self.tr("Who your child is"), ModelBinding(profile, "about"),
                               help=self.tr("A few sentences in your own words; the school sees your child "
                                            "through this first.")))
        self.interests = self._text_list("interest", "interests", "interests")
        self.helps = self._text_list("thing that helps", "things that help", "what_helps")
        self.does_not_help = self._text_list("thing that does not help", "things that do not help",
                                             "what_does_not_help")
        form.add_row(self.tr("Interests"), self.interests)
        form.add_row(self.tr("What helps"), self.helps)
        form.add_row(self.tr("What does not help"), self.does_not_help)
        form.add(LongTextField(self.tr("Your vision"), ModelBinding(profile, "vision"),
                               help=self.tr("What you hope for your child, this year and after school.")))
        self.scroll.add(group_box(
            self.tr("About my child (one page)"), form,
            intro=self.tr("Strengths and diagnoses come from the About your child section."),
        ))

    def _text_list(self, noun: str, plural: str, name: str) -> TextListEditor:
        def get():
            return getattr(self.case.profile, name) if self.case is not None else None

        def store(values: list[str]) -> None:
            if self.case is not None:
                setattr(self.case.profile, name, values)

        return TextListEditor(self.tr(noun), self.tr(plural), get=get, store=store)

    def _build_questions(self) -> None:
        self.questions = RepeatableEditor(
            self.tr("question"), self.tr("questions"),
            items=lambda: self.case.family_questions if self.case is not None else None,
            factory=FamilyQuestion,
            summary=lambda q: q.text[:60],
        )
        current = self.questions.current
        self.questions.form.add(TextField(self.tr("Question"), ModelBinding(current, "text")))
        self.questions.form.add(TextField(
            self.tr("Topic"), ModelBinding(current, "topic"),
            help=self.tr("Questions with the same topic are grouped together, for example Reading."),
        ))
        self.questions.edited.connect(self.changed)
        self.scroll.add(group_box(
            self.tr("Your questions for the meeting"), self.questions,
            intro=self.tr("The packet also asks about each of the school's goals, the letters still waiting "
                          "for an answer and the deadlines; add anything else here."),
        ))

    def _build_exhibits(self) -> None:
        self.exhibits = RepeatableEditor(
            self.tr("exhibit"), self.tr("exhibits"),
            items=lambda: self.case.exhibits if self.case is not None else None,
            factory=Exhibit,
            summary=self._exhibit_summary,
        )
        current = self.exhibits.current
        form = self.exhibits.form
        form.add(TextField(self.tr("Document"), ModelBinding(current, "title")))
        form.add(DateField(self.tr("Date"), ModelBinding(current, "date")))
        form.add(TextField(self.tr("What it shows"), ModelBinding(current, "description")))
        form.add(TextField(self.tr("File name"), ModelBinding(current, "file_name")))
        self.exhibits.edited.connect(self.changed)
        self.add_files_button = QPushButton(self.tr("Add files…"), self)
        self.add_files_button.setToolTip(self.tr("Add evaluations, reports or work samples from your computer"))
        self.add_files_button.clicked.connect(self.add_files)
        self.add_letters_button = QPushButton(self.tr("Add the letters sent"), self)
        self.add_letters_button.setToolTip(self.tr("Add every letter in the correspondence log not yet listed"))
        self.add_letters_button.clicked.connect(self.add_letters)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_files_button)
        buttons.addWidget(self.add_letters_button)
        buttons.addStretch(1)
        holder = QWidget(self)
        holder.setLayout(buttons)
        self.scroll.add(group_box(
            self.tr("Exhibits: the documents you bring"), holder, self.exhibits,
            intro=self.tr("They are numbered in this order, each with its date. The files stay where they "
                          "are; only their names and dates are listed."),
        ))

    def _exhibit_summary(self, exhibit: Exhibit) -> str:
        name = exhibit.title or exhibit.file_name
        if not name:
            return ""
        return f"{name}\n{exhibit.date.isoformat()}" if exhibit.date else name

    def _build_after(self) -> None:
        meeting = self._meeting
        self.agenda = TextListEditor(
            self.tr("agenda item"), self.tr("agenda"),
            get=lambda: self.case.meeting.agenda if self.case is not None else None,
            store=self._store_agenda,
        )
        self.attendees = RepeatableEditor(
            self.tr("attendee"), self.tr("attendees"),
            items=lambda: self.case.meeting.attendees if self.case is not None else None,
            factory=Attendee,
            summary=lambda a: f"{a.name}\n{a.role}" if a.role else a.name,
            stacked=True,
        )
        self.attendees.form.add(TextField(self.tr("Name"), ModelBinding(self.attendees.current, "name")))
        self.attendees.form.add(TextField(self.tr("Role"), ModelBinding(self.attendees.current, "role")))
        self.attendees.edited.connect(self.changed)

        self.agreements_table = QTableWidget(0, 3, self)
        self.agreements_table.setHorizontalHeaderLabels(
            [self.tr("What we agreed"), self.tr("Who"), self.tr("By when")])
        self.agreements_table.setAccessibleName(self.tr("What we agreed, who does it, by when"))
        header = self.agreements_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.agreements_table.setMinimumHeight(self.agreements_table.fontMetrics().lineSpacing() * 9)
        self.agreements_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agreements_table.itemChanged.connect(self._agreement_changed)
        self.add_agreement_button = QPushButton(self.tr("Add a row"), self)
        self.remove_agreement_button = QPushButton(self.tr("Remove the selected row"), self)
        self.add_agreement_button.clicked.connect(self.add_agreement)
        self.remove_agreement_button.clicked.connect(self.remove_agreement)
        self.agreement_error = QLabel(self)
        self.agreement_error.setWordWrap(True)
        self.agreement_error.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_agreement_button)
        buttons.addWidget(self.remove_agreement_button)
        buttons.addStretch(1)
        holder = QWidget(self)
        holder.setLayout(buttons)
        self.notes_form = self._form()
        self.notes_form.add(LongTextField(self.tr("Notes"), ModelBinding(meeting, "notes")))
        agenda_label = QLabel(self.tr("&Agenda, one item per line"), self)
        agenda_label.setBuddy(self.agenda.list)
        attendees_label = QLabel(self.tr("&Who came"), self)
        attendees_label.setBuddy(self.attendees.list)
        self.agenda.list.setAccessibleName(self.tr("Agenda"))
        self.attendees.list.setAccessibleName(self.tr("Who came"))
        self.scroll.add(group_box(
            self.tr("Agenda and who came"), agenda_label, self.agenda, attendees_label, self.attendees,
            intro=self.tr("Empty rows for the names are printed in the notes pages; fill them in here "
                          "afterwards if you like."),
        ))
        self.scroll.add(group_box(
            self.tr("After the meeting: what we agreed"), self.agreements_table, holder, self.agreement_error,
            self.notes_form,
            intro=self.tr("Type in what the team agreed, who will do it and by when (a date as YYYY-MM-DD, "
                          "or words such as “by the next progress report”). The follow-up letter uses it."),
        ))

    def _build_preview(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 8, 8, 8)
        self.status_label = help_label("", box)
        self.preview = QTextBrowser(box)
        self.preview.setReadOnly(True)
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("Preview of the whole packet"))
        self.preview.document().setDocumentMargin(16)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.export_button = QPushButton(self.tr("&Export the packet to Word…"), box)
        self.export_button.setDefault(False)
        self.export_button.clicked.connect(self.export_packet)
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        row.addWidget(self.export_button)
        layout.addWidget(self.preview, 1)
        layout.addLayout(row)
        return box

    def _form(self):
        from planwriter.gui.widgets import FormSection

        form = FormSection(self)
        form.edited.connect(self.changed)
        return form

    # ----------------------------------------------------------------- case

    def refresh(self) -> None:
        self._loading = True
        try:
            for form in (self.meeting_form, self.options_form, self.profile_form, self.notes_form):
                form.refresh()
            for editor in (self.questions, self.exhibits, self.attendees, self.agenda):
                editor.refresh()
            self._fill_parts()
            self._fill_agreements()
        finally:
            self._loading = False
        self.schedule_render()

    def focus_first_field(self) -> None:
        self.meeting_date_edit.setFocus()

    def _fill_parts(self) -> None:
        self.parts_list.blockSignals(True)
        self.parts_list.clear()
        if self.case is not None:
            for choice in self.case.packet.parts:
                item = QListWidgetItem(self._part_title(choice.part))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if choice.included else Qt.CheckState.Unchecked)
                item.setData(Qt.ItemDataRole.UserRole, choice.part.value)
                self.parts_list.addItem(item)
        self.parts_list.blockSignals(False)

    def _part_checked(self, item: QListWidgetItem) -> None:
        if self.case is None or self._loading:
            return
        row = self.parts_list.row(item)
        self.case.packet.parts[row].included = item.checkState() == Qt.CheckState.Checked
        self.changed.emit()

    def move_part(self, step: int) -> None:
        """Move the selected part up (-1) or down (+1)."""
        if self.case is None:
            return
        row = self.parts_list.currentRow()
        target = row + step
        parts = list(self.case.packet.parts)
        if not (0 <= row < len(parts) and 0 <= target < len(parts)):
            return
        parts[row], parts[target] = parts[target], parts[row]
        self.case.packet.parts = [PacketPartChoice(part=c.part, included=c.included) for c in parts]
        self._fill_parts()
        self.parts_list.setCurrentRow(target)
        self.changed.emit()

    def _store_agenda(self, values: list[str]) -> None:
        if self.case is not None:
            self.case.meeting.agenda = values
            self.changed.emit()

    # ----------------------------------------------------------------- exhibits

    def ask_files(self) -> list[Path]:
        """The file dialog (tests replace it)."""
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add exhibits"), str(self.export_folder()), self.tr("All files (*)"))
        return [Path(n) for n in names]

    def add_files(self) -> None:
        """List chosen files as exhibits: the name without its ending, the file's date (changeable)."""
        if self.case is None:
            return
        for path in self.ask_files():
            try:
                date = dt.date.fromtimestamp(path.stat().st_mtime)
            except OSError:
                date = None
            self.case.exhibits.append(Exhibit(title=path.stem, file_name=path.name, date=date))
        self.exhibits.refresh()
        self.changed.emit()

    def add_letters(self) -> None:
        """List every logged letter that is not an exhibit yet, with the date it was sent."""
        if self.case is None:
            return
        listed = {e.log_entry_id for e in self.case.exhibits if e.log_entry_id}
        for entry in self.case.correspondence:
            if entry.id not in listed:
                self.case.exhibits.append(Exhibit(title=entry.title, date=entry.date, log_entry_id=entry.id,
                                                  file_name=entry.file_name))
        self.exhibits.refresh()
        self.changed.emit()

    # ----------------------------------------------------------------- agreements

    def _fill_agreements(self) -> None:
        table = self.agreements_table
        table.blockSignals(True)
        table.setRowCount(0)
        for agreement in self.case.agreements if self.case is not None else []:
            row = table.rowCount()
            table.insertRow(row)
            when = agreement.by_when.isoformat() if agreement.by_when else agreement.by_when_text
            for column, text in enumerate((agreement.what, agreement.who, when)):
                table.setItem(row, column, QTableWidgetItem(text))
        table.blockSignals(False)

    def add_agreement(self) -> None:
        if self.case is None:
            return
        self.case.agreements.append(Agreement())
        self._fill_agreements()
        row = self.agreements_table.rowCount() - 1
        self.agreements_table.setCurrentCell(row, 0)
        self.agreements_table.editItem(self.agreements_table.item(row, 0))
        self.changed.emit()

    def remove_agreement(self) -> None:
        row = self.agreements_table.currentRow()
        if self.case is None or not 0 <= row < len(self.case.agreements):
            return
        del self.case.agreements[row]
        self._fill_agreements()
        self.changed.emit()

    def _agreement_changed(self, item: QTableWidgetItem) -> None:
        if self.case is None or self._loading:
            return
        row, column = item.row(), item.column()
        while len(self.case.agreements) <= row:
            self.case.agreements.append(Agreement())
        agreement = self.case.agreements[row]
        text = item.text()
        self.agreement_error.setVisible(False)
        if column == 0:
            agreement.what = text
        elif column == 1:
            agreement.who = text
        else:
            date = None
            if text.strip()[:1].isdigit():
                try:
                    date = parse_date(text)
                except ValueError:
                    date = None
            agreement.by_when = date
            agreement.by_when_text = "" if date else text
        self.changed.emit()

    # ----------------------------------------------------------------- preview and export

    def schedule_render(self) -> None:
        """Rebuild the preview soon; a hidden page waits until it is shown (a packet is many pages)."""
        if self.case is None:
            return
        if self.isVisible():
            self.timer.start()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.timer.start()

    def render_now(self) -> None:
        """Build the whole packet and show it (the same blocks the export writes)."""
        from planwriter.render.html_writer import to_html
        from planwriter.render.packet import build_packet
        from planwriter.render.registry import TemplateError

        if self.case is None:
            return
        self.timer.stop()
        try:
            self.document = build_packet(self.case, registry=self.context.registry)
        except (TemplateError, ValueError, KeyError, OSError) as error:  # user templates, damaged data
            log.warning("The packet preview failed: %s", type(error).__name__)
            self.status_label.setText(self.tr("The preview could not be made: %1").replace("%1", str(error)))
            return
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml(to_html(self.document))
        self.preview.verticalScrollBar().setValue(scroll)
        count = len(self.document.parts)
        status = self.tr("Parts: %1").replace("%1", str(count))
        if self.document.missing:
            status += " · " + self.tr("still to fill in: %1").replace("%1", "; ".join(self.document.missing))
        self.status_label.setText(status)

    def export_packet(self) -> Path | None:
        """Ask where to save the packet and write it (with the letterhead on the cover, if one is set)."""
        from planwriter.render.batch import suggested_file_name
        from planwriter.render.packet import build_packet, packet_words, write_packet

        if self.case is None:
            return None
        document = build_packet(self.case, registry=self.context.registry)
        suggested = suggested_file_name(packet_words()["packet_title"], self.case.child.short_name)
        path = self.ask_save_path(self.export_folder() / suggested)
        if path is None:
            return None
        try:
            from planwriter.gui.profiles_dialog import case_letterhead  # the case's sender profile, else Settings

            write_packet(document, path, letterhead=case_letterhead(self.context, self.case))
        except OSError as error:
            log.warning("Packet export failed: %s", type(error).__name__)
            self.show_message(self.tr("The packet could not be saved"), self.tr(
                "planwriter could not write the file (%1). If it is open in Word, close it and try "
                "again, or choose another folder.").replace("%1", error.strerror or str(error)))
            return None
        self.status_label.setText(self.tr("Saved %1").replace("%1", path.name))
        return path
