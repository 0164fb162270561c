"""Reusable form pieces bound to the case model: fields, date pickers, choices, repeatable items."""

from planwriter.gui.widgets.address import add_address_fields
from planwriter.gui.widgets.binding import AttrBinding, Binding, DictBinding, FieldError, ModelBinding
from planwriter.gui.widgets.fields import (
    CheckField,
    ChoiceField,
    DateField,
    Field,
    FormSection,
    LongTextField,
    TextField,
    enum_choices,
    help_label,
    parse_date,
)
from planwriter.gui.widgets.repeat import RepeatableEditor, TextListEditor
from planwriter.gui.widgets.scroll import ScrollPage, group_box, page_heading

__all__ = [
    "AttrBinding",
    "Binding",
    "CheckField",
    "ChoiceField",
    "DateField",
    "DictBinding",
    "Field",
    "FieldError",
    "FormSection",
    "LongTextField",
    "ModelBinding",
    "RepeatableEditor",
    "ScrollPage",
    "TextField",
    "TextListEditor",
    "add_address_fields",
    "enum_choices",
    "group_box",
    "help_label",
    "page_heading",
    "parse_date",
]
