"""The interface every source engine implements, the result it returns, and small helpers
the engines share (magic-byte sniffing, the "sane character" measure of a text layer).

An engine is any object with a ``name``, a ``score(path, head)`` and a ``read(path, config)``
(like OCRmyPDF's engine plugins and Paperless-ngx's parsers chosen by score): the engine
with the highest score for a file reads it; a score of 0 means "cannot read this"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..config import Config
from ..models import Page

METHODS = ("text-layer", "ocr", "docx", "text", "mixed")

# Scores: a match on magic bytes beats a match on the file name's suffix alone.
MAGIC = 100
CONTENT = 40
SUFFIX = 10

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc, or an encrypted .docx
IMAGE_MAGICS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF87a", b"GIF89a")
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp", ".webp"})

# Characters a real Thai/English text layer is made of. Everything else (private-use
# glyph codes, Latin-1 mojibake of TIS-620 bytes, control characters) counts against it.
_SANE = re.compile(r"[\u0e01-\u0e5b\x20-\x7e\s“”‘’–—•…]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass
class SourceResult:
    pages: list[Page]
    method: str  # one of METHODS
    needs_ocr: list[int] = field(default_factory=list)  # 1-based pages without a usable text layer
    warnings: list[str] = field(default_factory=list)
    encoding: str | None = None  # text files only
    # OCR pages only: page number → the recognised units with boxes and confidences
    # (circulars.ocr.Word), so that fields can get confidences from the words they came from.
    ocr_words: dict[int, list] = field(default_factory=dict)


@runtime_checkable
class Source(Protocol):
    name: str

    def score(self, path: Path, head: bytes) -> int: ...

    def read(self, path: Path, config: Config) -> SourceResult: ...


def sane_share(text: str) -> float:
    """Share of the non-space characters of ``text`` that are Thai, printable ASCII or
    common punctuation; 1.0 for text without non-space characters."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 1.0
    return sum(1 for c in chars if _SANE.match(c)) / len(chars)


def visible_count(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def clean_page_text(text: str) -> str:
    """LF line ends, no control characters, no form feed (form feeds separate pages)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return _CONTROL.sub("", text)
