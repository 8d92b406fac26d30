"""Plain text files: UTF-8 (with or without BOM), UTF-16/32 with a BOM, Thai TIS-620 /
Windows-874, and as a last resort whatever charset-normalizer recognises.

Decoding order: byte-order mark; strict UTF-8; TIS-620/cp874 when the non-ASCII bytes
are nearly all in the Thai range (0xA1–0xFB, plus cp874's quotes and dashes);
charset-normalizer. NUL bytes without a BOM, or text that decodes to mostly
non-printable characters, are binary data → EncodingError. A form feed starts a page."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from ..config import Config
from ..errors import EmptyInputError, EncodingError
from ..models import Page
from .base import CONTENT, SUFFIX, SourceResult, clean_page_text

TEXT_SUFFIXES = frozenset({".txt", ".text"})
# UTF-32 LE before UTF-16 LE: FF FE 00 00 starts with FF FE.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CP874_PUNCT = frozenset({0x80, 0x85, *range(0x91, 0x98)})  # € … ‘ ’ “ ” • – —
MIN_THAI_SHARE = 0.9
MIN_PRINTABLE = 0.95
BOM_SCORE = 60


def bom_encoding(data: bytes) -> str | None:
    return next((name for bom, name in BOMS if data.startswith(bom)), None)


def thai_byte_share(data: bytes) -> float:
    """Share of the bytes ≥ 0x80 that are TIS-620 Thai letters or cp874 punctuation."""
    high = [b for b in data if b >= 0x80]
    if not high:
        return 0.0
    return sum(1 for b in high if 0xA1 <= b <= 0xFB or b in _CP874_PUNCT) / len(high)


def printable_share(text: str) -> float:
    if not text:
        return 1.0
    ok = sum(1 for c in text if c.isprintable() or c.isspace() or unicodedata.category(c) == "Cf")
    return ok / len(text)


def _utf8_prefix_ok(head: bytes) -> bool:
    """Strict UTF-8, allowing a multi-byte character cut off at the end of the head."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as e:
        return e.reason == "unexpected end of data" and e.start >= len(head) - 3
    return True


def looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    if _utf8_prefix_ok(head):
        return printable_share(head.decode("utf-8", "ignore")) >= MIN_PRINTABLE
    if thai_byte_share(head) >= MIN_THAI_SHARE:
        return printable_share(head.decode("cp874", "replace")) >= MIN_PRINTABLE
    return False


def _decode_bom(data: bytes, encoding: str, path: Path) -> tuple[str, str]:
    try:
        return data.decode(encoding), encoding.removesuffix("-sig")
    except UnicodeDecodeError as e:
        raise EncodingError(
            f"invalid {encoding} after the byte-order mark at byte {e.start}", path=path
        ) from e


def _decode_thai(data: bytes) -> tuple[str, str] | None:
    if thai_byte_share(data) < MIN_THAI_SHARE:
        return None
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        return None
    return text, ("tis-620" if all(b < 0x80 or b >= 0xA1 for b in data) else "cp874")


def _decode_guess(data: bytes, path: Path) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise EncodingError("not text: no known encoding decodes these bytes", path=path)
    return str(best), best.encoding


def decode_bytes(data: bytes, path: Path) -> tuple[str, str]:
    """(text, encoding name) of a text file's bytes, or EncodingError."""
    bom = bom_encoding(data)
    if bom:
        return _decode_bom(data, bom, path)
    if b"\x00" in data:
        raise EncodingError(
            f"binary data, not text: {data.count(0)} NUL bytes and no UTF-16 byte-order mark", path=path
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_thai(data) or _decode_guess(data, path)


def split_pages(text: str) -> list[str]:
    """Form feeds separate pages; a form feed ending the file does not open an empty page."""
    parts = text.split("\f")
    if len(parts) > 1 and not parts[-1].strip():
        parts.pop()
    return parts


class TextSource:
    name = "text"

    def score(self, path: Path, head: bytes) -> int:
        if bom_encoding(head):
            return BOM_SCORE
        if looks_like_text(head):
            return CONTENT
        return SUFFIX if path.suffix.lower() in TEXT_SUFFIXES else 0

    def read(self, path: Path, config: Config) -> SourceResult:
        text, encoding = decode_bytes(path.read_bytes(), path)
        share = printable_share(text)
        if share < MIN_PRINTABLE:
            raise EncodingError(
                f"binary data, not text: only {share:.0%} of the characters decoded as "
                f"{encoding} are printable",
                path=path,
            )
        if not text.strip():
            raise EmptyInputError("the file holds only whitespace", path=path)
        pages = [Page(i, clean_page_text(t), "text") for i, t in enumerate(split_pages(text), 1)]
        return SourceResult(pages=pages, method="text", needs_ocr=[], warnings=[], encoding=encoding)
