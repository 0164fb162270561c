"""The postal address fields, bound to an :class:`~planwriter.core.model.Address` found through a getter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from planwriter.core.model import Address
from planwriter.gui.widgets.binding import ModelBinding
from planwriter.gui.widgets.fields import FormSection, TextField


def _tr(text: str) -> str:
    return QCoreApplication.translate("AddressFields", text)


def add_address_fields(form: FormSection, address: Callable[[], Address | None], whose: str = "") -> None:
    """Street, unit, city, state and ZIP rows; ``whose`` ("guardian") goes into the accessible names."""
    rows = (
        ("street", _tr("Street"), _tr("For example 1428 Alder Street"), ""),
        ("street2", _tr("Apartment or unit"), "", ""),
        ("city", _tr("City"), "", ""),
        ("state", _tr("State"), "", _tr("The state's name or two letters, for example Oregon or OR")),
        ("postal_code", _tr("ZIP code"), "", _tr("5 digits, or 5 + 4 (97477-1234)")),
    )
    for name, label, placeholder, help in rows:
        field = TextField(label, ModelBinding(address, name), help=help, placeholder=placeholder)
        if whose:
            field.edit.setAccessibleName(f"{label} ({whose})")
        if name == "state":
            # The case stores a state's code ("texas" → TX, core/model.py); show it once typing ends.
            field.edit.editingFinished.connect(field.refresh)
        form.add(field)
