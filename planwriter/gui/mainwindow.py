"""The main window: navigation between the case's sections, the welcome screen, menus and files."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from planwriter import APP_NAME
from planwriter.gui.welcome import WelcomePage

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from planwriter.core.model import Case
    from planwriter.gui.actions import MainActions
    from planwriter.gui.appcontext import AppContext
    from planwriter.gui.files import FileController
    from planwriter.gui.pages.base import CasePage

log = logging.getLogger(__name__)

EXTENSION = ".pwcase"
#: The window's size on a large screen the first time it opens.
DEFAULT_SIZE = (1180, 780)
#: Screens up to this size (1280x800, 1366x768, 1440x900 laptops) get the whole screen on first start.
SMALL_SCREEN = (1440, 900)


def app_icon() -> QIcon:
    """The planwriter icon in every shipped size (empty when the files are missing)."""
    from planwriter.core.paths import resources_dir

    icon = QIcon()
    try:
        folder = resources_dir() / "icons" / "png"
    except FileNotFoundError:
        return icon
    for path in sorted(folder.glob("planwriter-*.png")):
        icon.addFile(str(path))
    return icon


class MainWindow(QMainWindow):
    """One window per app. It can be shown before its :class:`AppContext` exists (fast start-up):
    ``attach_context`` then loads the sections. Tests pass the context straight away."""

    def __init__(self, context: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.context: AppContext | None = None
        self.case: Case | None = None
        self.file_path: Path | None = None
        self.pages: list[CasePage] = []
        self._stale_pages: set[int] = set()
        self._plan_guide = None
        self._files: FileController | None = None
        self.is_sample = False

        self.setAcceptDrops(True)
        self.resize(*DEFAULT_SIZE)
        self.menu_actions: MainActions | None = None
        self._build_central()
        self._connect_welcome()
        self.statusBar()
        self._show_welcome()
        if context is not None:
            self.attach_context(context)

    def fit_to_screen(self) -> bool:
        """Size for the first start (a saved geometry replaces it later): a laptop-sized screen is
        used whole, a large one gets a comfortable window in the middle. True: show it maximized."""
        screen = self.screen()
        if screen is None:
            return False
        available = screen.availableGeometry()
        width, height = DEFAULT_SIZE
        if available.width() <= SMALL_SCREEN[0] or available.height() <= SMALL_SCREEN[1]:
            from PySide6.QtGui import QGuiApplication

            if QGuiApplication.platformName() in ("xcb", "offscreen"):
                # An X11 session may have no window manager to maximize the window (a kiosk, a virtual
                # screen): this geometry alone fills the screen, and a window manager keeps it inside.
                self.setGeometry(available)
            else:
                # Windows and macOS place the title bar above this rectangle: leave it room, so that
                # the window is still whole when the user un-maximizes it.
                self.setGeometry(available.adjusted(16, 40, -16, -16))
            return True
        self.resize(width, height)
        self.move(available.center().x() - width // 2, available.center().y() - height // 2)
        return False

    def build_menus(self) -> None:
        """Create the actions, the menu bar and the icon (the app does this right after the first show)."""
        if self.menu_actions is not None:
            return
        from planwriter.gui.actions import MainActions

        self.setWindowIcon(app_icon())
        self.menu_actions = MainActions(self)
        self.menu_actions.build_menus(self.menuBar())
        self.menu_actions.update_case_actions(self.case is not None)
        self._on_settings_changed()

    # ------------------------------------------------------------------ building

    def _build_central(self) -> None:
        self.welcome = WelcomePage()
        self.central_stack = QStackedWidget()
        self.central_stack.addWidget(self.welcome)
        self.setCentralWidget(self.central_stack)

    def _build_case_view(self) -> None:
        """Navigation list and sections; built with the context, once the window is on screen.

        The modules on the start-up path import only the Qt classes needed before the window is
        shown: PySide6 builds each class's enums on first use, and the ``Qt`` namespace alone costs
        ~12 ms (see docs/performance.md).
        """
        from PySide6.QtWidgets import QListWidget, QSplitter

        self.nav_list = QListWidget()
        self.nav_list.setObjectName("nav_list")
        self.nav_list.setAccessibleName(self.tr("Sections of the case"))
        self.nav_list.setAccessibleDescription(self.tr("Choose a section with the arrow keys"))
        self.nav_list.setMinimumWidth(140)
        self.nav_list.setMaximumWidth(240)
        self.nav_list.setSpacing(2)
        self.page_stack = QStackedWidget()
        self.page_stack.setObjectName("page_stack")
        self.nav_list.currentRowChanged.connect(self._on_nav_row_changed)

        self.case_view = QSplitter()  # horizontal
        self.case_view.setObjectName("case_view")
        self.case_view.addWidget(self.nav_list)
        self.case_view.addWidget(self.page_stack)
        self.case_view.setStretchFactor(0, 0)
        self.case_view.setStretchFactor(1, 1)
        self.case_view.setChildrenCollapsible(False)
        self.case_view.setSizes([150, max(self.width() - 150, 400)])
        self.case_holder = QWidget()
        column = QVBoxLayout(self.case_holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._build_sample_banner())
        column.addWidget(self.case_view, 1)
        self.central_stack.addWidget(self.case_holder)

    def _build_sample_banner(self) -> QWidget:
        """Shown above the sections while the sample case is open: how to start one's own case."""
        from PySide6.QtGui import QPalette
        from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

        self.sample_banner = QFrame()
        self.sample_banner.setObjectName("sample_banner")
        self.sample_banner.setFrameShape(QFrame.Shape.StyledPanel)
        # Tool-tip colours: a soft note in a light palette, and still readable in a dark one.
        self.sample_banner.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.sample_banner.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.sample_banner.setAutoFillBackground(True)
        row = QHBoxLayout(self.sample_banner)
        row.setContentsMargins(12, 6, 8, 6)
        self.sample_label = QLabel()
        self.sample_label.setWordWrap(True)
        self.sample_label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        row.addWidget(self.sample_label, 1)
        # No mnemonic: the sections use most letters already; Ctrl+N (File > New case) does the same.
        self.own_case_button = QPushButton(self.tr("Start a case for my child"))
        self.own_case_button.setAccessibleDescription(self.tr("Close the sample and open empty forms (Ctrl+N)"))
        self.own_case_button.clicked.connect(lambda: self.files.new_case())
        row.addWidget(self.own_case_button)
        self.sample_banner.setVisible(False)
        return self.sample_banner

    def show_sample_banner(self, visible: bool) -> None:
        """Mark the open case as the sample (or not): a note with a way out, and its own title."""
        self.is_sample = visible and self.case is not None
        if self.context is not None:
            if self.is_sample:
                child = self.case.child
                name = " ".join(p for p in (child.first_name, child.legal_last_name) if p)
                self.sample_label.setText(self.tr(
                    "This is the sample case: {name} is a made-up child. Look around and change anything; "
                    "nothing is saved unless you ask. When you are ready, start a case for your own child."
                ).format(name=name))
            self.sample_banner.setVisible(self.is_sample)
        self._update_title()

    @property
    def files(self) -> FileController:
        """New, Open, Save…; created on first use so that it loads after the window is shown."""
        if self._files is None:
            from planwriter.gui.files import FileController

            self._files = FileController(self)
        return self._files

    def _connect_welcome(self) -> None:
        self.welcome.new_requested.connect(lambda: self.files.new_case())
        self.welcome.open_requested.connect(lambda: self.files.open_case())
        self.welcome.sample_requested.connect(lambda: self.files.open_sample())
        self.welcome.guide_requested.connect(self.show_plan_guide)
        self.welcome.recent_requested.connect(lambda text: self.files.open_path(Path(text)))

    def attach_context(self, context: AppContext) -> None:
        """Give the window its settings and registry, and build one page per section."""
        if self.context is not None:
            raise RuntimeError("the window already has a context")
        self.context = context
        signals = context.signals
        signals.settings_changed.connect(self._on_settings_changed)
        signals.case_changed.connect(self._on_case_changed)
        signals.letter_requested.connect(self.select_template)
        signals.section_requested.connect(self.show_page)
        self.build_menus()
        self._build_case_view()
        self._build_pages()
        self._on_settings_changed()
        self._restore_geometry()
        self.files.start()

    def _build_pages(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QFrame, QListWidgetItem, QScrollArea

        from planwriter.gui.pages import page_classes

        for page_class in page_classes():
            page = page_class(self.context)
            page.changed.connect(self._on_page_changed)
            self.pages.append(page)
            # A section wider or taller than a small screen scrolls instead of stretching the window.
            holder = QScrollArea()
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the section's own fields take the focus
            holder.setWidget(page)
            self.page_stack.addWidget(holder)
            item = QListWidgetItem(page.title())
            item.setData(Qt.ItemDataRole.AccessibleTextRole, page.title())
            item.setToolTip(page.title())
            self.nav_list.addItem(item)
        log.debug("Built %d sections", len(self.pages))

    # ------------------------------------------------------------------ the open case

    def set_case(self, case: Case, path: Path | None, *, modified: bool = False) -> None:
        """Show ``case`` (loaded from ``path``, or new when ``path`` is None) in every section."""
        self.case = case
        self.set_file_path(path)
        for page in self.pages:
            page.set_case(case)
        self._stale_pages.clear()
        self.setWindowModified(modified)
        self.show_sample_banner(False)
        self.central_stack.setCurrentWidget(self.case_holder)
        if self.menu_actions is not None:
            self.menu_actions.update_case_actions(True)
        if self.pages:
            self.nav_list.setCurrentRow(0)
            self.nav_list.setFocus()
        if self.context is not None:
            self.context.signals.case_replaced.emit()

    def clear_case(self) -> None:
        self.case = None
        self.set_file_path(None)
        self.setWindowModified(False)
        self._show_welcome()
        if self.context is not None:
            self.context.signals.case_replaced.emit()

    def set_file_path(self, path: Path | None) -> None:
        self.file_path = path
        if path is not None:
            self.is_sample = False  # saved under a name of its own
            if self.context is not None:
                self.sample_banner.setVisible(False)
        if self.context is not None:
            self.context.case_path = path
        self.setWindowFilePath(str(path) if path else "")
        self._update_title()

    def _show_welcome(self) -> None:
        self.central_stack.setCurrentWidget(self.welcome)
        if self.menu_actions is not None:
            self.menu_actions.update_case_actions(False)
        self._update_title()
        self.welcome.new_button.setFocus()

    def _update_title(self) -> None:
        if self.case is None:
            self.setWindowTitle(APP_NAME)
            return
        if self.file_path:
            name = self.file_path.name
        else:
            name = self.tr("Sample case") if self.is_sample else self.tr("Untitled case")
        self.setWindowTitle(self.tr("{name}[*] — planwriter").format(name=name))

    def _on_page_changed(self) -> None:
        self.setWindowModified(True)
        if self.context is not None:
            self.context.signals.case_changed.emit()

    def _on_case_changed(self) -> None:
        # Other sections may show what was just edited; they re-read the case when shown next.
        self._stale_pages = set(range(len(self.pages))) - {self.page_stack.currentIndex()}

    # ------------------------------------------------------------------ navigation

    def _on_nav_row_changed(self, row: int) -> None:
        if row < 0 or row >= len(self.pages):
            return
        if row in self._stale_pages and self.case is not None:
            self.pages[row].refresh()
            self._stale_pages.discard(row)
        self.page_stack.setCurrentIndex(row)

    def current_page(self) -> CasePage | None:
        index = self.page_stack.currentIndex()
        return self.pages[index] if 0 <= index < len(self.pages) else None

    def show_page(self, key: int | str) -> bool:
        """Switch to a section by index, class name or (case-insensitive) start of its title."""
        if isinstance(key, int):
            index = key if 0 <= key < len(self.pages) else -1
        else:
            wanted = key.lower()
            index = next(
                (
                    i
                    for i, page in enumerate(self.pages)
                    if type(page).__name__.lower() == wanted or page.title().lower().startswith(wanted)
                ),
                -1,
            )
        if index < 0 or self.case is None:
            return False
        self.nav_list.setCurrentRow(index)
        return True

    def step_section(self, step: int) -> None:
        """Show the next (1) or previous (-1) section, wrapping around."""
        if self.case is None or not self.pages:
            return
        self.nav_list.setCurrentRow((self.nav_list.currentRow() + step) % len(self.pages))

    def focus_section_list(self) -> None:
        if self.case is not None and self.pages:
            self.nav_list.setFocus()

    def select_template(self, template_id: str) -> bool:
        """Start the letter ``template_id`` on the Letters section (a case is created if none is open)."""
        for index, page in enumerate(self.pages):
            select = getattr(page, "select_template", None)
            if callable(select):
                if self.case is None and not self.files.new_case():
                    return False
                self.nav_list.setCurrentRow(index)
                select(template_id)
                return True
        return False

    # ------------------------------------------------------------------ dialogs

    def show_settings(self) -> None:
        if self.context is None:
            return
        from planwriter.gui.settings_dialog import SettingsDialog

        SettingsDialog.edit(self, self.context)

    def show_library(self) -> None:
        """The case library: every case of the cases folder, what is due, batch export."""
        if self.context is None:
            return
        from planwriter.gui.library import LibraryWindow

        if getattr(self, "library_window", None) is None:
            self.library_window = LibraryWindow(self, self.context)
        else:
            self.library_window.refresh()
        self.library_window.show()
        self.library_window.raise_()
        self.library_window.activateWindow()

    def show_profiles(self) -> None:
        if self.context is None:
            return
        from planwriter.gui.profiles_dialog import edit_profiles

        book, saved = edit_profiles(self, self.context)
        if saved and self.case is not None and self.case.sender_profile_id:
            # The open case signs with its profile's details as they are now.
            from planwriter.core.profiles import apply_profile

            profile = book.get(self.case.sender_profile_id)
            if profile is not None and profile.sender != self.case.sender:
                apply_profile(self.case, profile)
                for page in self.pages:
                    page.refresh()
                self.setWindowModified(True)
                self.context.signals.case_changed.emit()

    def choose_case_sender(self) -> None:
        if self.context is None or self.case is None:
            return
        from planwriter.gui.profiles_dialog import choose_case_sender

        if choose_case_sender(self, self.context, self.case):
            for page in self.pages:
                page.refresh()  # the child page shows the sender's details
            self.setWindowModified(True)
            self.context.signals.case_changed.emit()

    def show_plan_guide(self) -> None:
        from planwriter.gui.plan_guide import PlanGuideDialog

        if self._plan_guide is None:
            self._plan_guide = PlanGuideDialog(self)
            self._plan_guide.letter_requested.connect(self._on_guide_letter)
        self._plan_guide.show()
        self._plan_guide.raise_()
        self._plan_guide.activateWindow()

    def _on_guide_letter(self, template_id: str) -> None:
        if self.context is not None:
            self.context.signals.letter_requested.emit(template_id)

    def show_about(self) -> None:
        from planwriter.gui.about import AboutDialog

        AboutDialog.show_about(self)

    def _on_settings_changed(self) -> None:
        recent = list(self.context.settings.recent_files) if self.context else []
        if self.menu_actions is not None:
            self.menu_actions.update_recent(recent)
        self.welcome.set_recent_files(recent)

    # ------------------------------------------------------------------ window state and events

    def _geometry_store(self) -> QSettings | None:
        if self.context is None:
            return None
        from PySide6.QtCore import QSettings

        return QSettings(str(self.context.data_dir / "window.ini"), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        store = self._geometry_store()
        if store is None:
            return
        geometry = store.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = store.value("splitter")
        if splitter is not None:
            self.case_view.restoreState(splitter)

    def _save_geometry(self) -> None:
        store = self._geometry_store()
        if store is None or not self.context.data_dir.is_dir():
            return
        store.setValue("geometry", self.saveGeometry())
        store.setValue("splitter", self.case_view.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.context is not None and not self.files.maybe_save():
            event.ignore()
            return
        if self.context is not None and self._files is not None:
            self.files.autosave_timer.stop()
            self.files.remove_recovery()
            self._save_geometry()
        event.accept()

    @staticmethod
    def _dropped_case(event: QDragEnterEvent | QDropEvent) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(EXTENSION):
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.context is not None and self._dropped_case(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_case(event)
        if path is None or self.context is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files.open_path(path)
