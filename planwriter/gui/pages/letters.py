"""Letters: pick a letter by situation, fill in its few questions, watch the preview, export to Word."""

from __future__ import annotations

import datetime as dt
import functools
import logging
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planwriter.core.model import (
    DELIVERY_LABELS,
    ROLE_LABELS,
    Case,
    DeliveryMethod,
    LetterDraft,
)
from planwriter.gui.appcontext import AppContext
from planwriter.gui.exporting import ExportMixin
from planwriter.gui.pages.base import CasePage
from planwriter.gui.widgets import (
    AttrBinding,
    CheckField,
    ChoiceField,
    DateField,
    DictBinding,
    Field,
    FormSection,
    LongTextField,
    ScrollPage,
    TextField,
    group_box,
    help_label,
)
from planwriter.render import letters as letter_rules
from planwriter.render.blocks import Document
from planwriter.render.environment import long_date
from planwriter.render.registry import (
    GROUP_LABELS,
    Group,
    InputError,
    InputSpec,
    InputType,
    Kind,
    Template,
    TemplateError,
    coerce_input,
)

log = logging.getLogger(__name__)

#: Milliseconds of quiet after the last change before the preview is drawn again.
PREVIEW_DELAY_MS = 20
TEMPLATE_ROLE = Qt.ItemDataRole.UserRole
TITLE_ROLE = Qt.ItemDataRole.UserRole + 1


