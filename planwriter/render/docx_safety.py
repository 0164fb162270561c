"""Word files from outside planwriter (user templates, letterheads): checked before they are opened,
and cleaned in every export.

Checks (:func:`check_docx_bytes`), before any part is unpacked: the file is at most
:data:`MAX_FILE_BYTES`, the archive has at most :data:`MAX_PARTS` parts, unpacks to at most
:data:`MAX_UNPACKED_BYTES`, no part is compressed more than :data:`MAX_RATIO` times, and no XML
part declares a DTD or entities (the "billion laughs" and external-entity tricks).

Cleaning (:func:`clean_docx`), on every exported file: the document properties are planwriter's own
(title, author = the sender, subject, language) with nothing inherited from a letterhead or template
(comments, keywords, company, manager, last-modified-by, custom properties, the template name), and
nothing in the file makes Word fetch content from elsewhere when the school opens it: an attached
template, linked pictures or objects, ``file:`` and network links, and ``INCLUDETEXT``,
``INCLUDEPICTURE``, ``LINK``, ``DDE`` and ``IMPORT`` fields are removed (the text a field last showed
is kept). Web links (``http``, ``https``, ``mailto``) stay: Word only follows them when clicked.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from pathlib import Path

from lxml import etree

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_PARTS = 2000
MAX_RATIO = 200
#: Word's limit on the length of a text document property (title, subject, author …).
PROPERTY_LIMIT = 255

_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_SAFE_LINK = re.compile(r"^(https?|mailto):", re.IGNORECASE)
_REMOTE_FIELDS = re.compile(r"^\s*(INCLUDETEXT|INCLUDEPICTURE|INCLUDE|LINK|DDE|DDEAUTO|IMPORT|AUTOTEXTLIST|"
                            r"DATABASE|HYPERLINK\s+\"?(?!https?:|mailto:))", re.IGNORECASE)


class UnsafeDocx(ValueError):
    """A Word file planwriter will not open; ``str()`` is one line for the user."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


# --------------------------------------------------------------------------- checks before opening


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file no larger than ``limit`` (never a pipe or device)."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeDocx("is not a regular file")
    if info.st_size > limit:
        raise UnsafeDocx(f"is too large ({info.st_size // (1024 * 1024)} MB; the limit is "
                         f"{limit // (1024 * 1024)} MB)")
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnsafeDocx(f"is too large (the limit is {limit // (1024 * 1024)} MB)")
    return data


def check_docx_bytes(data: bytes, *, needs: str | None = None) -> None:
    """Raise :class:`UnsafeDocx` unless ``data`` is a Word archive within the limits (module docstring)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UnsafeDocx("is not a Word document (it is not a .docx archive)") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise UnsafeDocx(f"has {len(infos):,} parts inside; a Word document planwriter opens has at most "
                             f"{MAX_PARTS:,}")
        total = sum(i.file_size for i in infos)
        if total > MAX_UNPACKED_BYTES:
            raise UnsafeDocx(f"unpacks to {total // (1024 * 1024):,} MB; the limit is "
                             f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB")
        for info in infos:
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise UnsafeDocx(f"has a part ({info.filename}) packed unusually tightly; it may be built "
                                 "to exhaust memory")
        if needs is not None and needs not in archive.namelist():
            raise UnsafeDocx(f"is not a Word document (it has no {needs})")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                with archive.open(info) as part:
                    head = part.read(4096)
                    rest = part.read()
                if _DTD.search(head) or _DTD.search(rest):
                    raise UnsafeDocx(f"declares a DTD or entities in {info.filename}, which Word documents "
                                     "do not need; planwriter does not open it")


def check_docx_file(path: Path) -> None:
    """Check a letterhead or Word template file; raises :class:`UnsafeDocx` (naming the file)."""
    try:
        check_docx_bytes(read_limited(path), needs="word/document.xml")
    except UnsafeDocx as error:
        raise UnsafeDocx(f"The Word file {path.name} {error}") from None
    except OSError as error:
        raise UnsafeDocx(f"The Word file {path.name} cannot be read ({error.strerror})") from None


# --------------------------------------------------------------------------- cleaning exports


def fit_property(value: str, limit: int = PROPERTY_LIMIT) -> str:
    """A document property value within Word's length limit (cut at a word, with “…”)."""
    value = " ".join(value.split())
    if len(value) <= limit:
        return value
    cut = value[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;-") + "…"


def clean_docx(
    data: bytes, *, title: str, author: str, subject: str = "", language: str = "en-US"
) -> tuple[bytes, list[str]]:
    """Return ``data`` with clean properties and no external references, and notices of what was
    removed (empty when there was nothing to remove). Raises :class:`UnsafeDocx` for a broken file."""
    try:
        return _clean_docx(data, title=title, author=author, subject=subject, language=language)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, KeyError, ValueError) as error:
        if isinstance(error, UnsafeDocx):
            raise
        raise UnsafeDocx(f"The finished document could not be checked before saving "
                         f"({type(error).__name__})") from None


