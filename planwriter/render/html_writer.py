"""Blocks → HTML for the app's live preview (a Qt rich-text view understands this subset)."""

from __future__ import annotations

from html import escape

from planwriter.render.blocks import Document, Heading, ListBlock, PageBreak, Paragraph, Run, Table

#: Extra space after each letter part, roughly as the Word styles have it.
_STYLE_CSS = {
    "Sender": "margin:0 0 14px 0;",
    "Letter Date": "margin:0 0 10px 0;",
    "Delivery": "margin:0 0 10px 0; font-style:italic; font-size:10pt;",
    "Recipient": "margin:0 0 14px 0;",
    "Subject": "margin:0 0 12px 0;",
    "Salutation": "margin:0 0 8px 0;",
    "Closing": "margin:10px 0 30px 0;",
    "Signature": "margin:0 0 14px 0;",
    "Letter Note": "margin:0 0 4px 0; font-size:10pt;",
    "Quote": "margin:0 28px 8px 28px; font-style:italic;",
    "Normal": "margin:0 0 8px 0;",
}


def _runs(runs: list[Run]) -> str:
    parts: list[str] = []
    for run in runs:
        text = escape(run.text).replace("\n", "<br/>")
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.missing:
            text = (
                '<span style="background-color:#fff2a8; color:#5c4400;" '
                f'title="Not filled in yet">{text}</span>'
            )
        parts.append(text)
    return "".join(parts)


def _block(block: object) -> str:
    if isinstance(block, Heading):
        tag = "h1" if block.level <= 1 else f"h{block.level}"
        return f"<{tag}>{_runs(block.runs)}</{tag}>"
    if isinstance(block, Paragraph):
        css = _STYLE_CSS.get(block.style, _STYLE_CSS["Normal"])
        return f'<p class="{escape(block.style)}" style="{css}">{_runs(block.runs)}</p>'
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
        items = []
        for item in block.items:
            inner = "".join(
                _runs(b.runs) if isinstance(b, Paragraph) and n == 0 else _block(b)
                for n, b in enumerate(item.blocks)
            )
            items.append(f"<li>{inner}</li>")
        return f"<{tag}{start}>{''.join(items)}</{tag}>"
    if isinstance(block, Table):
        head = "".join(
            f'<th style="background-color:#d9e2f3; text-align:left;">{_runs(c)}</th>'
            for c in block.header
        )
        rows = "".join(
            "<tr>" + "".join(f"<td>{_runs(c)}</td>" for c in row) + "</tr>" for row in block.rows
        )
        return (
            '<table border="1" cellspacing="0" cellpadding="4" width="100%">'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        )
    if isinstance(block, PageBreak):
        return '<hr style="border:0; border-top:1px dashed #999;"/>'
    return ""


def to_html(document: Document) -> str:
    """A complete HTML page for the preview pane."""
    body = "\n".join(_block(b) for b in document.blocks)
    return (
        '<html><head><meta charset="utf-8"/>'
        f"<title>{escape(document.title)}</title></head>"
        '<body style="font-family: Calibri, Carlito, sans-serif; font-size: 11pt;">'
        f"{body}</body></html>"
    )
