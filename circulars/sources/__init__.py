"""Source engines: each turns one kind of file into pages of text.

``choose_source`` checks the file (exists, not empty, not over ``config.max_file_bytes``),
reads its first bytes and asks every engine for a score; magic bytes score higher than a
file name's suffix, so a PDF named ``.txt`` is read as a PDF. ``read_source`` chooses and
reads. Engines: text, docx, pdf (OCR for pages without a usable text layer), image (OCR)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..config import Config
from ..errors import EmptyInputError, FileTooLargeError, UnsupportedFormatError, UsageError
from .base import OLE_MAGIC, Source, SourceResult, sane_share
from .docx import DocxSource
from .image import ImageSource
from .null import NullSource
from .pdf import PdfSource
from .text import TextSource

__all__ = [
    "DEFAULT_SOURCES",
    "DocxSource",
    "ImageSource",
    "NullSource",
    "PdfSource",
    "Source",
    "SourceResult",
    "TextSource",
    "choose_source",
    "read_source",
    "sane_share",
]

HEAD_BYTES = 8192
DEFAULT_SOURCES: tuple[Source, ...] = (PdfSource(), DocxSource(), TextSource(), ImageSource())


def _size(path: Path, config: Config) -> int:
    if not path.is_file():
        raise UsageError("no such file" if not path.exists() else "not a regular file", path=path)
    size = path.stat().st_size
    if size == 0:
        raise EmptyInputError("the file is empty (0 bytes)", path=path)
    if size > config.max_file_bytes:
        raise FileTooLargeError(f"{size} bytes, more than the limit of {config.max_file_bytes}", path=path)
    return size


def _unsupported(path: Path, head: bytes) -> UnsupportedFormatError:
    if head.startswith(OLE_MAGIC):
        return UnsupportedFormatError("a legacy Office file (.doc/.xls): save it as .docx or PDF", path=path)
    return UnsupportedFormatError(
        f"not a text, DOCX or PDF file (suffix {path.suffix or 'none'!r}, starts with {head[:8]!r})",
        path=path,
    )


def choose_source(path: Path, config: Config, sources: Sequence[Source] | None = None) -> Source:
    """The engine with the highest score for this file."""
    path = Path(path)
    _size(path, config)
    with path.open("rb") as f:
        head = f.read(HEAD_BYTES)
    best, best_score = None, 0
    for source in DEFAULT_SOURCES if sources is None else sources:
        score = source.score(path, head)
        if score > best_score:
            best, best_score = source, score
    if best is None:
        raise _unsupported(path, head)
    return best


def read_source(path: Path, config: Config, sources: Sequence[Source] | None = None) -> SourceResult:
    """Choose the engine for this file and read its pages."""
    path = Path(path)
    return choose_source(path, config, sources).read(path, config)
