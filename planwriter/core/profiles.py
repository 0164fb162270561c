"""Sender profiles: the people who sign letters (a parent, or the advocates of one organisation).

Profiles live in the app-data folder (``sender-profiles.json``), not in each case: an advocate
updates a phone number once and every case that uses the profile signs with it. A case names its
profile by id (``Case.sender_profile_id``); choosing a profile also copies its details into the
case's own sender (:func:`apply_profile`), so the case still reads well on a computer that does not
have the profile. When letters are made, :func:`for_rendering` gives the case with the profile's
current details and the profile's letterhead document.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from planwriter.core.atomic import atomic_write_bytes
from planwriter.core.model import Case, Sender, new_id
from planwriter.core.text import Line

log = logging.getLogger(__name__)

PROFILES_NAME = "sender-profiles.json"


class SenderProfile(BaseModel):
    """One sender: name, title, organisation, contact details and signature text (all in ``sender``),
    and the letterhead document (a .docx path; "" for none)."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    id: str = Field(default_factory=new_id)
    sender: Sender = Field(default_factory=Sender)
    letterhead: Line = Field("", title="letterhead document")

    @property
    def label(self) -> str:
        """How the profile is named in lists: "Dana Ortiz, Advocate (Family Advocacy Network)"."""
        s = self.sender
        text = s.name or "(no name yet)"
        if s.title:
            text += f", {s.title}"
        if s.organization:
            text += f" ({s.organization})"
        return text

    def letterhead_path(self) -> Path | None:
        """The letterhead document, or None when none is set or the file is no longer there."""
        if self.letterhead and Path(self.letterhead).is_file():
            return Path(self.letterhead)
        return None


class ProfileBook(BaseModel):
    """All sender profiles of this computer; ``default_id`` is the one new cases start with ("" for none)."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    profiles: list[SenderProfile] = Field(default_factory=list)
    default_id: str = ""

    def get(self, profile_id: str) -> SenderProfile | None:
        if not profile_id:
            return None
        return next((p for p in self.profiles if p.id == profile_id), None)

    def add(self, profile: SenderProfile) -> SenderProfile:
        self.profiles = [*self.profiles, profile]
        return profile

    def remove(self, profile_id: str) -> None:
        """Forget a profile. Cases that used it keep the details copied into them."""
        self.profiles = [p for p in self.profiles if p.id != profile_id]
        if self.default_id == profile_id:
            self.default_id = ""

    def default(self) -> SenderProfile | None:
        return self.get(self.default_id)


def load_profiles(folder: Path) -> ProfileBook:
    """Read the profiles kept in ``folder``; none, or a damaged file, gives an empty book (the file
    is left alone so nothing typed is lost)."""
    path = Path(folder) / PROFILES_NAME
    try:
        return ProfileBook.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return ProfileBook()
    except (OSError, ValueError, ValidationError):
        log.warning("The sender profiles could not be read; starting with none")
        return ProfileBook()


def save_profiles(book: ProfileBook, folder: Path) -> Path:
    """Write the profiles atomically into ``folder`` (created if needed). Raises ``OSError``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = json.dumps(book.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    return atomic_write_bytes(folder / PROFILES_NAME, data.encode("utf-8"))


def apply_profile(case: Case, profile: SenderProfile | None) -> None:
    """Make ``profile`` the sender of ``case``: the case remembers its id and gets a copy of its details.

    ``None`` removes the choice (the case keeps the details it has, which the user may edit).
    """
    if profile is None:
        case.sender_profile_id = ""
        return
    case.sender = profile.sender.model_copy(deep=True)
    case.sender_profile_id = profile.id


def for_rendering(case: Case, book: ProfileBook | None,
                  fallback_letterhead: Path | None = None) -> tuple[Case, Path | None]:
    """The case as its letters are made, and the letterhead document to use.

    When the case's profile is in ``book``, returns a copy of the case whose sender is the profile's
    current details, and the profile's letterhead (or ``fallback_letterhead`` when it has none).
    Otherwise returns ``case`` itself (unchanged) and ``fallback_letterhead``. Never changes ``case``.
    """
    profile = book.get(case.sender_profile_id) if book is not None else None
    if profile is None:
        return case, fallback_letterhead
    copy = case.model_copy(deep=True)
    copy.sender = profile.sender.model_copy(deep=True)
    return copy, profile.letterhead_path() or fallback_letterhead