def _clean_docx(data: bytes, *, title: str, author: str, subject: str, language: str) -> tuple[bytes, list[str]]:
    notices: list[str] = []
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {info.filename: source.read(info) for info in source.infolist()}
    order = [info for info in source.infolist()]
    source.close()
    removed_ids: dict[str, set[str]] = {}
    inherited = False

    for name in list(parts):
        if not name.endswith(".rels"):
            continue
        tree = etree.fromstring(parts[name], _parser())
        owner = _owner_of_rels(name)
        for rel in list(tree):
            if rel.get("TargetMode") != "External":
                continue
            target = rel.get("Target", "")
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            if kind == "hyperlink" and _SAFE_LINK.match(target):
                continue
            tree.remove(rel)
            removed_ids.setdefault(owner, set()).add(rel.get("Id", ""))
            notices.append(_external_notice(kind))
        if owner in removed_ids:
            parts[name] = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)

    for name in list(parts):
        if not (name.startswith("word/") and name.endswith(".xml")) or name.count("/") != 1:
            continue
        ids = removed_ids.get(name, set())
        if not ids and b"instrText" not in parts[name] and b"fldSimple" not in parts[name]:
            continue
        tree = etree.fromstring(parts[name], _parser())
        changed = _drop_references(tree, ids)
        fields = _inert_fields(tree)
        if fields:
            notices.append("fields that would fetch content from another file or the internet were "
                           "turned into plain text")
        if changed or fields:
            parts[name] = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)

    if "docProps/custom.xml" in parts:
        parts.pop("docProps/custom.xml")
        inherited = True
        _forget_part(parts, "docProps/custom.xml")
    if "docProps/app.xml" in parts:
        parts["docProps/app.xml"], changed = _clean_app(parts["docProps/app.xml"])
        inherited = inherited or changed
    core, changed = _core_xml(parts.get("docProps/core.xml"), title, author, subject, language)
    parts["docProps/core.xml"] = core
    inherited = inherited or changed
    if inherited:
        notices.append("details inherited from the letterhead or template (such as its author, company "
                       "or comments) were replaced with this letter's own")

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        written = set()
        for info in order:
            if info.filename in parts and info.filename not in written:
                target.writestr(info.filename, parts[info.filename])
                written.add(info.filename)
        for name, content in parts.items():
            if name not in written:
                target.writestr(name, content)
    return out.getvalue(), sorted(set(notices))


def _owner_of_rels(name: str) -> str:
    folder, _, file = name.rpartition("_rels/")
    return folder + file[: -len(".rels")]


def _external_notice(kind: str) -> str:
    if kind == "attachedTemplate":
        return "the link to the letterhead's own Word template was removed"
    if kind == "image":
        return "pictures linked from another place (not stored in the file) were removed"
    if kind == "hyperlink":
        return "links to files on a computer or network were removed"
    return "links to content outside the document were removed"


def _drop_references(tree: etree._Element, ids: set[str]) -> bool:
    if not ids:
        return False
    changed = False
    for element in list(tree.iter()):
        for attr, value in list(element.attrib.items()):
            if attr.startswith(f"{{{_R}}}") and value in ids:
                tag = etree.QName(element).localname
                parent = element.getparent()
                if tag == "hyperlink" and parent is not None:
                    # Keep the link's text, without the link.
                    index = parent.index(element)
                    for child in list(element):
                        parent.insert(index, child)
                        index += 1
                    parent.remove(element)
                elif tag in {"attachedTemplate", "blip", "imagedata", "OLEObject", "subDoc", "frame",
                             "altChunk", "dataSource", "headerSource", "src"}:
                    del element.attrib[attr]
                    if tag in {"attachedTemplate", "subDoc", "altChunk", "dataSource", "headerSource",
                               "src"} and parent is not None:
                        parent.remove(element)
                else:
                    del element.attrib[attr]
                changed = True
                break
    return changed