class SituationDelegate(QStyledItemDelegate):
    """Draws a letter as its situation in full, with the letter's title under it in a quieter colour."""

    PAD = 4

    def _parts(self, option: QStyleOptionViewItem, index: Any) -> tuple[str, str, QFont, int]:
        title = index.data(TITLE_ROLE)
        small = QFont(option.font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.9)
        width = max(option.rect.width(), 80) - 2 * self.PAD
        return str(index.data(Qt.ItemDataRole.DisplayRole) or ""), str(title or ""), small, width

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        if not index.data(TITLE_ROLE):
            return super().sizeHint(option, index)
        view = self.parent()
        if isinstance(view, QTreeWidget):
            option.rect.setWidth(view.viewport().width() - view.indentation())
        situation, title, small, width = self._parts(option, index)
        flags = int(Qt.TextFlag.TextWordWrap)
        first = QFontMetrics(option.font).boundingRect(QRect(0, 0, width, 10000), flags, situation)
        second = QFontMetrics(small).boundingRect(QRect(0, 0, width, 10000), flags, title)
        return QSize(width, first.height() + second.height() + 3 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        if not index.data(TITLE_ROLE):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        situation, title, small, _width = self._parts(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        flags = int(Qt.TextFlag.TextWordWrap)
        painter.save()
        painter.setFont(option.font)
        painter.setPen(option.palette.color(text_role))
        area = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        used = painter.boundingRect(area, flags, situation)
        painter.drawText(area, flags, situation)
        painter.setFont(small)
        if not selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(area.adjusted(0, used.height() + self.PAD, 0, 0), flags, title)
        painter.restore()


def _role(role: Any) -> str:
    return QCoreApplication.translate("roles", ROLE_LABELS[role])


class LettersPage(ExportMixin, CasePage):
    """The letter picker, the letter's own questions and options, the live preview and the export."""

    save_dialog_title = "Export the letter to Word"

    nav_title = "Letters"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.nav_title = self.tr("Letters")
        self.template: Template | None = None
        self.document: Document | None = None
        self.result: letter_rules.LetterResult | None = None
        self.render_count = 0
        self._stale = True
        self._contacts_key: tuple = ()
        self._typed_drafts: set[int] = set()  # drafts whose answers were given their types
        self._cc_recipient: str | None = None
        self.input_form: FormSection | None = None

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.render_now)
        from planwriter.gui.render_worker import RenderWorker

        self.render_worker = RenderWorker(self)
        self.render_worker.done.connect(self._rendered)
        self.render_worker.timed_out.connect(self._render_slow)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_picker())
        self.splitter.addWidget(self._build_details())
        self.splitter.addWidget(self._build_preview())
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([250, 400, 460])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.context.signals.case_changed.connect(self.schedule_render)
        self.context.signals.settings_changed.connect(self.schedule_render)
        self.fill_picker()
        self._show_template(None)

    # ================================================================== building
    def _build_picker(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 8, 4, 8)
        title = QLabel(self.tr("What do you need?"), box)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(help_label(self.tr("Pick the situation closest to yours."), box))
        self.tree = QTreeWidget(box)
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(10)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setAccessibleName(self.tr("Letters, grouped by situation"))
        self.tree.setItemDelegate(SituationDelegate(self.tree))
        self.tree.installEventFilter(self)
        self.tree.currentItemChanged.connect(self._picked)
        layout.addWidget(self.tree, 1)
        box.setMinimumWidth(220)
        return box

    def _build_details(self) -> QWidget:
        self.details = ScrollPage(self, max_width=700)
        self.details.column.setContentsMargins(10, 8, 10, 10)
        self.title_label = QLabel(self.details.content)
        font = self.title_label.font()
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.details.add(self.title_label)
        self.situation_label = help_label("", self.details.content)
        self.details.add(self.situation_label)

        # the letter's own questions (rebuilt for each template)
        self.inputs_holder = QWidget(self.details.content)
        self.inputs_layout = QVBoxLayout(self.inputs_holder)
        self.inputs_layout.setContentsMargins(0, 0, 0, 0)
        self.inputs_box = group_box(self.tr("About this letter"), self.inputs_holder)
        self.details.add(self.inputs_box)

        # options every letter has
        self.options_form = FormSection(self.details.content, labels_above=True)
        draft = self._draft
        self.recipient_edit = ChoiceField(
            self.tr("Send to"), AttrBinding(draft, "recipient_id"), [],
            help=self.tr("The person the letter is addressed to. Add people on the School & team page."),
        )
        self.options_form.add(self.recipient_edit)
        self.cc_list = QListWidget(self.details.content)
        self.cc_list.setAccessibleName(self.tr("Send copies to"))
        self.cc_list.setMaximumHeight(self.cc_list.fontMetrics().lineSpacing() * 6)
        self.cc_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cc_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.cc_list.itemChanged.connect(self._cc_changed)
        self.cc_label = QLabel(self.tr("Copies to"), self.details.content)
        self.cc_label.setBuddy(self.cc_list)
        self.options_form.add_row(self.cc_label, self.cc_list)
        delivery = [(m, DELIVERY_LABELS[m][:1].upper() + DELIVERY_LABELS[m][1:]) for m in DeliveryMethod]
        delivery.append((None, self.tr("Do not mention it in the letter")))
        self.delivery_edit = ChoiceField(
            self.tr("How you send it"), AttrBinding(draft, "delivery"), delivery,
            help=self.tr("The letter says how it was sent, which helps prove when the school got it."),
        )
        self.options_form.add(self.delivery_edit)
        self.date_edit = DateField(
            self.tr("Letter date"), AttrBinding(draft, "date"),
            help=self.tr("Leave empty to use the day you export it."), empty_text=self.tr("today"),
        )
        self.options_form.add(self.date_edit)
        self.enclosures_edit = LongTextField(
            self.tr("Enclosures"), AttrBinding(draft, "enclosures", _lines), lines=3,
            help=self.tr("Papers you attach, one per line, for example a copy of a doctor's letter."),
        )
        self.options_form.add(self.enclosures_edit)
        self.options_form.edited.connect(self._options_edited)
        self.details.add(group_box(self.tr("Sending"), self.options_form))

        self.details.finish()
        return self.details

    def _build_preview(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 8, 8, 8)
        # The letter and what to do with it sit side by side as tabs, both in plain sight; after an
        # export the second tab comes forward (the next steps matter most then).
        self.preview_tabs = QTabWidget(box)
        self.preview_tabs.setDocumentMode(True)
        self.preview_tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its tab bar takes the focus
        self.preview = QTextBrowser(box)
        self.preview.setReadOnly(True)
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("Letter preview"))
        self.preview.document().setDocumentMargin(16)  # a little paper around the text, as on a page
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview_tabs.addTab(self.preview, self.tr("&Preview of the letter"))
        self.guidance_view = QTextBrowser(box)
        self.guidance_view.setReadOnly(True)
        self.guidance_view.setOpenLinks(False)
        self.guidance_view.setFrameShape(QFrame.Shape.StyledPanel)
        self.guidance_view.setAccessibleName(self.tr("Before you send"))
        self.preview_tabs.addTab(self.guidance_view, self.tr("&Before you send"))
        layout.addWidget(self.preview_tabs, 1)
        self.missing_label = QLabel(box)
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextFormat(Qt.TextFormat.RichText)
        self.missing_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                   | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.missing_label.setAccessibleName(self.tr("Information still needed"))
        self.missing_label.linkActivated.connect(self._go_to_missing)
        layout.addWidget(self.missing_label)
        row = QHBoxLayout()
        self.status_label = QLabel(box)
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.status_label, 1)
        self.export_button = QPushButton(self.tr("Export to Word…"), box)
        self.export_button.setAccessibleName(self.tr("Export this letter to a Word file"))
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        box.setMinimumWidth(320)
        return box

    # ================================================================== templates
    def letter_templates(self) -> list[Template]:
        """The templates this page offers: letters (other kinds have their own pages)."""
        return [t for t in self.context.registry.all() if t.meta.kind == Kind.LETTER]

    def fill_picker(self) -> None:
        current = self.template.id if self.template else None
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[Group, QTreeWidgetItem] = {}
        templates = self.letter_templates()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for group in Group:
            if not any(t.meta.group == group for t in templates):
                continue
            item = QTreeWidgetItem([QCoreApplication.translate("groups", GROUP_LABELS[group])])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setFont(0, bold)
            # Group rows carry an empty id, so reading it never yields None.
            item.setData(0, TEMPLATE_ROLE, "")
            self.tree.addTopLevelItem(item)
            groups[group] = item
        for template in templates:
            meta = template.meta
            item = QTreeWidgetItem([meta.situation])
            item.setData(0, TITLE_ROLE, meta.title)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{meta.situation}: {meta.title}")
            item.setData(0, TEMPLATE_ROLE, template.id)
            item.setToolTip(0, meta.title)
            groups[meta.group].addChild(item)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if current:
            self.select_template(current)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.Resize:
            # Wrapped rows change height with the width of the list.
            self.tree.scheduleDelayedItemsLayout()
        return super().eventFilter(watched, event)

    def _template_items(self) -> list[QTreeWidgetItem]:
        out = []
        for top in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(top)
            out.extend(group.child(n) for n in range(group.childCount()))
        return out

    def select_template(self, template_id: str) -> bool:
        """Show the letter with this id (the plan guide calls this); ``False`` if there is none."""
        for item in self._template_items():
            if item.data(0, TEMPLATE_ROLE) == template_id:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return True
        return False

    def _picked(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        template_id = item.data(0, TEMPLATE_ROLE) if item is not None else None
        if not template_id:
            return
        try:
            template = self.context.registry.get(template_id)
        except KeyError:
            log.warning("The chosen template is no longer available")
            return
        self._show_template(template)

    @property
    def drafts(self) -> dict[str, LetterDraft]:
        """Each letter's answers and choices, kept in the case (saved with it)."""
        return self.case.letter_drafts if self.case is not None else {}

    def _draft(self) -> LetterDraft | None:
        if self.template is None or self.case is None:
            return None
        draft = self.drafts.get(self.template.id)
        if draft is not None and id(draft) in self._typed_drafts:
            return draft
        # The engine decides a new letter's defaults and gives answers read back from a file their types.
        draft = letter_rules.saved_draft(self.case, self.template, keep=True)
        self._typed_drafts.add(id(draft))
        return draft

    def _show_template(self, template: Template | None) -> None:
        self.template = template
        if self.input_form is not None:
            self.input_form.setParent(None)
            self.input_form.deleteLater()
            self.input_form = None
        if template is None:
            self.title_label.setText(self.tr("Pick a letter"))
            self.situation_label.setText(self.tr("Choose the situation on the left that is closest to "
                                                 "yours. The letter appears here, filled in from your case."))
            self.inputs_box.setVisible(False)
            self.options_form.setEnabled(False)
            self.export_button.setEnabled(False)
            self.guidance_view.setHtml("")
            self.preview.setHtml(self._empty_preview_html())
            self.missing_label.setText("")
            return
        self.title_label.setText(template.meta.title)
        self.situation_label.setText(self.tr("When to use it: %1").replace("%1", template.meta.situation))
        self.input_form = self._build_input_form(template)
        self.inputs_layout.addWidget(self.input_form)
        self._chain_after_tree(self.input_form)
        self.inputs_box.setVisible(bool(template.meta.inputs))
        self.options_form.setEnabled(True)
        self.export_button.setEnabled(True)
        self._fill_contacts()
        self.input_form.refresh()
        self.options_form.refresh()
        self.status_label.setText("")
        self.preview_tabs.setCurrentIndex(0)
        self.render_now()

    def _chain_after_tree(self, form: QWidget) -> None:
        """Tab goes from the list of letters to this letter's questions, which are built after the rest
        of the page and would otherwise come last, after Export."""
        widgets = []
        widget = form.nextInFocusChain()
        while widget is not form and form.isAncestorOf(widget):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                widgets.append(widget)
            widget = widget.nextInFocusChain()
        previous: QWidget = self.tree
        for widget in widgets:
            QWidget.setTabOrder(previous, widget)
            previous = widget

    def _empty_preview_html(self) -> str:
        return "<p style='margin:24px'>" + escape(self.tr(
            "Pick a situation in the list on the left. The letter appears here, already filled in from "
            "your case, and changes as you type."), quote=False) + "</p>"

    def _build_input_form(self, template: Template) -> FormSection:
        form = FormSection(self.inputs_holder, labels_above=True)

        def values() -> dict[str, Any] | None:
            draft = self._draft()
            return draft.inputs if draft is not None else None

        if any(spec.required for spec in template.meta.inputs):
            form.add_row(None, help_label(self.tr("Questions marked * must be answered before export."), form))
        for spec in template.meta.inputs:
            form.add(self._input_field(spec, DictBinding(values, spec.name, functools.partial(coerce_input, spec))))
        form.edited.connect(self._draft_edited)
        return form

    def _input_field(self, spec: InputSpec, binding: DictBinding) -> Field:
        label = spec.label + (" *" if spec.required else "")
        help = spec.help
        if spec.example:
            help = (help + " " if help else "") + self.tr("Example: %1").replace("%1", spec.example)
        if spec.type == InputType.LONG_TEXT:
            field = LongTextField(label, binding, help=help)
        elif spec.type == InputType.LIST:
            field = LongTextField(label, binding, help=help or self.tr("One per line."), lines=3)
        elif spec.type == InputType.DATE:
            field = DateField(label, binding, help=help)
        elif spec.type == InputType.CHOICE:
            choices = [(c.value, c.label) for c in spec.choices]
            if not spec.required and spec.default in (None, ""):
                choices.insert(0, ("", self.tr("(not chosen)")))
            field = ChoiceField(label, binding, choices, help=help)
        elif spec.type == InputType.YES_NO:
            field = CheckField(spec.label, binding, help=help)
        else:
            field = TextField(label, binding, help=help)
        field.setObjectName(f"input_{spec.name}")
        if spec.required and field.editor is not None:
            field.editor.setAccessibleName(f"{spec.label} ({self.tr('required')})")
        return field

    def input_field(self, name: str) -> Field | None:
        """The form field of the current letter's input ``name`` (tests and the plan guide use it)."""
        if self.input_form is None:
            return None
        return self.input_form.findChild(Field, f"input_{name}")

    # ================================================================== contacts
    def _fill_contacts(self) -> None:
        """Offer the case's contacts as recipient and copies, keeping what was chosen."""
        draft = self._draft()
        contacts = self.case.contacts if self.case is not None else []
        self._contacts_key = tuple((c.id, c.name, c.role) for c in contacts)
        choices: list[tuple[Any, str]] = []
        role = None
        if draft is not None and self.template is not None and self.case is not None:
            # Someone with the right role was added on School & team since: the letter goes to them.
            letter_rules.follow_recipient(self.case, self.template, draft)
            role = letter_rules.recipient_role(self.case, self.template)
        if draft is not None and draft.recipient_id is None and role is not None:
            choices.append((None, self.tr("%1 (not on School & team yet)").replace("%1", _role(role))))
        for contact in contacts:
            name = contact.name or self.tr("(no name yet)")
            choices.append((contact.id, f"{name} — {contact.display_title}"))
        if not choices:
            choices.append((None, self.tr("Nobody yet: add people on the School & team page")))
        self.recipient_edit.set_choices(choices)
        self.recipient_edit.refresh()
        self._fill_cc()

    def _fill_cc(self) -> None:
        """Everyone on School & team but the recipient, ticked when they get a copy."""
        draft = self._draft()
        contacts = self.case.contacts if self.case is not None else []
        self.cc_list.blockSignals(True)
        self.cc_list.clear()
        recipient_id = draft.recipient_id if draft is not None else None
        self._cc_recipient = recipient_id
        for contact in contacts:
            if contact.id == recipient_id:
                continue  # the letter already goes to them
            item = QListWidgetItem(f"{contact.name or self.tr('(no name yet)')} — {contact.display_title}")
            item.setToolTip(item.text())
            item.setData(TEMPLATE_ROLE, contact.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = draft is not None and contact.id in draft.cc_ids
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.cc_list.addItem(item)
        self.cc_list.blockSignals(False)
        self.cc_label.setVisible(self.cc_list.count() > 0)
        self.cc_list.setVisible(self.cc_list.count() > 0)

    def _draft_edited(self) -> None:
        """An answer or a sending choice changed: it is part of the case, so the case is modified."""
        self.changed.emit()
        self.schedule_render()

    def _options_edited(self) -> None:
        draft = self._draft()
        if draft is not None and draft.recipient_id != self._cc_recipient:
            # Nobody gets a copy of a letter addressed to them.
            draft.cc_ids = [i for i in draft.cc_ids if i != draft.recipient_id]
            self._fill_cc()
        self._draft_edited()

    def _cc_changed(self, _item: QListWidgetItem) -> None:
        draft = self._draft()
        if draft is None:
            return
        draft.cc_ids = [
            self.cc_list.item(n).data(TEMPLATE_ROLE)
            for n in range(self.cc_list.count())
            if self.cc_list.item(n).checkState() == Qt.CheckState.Checked
        ]
        self._draft_edited()

    # ================================================================== rendering
    def schedule_render(self) -> None:
        """Draw the preview again once typing pauses (restarts the short timer)."""
        self._stale = True
        self.timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.schedule_render()

    def options(self) -> Any:
        """The sending choices of the letter shown, as the engine reads them."""
        return letter_rules.letter_options(self._draft() or LetterDraft(), **self._render_settings())

    def _render_settings(self) -> dict[str, Any]:
        from planwriter.gui.profiles_dialog import case_letterhead

        sender = self.context.settings.sender
        return {
            "sender": sender if not sender.is_empty() else None,
            # A letterhead already prints the sender's details, so the letter leaves them out.
            "letterhead": case_letterhead(self.context, self.case) is not None,
        }

    def render_result(self) -> letter_rules.LetterResult | None:
        """Render the chosen letter from the case's draft now (no timer), with what it still needs."""
        if self.case is None or self.template is None:
            return None
        draft = self._draft()
        assert draft is not None
        self.result = letter_rules.render_letter(
            self.case, self.template.id, draft=draft, registry=self.context.registry, **self._render_settings(),
        )
        return self.result

    def render(self) -> Document | None:
        """Render the chosen letter for the case now (no timer); ``None`` if it cannot be drawn up."""
        result = self.render_result()
        return result.document if result is not None else None

    def render_now(self) -> None:
        self.timer.stop()
        if self.template is None or self.case is None:
            return
        if not self.isVisible() and self.render_count:
            return  # drawn when the page is shown again (showEvent)
        self._stale = False
        key = tuple((c.id, c.name, c.role) for c in self.case.contacts)
        if key != self._contacts_key:
            self._fill_contacts()
        self.render_worker.submit(self._render_job())  # drawn off the window's thread: _rendered

    def _render_job(self):
        """The render as a function of values taken now, to run on the render worker's thread: the
        letter from a copy of its draft, with what it still needs (the same call as :meth:`render_result`)."""
        if self.case is None or self.template is None:
            return lambda: None
        draft = self._draft()
        assert draft is not None
        draft = draft.model_copy(deep=True)
        case, template_id, registry, settings = self.case, self.template.id, self.context.registry, \
            self._render_settings()
        return lambda: letter_rules.render_letter(case, template_id, draft=draft, registry=registry, **settings)

    def _render_slow(self) -> None:
        self.missing_label.setText(escape(self.tr("This letter is taking unusually long to draw up; "
                                                  "the rest of planwriter keeps working."), quote=False))

    def _rendered(self, result: letter_rules.LetterResult | None, error: BaseException | None) -> None:
        from planwriter.render.html_writer import to_html

        if isinstance(error, RuntimeError) and "changed size during iteration" in str(error):
            self.schedule_render()  # the case changed while it was read: draw it again
            return
        if error is not None:
            if not isinstance(error, TemplateError | InputError):
                log.warning("A letter could not be drawn up: %s", type(error).__name__)
            self.document = None
            self.result = None
            self.preview.setPlainText(self.tr("This letter cannot be drawn up: %1").replace("%1", str(error)))
            self.missing_label.setText("")
            return
        self.result = result
        document = self.document = result.document if result is not None else None
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        self.preview.setHtml(to_html(document) if document else "")
        bar.setValue(position)
        self.render_count += 1
        self._show_missing(self.needed())
        self._show_guidance()

    def _show_missing(self, needed: list[letter_rules.Needed]) -> None:
        """The gaps as a short list, each with a link to where it is filled in."""
        note = self._recipient_note() + self._length_note()
        if not needed:
            self.missing_label.setText("✓ " + escape(self.tr("Everything this letter needs is filled in. "
                                                                "You can export it."), quote=False) + note)
            return
        # One line per place to go, so a new case does not show a wall of "fill it in on…" links.
        places: dict[tuple[str, str] | None, list[str]] = {}
        for item in needed:
            places.setdefault(self._where_to_fill(item), []).append(item.label)
        rows = []
        for where, labels in places.items():
            link = f" — <a href='{where[0]}'>{escape(where[1], quote=False)}</a>" if where else ""
            rows.append(f"<li>{escape('; '.join(labels), quote=False)}{link}</li>")
        head = escape(self.tr("Still needed before you can export:"), quote=False)
        self.missing_label.setText(f"<b>{head}</b><ul style='margin-left:-20px'>{''.join(rows)}</ul>{note}")

    def length_warning(self) -> str:
        """A warning when the letter runs past the page limit even with detail attached; else empty."""
        result = self.result
        if result is None or not result.too_long:
            return ""
        return self.tr("This letter runs to about %1 pages. Schools read short letters more closely: "
                       "consider shortening the longest answers.").replace("%1", str(round(result.pages)))

    def _length_note(self) -> str:
        notes = []
        if self.document is not None and self.document.attachments:
            notes.append("<p>" + escape(self.tr("To keep the letter short, the detail is at its end: %1.").replace(
                "%1", "; ".join(self.document.attachments)), quote=False) + "</p>")
        warning = self.length_warning()
        if warning:
            notes.append(f"<p><b>⚠</b> {escape(warning, quote=False)}</p>")
        return "".join(notes)

    def _recipient_note(self) -> str:
        """A gentle word when the letter goes to a role with nobody's name on it (not a gap)."""
        draft = self._draft()
        if draft is None or draft.recipient_id is not None or self.case is None or self.template is None:
            return ""
        role = letter_rules.recipient_role(self.case, self.template)
        school = QCoreApplication.translate("SchoolPage", "School & team")
        text = escape(self.tr("The letter goes to “%1” without a name. Add them on %2 to use their name "
                              "and address.").replace("%1", _role(role)), quote=False)
        return "<p>" + text.replace("%2", f"<a href='section:SchoolPage'>{escape(school, quote=False)}</a>") + "</p>"

    def missing_text(self) -> str:
        """The still-needed list as the user reads it (plain text)."""
        from PySide6.QtGui import QTextDocumentFragment

        return QTextDocumentFragment.fromHtml(self.missing_label.text()).toPlainText()

    def _where_to_fill(self, item: letter_rules.Needed) -> tuple[str, str] | None:
        """(link, words) saying where the missing ``item`` is filled in, or ``None``."""
        Area = letter_rules.Area
        child = QCoreApplication.translate("ChildPage", "Child & family")
        school = QCoreApplication.translate("SchoolPage", "School & team")
        if item.area == Area.LETTER:
            return f"input:{item.field.partition(':')[2]}", self.tr("fill it in under About this letter")
        if item.area == Area.CHILD:
            return "section:ChildPage", self.tr("fill it in on %1").replace("%1", child)
        if item.area == Area.FAMILY:
            return "section:ChildPage", self.tr("add yourself under Parents and guardians on %1").replace(
                "%1", child)
        if item.area == Area.SCHOOL:
            return "section:SchoolPage", self.tr("add it on %1").replace("%1", school)
        return None

    def _go_to_missing(self, link: str) -> None:
        kind, _sep, name = link.partition(":")
        if kind == "section":
            self.context.signals.section_requested.emit(name)
        elif kind == "input":
            field = self.input_field(name)
            if field is not None and field.editor is not None:
                self.details.ensureWidgetVisible(field)
                field.editor.setFocus()

    def needed(self) -> list[letter_rules.Needed]:
        """What the user still has to fill in for the letter shown (decided by the engine)."""
        return list(self.result.needed) if self.result is not None else []

    def still_needed(self) -> list[str]:
        """The same, in words."""
        return [item.label for item in self.needed()]

    def _show_guidance(self) -> None:
        if self.template is None:
            return
        parts: list[str] = []

        def para(title: str, text: str) -> None:
            if text:
                parts.append(f"<p><b>{escape(title)}</b> {escape(text)}</p>")

        def bullets(title: str, items: list[str]) -> None:
            if items:
                rows = "".join(f"<li>{item}</li>" for item in items)
                parts.append(f"<p><b>{escape(title)}</b></p><ul>{rows}</ul>")

        if self.document is None:
            return
        guidance = letter_rules.before_you_send(self.template, self.document).guidance
        # The same sentences as `planwriter-cli guidance`, from the deadline engine (render/guidance.py).
        bullets(self.tr("When to expect an answer:"), [escape(line) for line in self.answer_lines()])
        para(self.tr("Send it to:"), guidance.send_to)
        para(self.tr("Keep proof:"), guidance.proof)
        bullets(self.tr("What should happen next:"), [escape(s) for s in guidance.next_steps])
        bullets(self.tr("Tips:"), [escape(s) for s in guidance.tips])
        bullets(self.tr("The law behind this letter:"),
                [f"<b>{escape(cite)}</b>: {escape(summary)}" for cite, summary in guidance.legal_basis])
        parts.append("<p><i>" + escape(self.tr("This is general information, not legal advice.")) + "</i></p>")
        self.guidance_view.setHtml("".join(parts))

    def answer_lines(self) -> list[str]:
        """When the school should answer, in the words the CLI's guidance command uses."""
        if self.case is None or self.template is None:
            return []
        draft = self._draft()
        letter_date = (draft.date if draft and draft.date else None) or dt.date.today()
        lines = letter_rules.answer_lines(self.template, self.case, letter_date,
                                          dict(draft.inputs) if draft else None)
        return lines or [self.tr("This letter does not ask for an answer by a date.")]

    def confirm_deadline_warnings(self, warnings: list[str]) -> bool:
        """Show the deadline engine's warnings before export; tests replace this method."""
        answer = QMessageBox.warning(
            self, self.tr("Check the dates before sending"),
            "\n\n".join(warnings) + "\n\n" + self.tr("Export the letter anyway?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def due_text(self) -> str:
        """The answer-due sentence shown under Before you send (plain text)."""
        document = self.document
        if document is None or document.response_due is None:
            return ""
        return f"{long_date(document.response_due)} ({document.response_note})"

    # ================================================================== export
    def confirm_open(self, path: Path) -> bool:
        """Ask whether to open the exported file now; tests replace this method."""
        answer = QMessageBox.question(
            self, self.tr("Letter exported"),
            self.tr("The letter was saved as “%1” and added to Dates & log.\n\nOpen it now?")
            .replace("%1", path.name),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            QMessageBox.StandardButton.Open,
        )
        return answer == QMessageBox.StandardButton.Open

    def open_file(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def export(self) -> Path | None:
        """Export the letter shown to a Word file, log it, and offer to open it."""
        if self.case is None or self.template is None:
            return None
        try:
            result = self.render_worker.run_blocking(self._render_job())
        except (TemplateError, InputError, TimeoutError) as error:
            self.show_message(self.tr("Cannot export"), str(error))
            return None
        if result is None:
            return None
        self.result = result
        document = self.document = result.document
        needed = result.needed
        if needed:
            lines = []
            for item in needed:
                where = self._where_to_fill(item)
                lines.append(f"• {item.label}" + (f" ({where[1]})" if where else ""))
            text = self.tr("This letter still needs some information before it can be saved as a Word "
                           "file:\n\n%1\n\nThe gaps are highlighted in yellow in the preview.").replace(
                "%1", "\n".join(lines))
            self.status_label.setText(self.tr("Not exported yet: some information is missing."))
            self.show_message(self.tr("Some information is missing"), text)
            return None
        if document.deadline_warnings and not self.confirm_deadline_warnings(document.deadline_warnings):
            self.status_label.setText(self.tr("Not exported: check the dates first."))
            return None
        warning = self.length_warning()
        if warning and not self.confirm_long(warning):
            return None
        path = self.save_document(document, self.template.meta.title, result.letter_date)
        if path is None:
            return None
        self._log_export(result, path)
        self.status_label.setText(self.tr("Saved “%1”. Before you send shows what to do next.")
                                  .replace("%1", path.name))
        self.preview_tabs.setCurrentWidget(self.guidance_view)
        if self.confirm_open(path):
            self.open_file(path)
        return path

    def confirm_long(self, warning: str) -> bool:
        """Ask whether to export a letter longer than the page limit; tests replace this method."""
        answer = QMessageBox.question(
            self, self.tr("A long letter"), warning + "\n\n" + self.tr("Export it anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _log_export(self, result: letter_rules.LetterResult, path: Path) -> None:
        assert self.case is not None
        self.case.correspondence.append(letter_rules.log_entry(result, path.name))
        self.changed.emit()
        self.context.signals.log_changed.emit()

    # ================================================================== CasePage
    def set_case(self, case: Case) -> None:
        self._contacts_key = ()
        self._typed_drafts = set()
        super().set_case(case)

    def refresh(self) -> None:
        if self.template is not None:
            self._fill_contacts()
            if self.input_form is not None:
                self.input_form.refresh()
            self.options_form.refresh()
        self.schedule_render()


def _lines(value: Any) -> list[str]:
    """Enclosures typed one per line."""
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [line.strip() for line in str(value or "").split("\n") if line.strip()]
