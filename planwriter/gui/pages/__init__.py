"""The sections of the main window, one page each, in navigation order."""

from __future__ import annotations

import importlib

#: (module, class) of each page, in the order the navigation shows them.
PAGES: tuple[tuple[str, str], ...] = (
    ("planwriter.gui.pages.child", "ChildPage"),
    ("planwriter.gui.pages.school", "SchoolPage"),
    ("planwriter.gui.pages.about_child", "AboutChildPage"),
    ("planwriter.gui.pages.letters", "LettersPage"),
    ("planwriter.gui.pages.accommodations", "AccommodationsPage"),
    ("planwriter.gui.pages.goals", "GoalsPage"),
    ("planwriter.gui.pages.log", "DatesLogPage"),
    ("planwriter.gui.pages.packet", "PacketPage"),
)


def page_classes() -> list[type]:
    """The page classes that exist in this build, in navigation order."""
    found = []
    for module_name, class_name in PAGES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:
                continue  # that section is not part of this build yet
            raise
        found.append(getattr(module, class_name))
    return found