def _inert_fields(tree: etree._Element) -> int:
    """Remove remote fields' codes, keeping the text they last showed. Returns how many."""
    w = f"{{{_W}}}"
    count = 0
    for simple in list(tree.iter(w + "fldSimple")):
        if _REMOTE_FIELDS.match(simple.get(w + "instr", "")):
            parent = simple.getparent()
            index = parent.index(simple)
            for child in list(simple):
                parent.insert(index, child)
                index += 1
            parent.remove(simple)
            count += 1
    stack: list[dict] = []
    doomed: list[etree._Element] = []
    for element in list(tree.iter(w + "fldChar", w + "instrText")):
        run = element.getparent()
        if etree.QName(element).localname == "instrText":
            if stack and not stack[-1]["separated"]:
                stack[-1]["instr"] += element.text or ""
                stack[-1]["runs"].append(run)
            continue
        kind = element.get(w + "fldCharType")
        if kind == "begin":
            stack.append({"instr": "", "runs": [run], "separated": False})
        elif kind == "separate" and stack:
            stack[-1]["separated"] = True
            stack[-1]["runs"].append(run)
        elif kind == "end" and stack:
            field = stack.pop()
            field["runs"].append(run)
            if _REMOTE_FIELDS.match(field["instr"]):
                doomed.extend(field["runs"])
                count += 1
                if stack:  # a nested field's code belongs to the outer field's instruction
                    stack[-1]["instr"] += " "
    for run in doomed:
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)
    return count


def _forget_part(parts: dict[str, bytes], part: str) -> None:
    rels = parts.get("_rels/.rels")
    if rels is not None:
        tree = etree.fromstring(rels, _parser())
        for rel in list(tree):
            if rel.get("Target", "").lstrip("/") == part:
                tree.remove(rel)
        parts["_rels/.rels"] = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
    types = parts.get("[Content_Types].xml")
    if types is not None:
        tree = etree.fromstring(types, _parser())
        for item in list(tree):
            if item.get("PartName", "").lstrip("/") == part:
                tree.remove(item)
        parts["[Content_Types].xml"] = etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                                                      standalone=True)


def _clean_app(data: bytes) -> tuple[bytes, bool]:
    tree = etree.fromstring(data, _parser())
    changed = False
    for name in ("Company", "Manager", "Template", "HyperlinkBase"):
        for element in tree.findall(f"{{{_EP}}}{name}"):
            text = (element.text or "").strip()
            if text and not (name == "Template" and text.lower() in {"normal", "normal.dotm", "normal.dot"}):
                changed = True
            tree.remove(element)
    application = tree.find(f"{{{_EP}}}Application")
    if application is not None:
        application.text = "planwriter"
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True), changed


def _core_xml(data: bytes | None, title: str, author: str, subject: str, language: str) -> tuple[bytes, bool]:
    """A fresh core-properties part; True when the old one carried details of its own."""
    keep = {"created", "modified", "revision", "category"}
    changed = False
    old: dict[str, etree._Element] = {}
    if data:
        tree = etree.fromstring(data, _parser())
        for element in tree:
            local = etree.QName(element).localname
            old[local] = element
            text = (element.text or "").strip()
            if local not in keep | {"title", "creator", "subject", "language", "lastModifiedBy"} and text \
                    and not text.startswith(("Drafted with planwriter", "generated by python-docx")):
                changed = True
            if local in {"creator", "lastModifiedBy"} and (element.text or "").strip() not in {
                "", author, "planwriter", "python-docx"}:
                changed = True
    nsmap = {"cp": _CP, "dc": _DC, "dcterms": _DCTERMS, "xsi": _XSI}
    root = etree.Element(f"{{{_CP}}}coreProperties", nsmap=nsmap)

    def add(ns: str, name: str, text: str) -> None:
        element = etree.SubElement(root, f"{{{ns}}}{name}")
        element.text = text

    add(_DC, "title", fit_property(title))
    add(_DC, "subject", fit_property(subject))
    add(_DC, "creator", fit_property(author or "planwriter"))
    add(_CP, "lastModifiedBy", fit_property(author or "planwriter"))
    add(_DC, "language", language)
    for name in ("revision", "category"):
        if name in old and (old[name].text or "").strip():
            add(_CP, name, fit_property(old[name].text or ""))
    for name in ("created", "modified"):
        if name in old:
            element = etree.SubElement(root, f"{{{_DCTERMS}}}{name}")
            element.set(f"{{{_XSI}}}type", "dcterms:W3CDTF")
            element.text = old[name].text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), changed
