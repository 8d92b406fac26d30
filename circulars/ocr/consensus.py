"""Abbreviations on OCR pages mended from the rest of the document.

A unit's abbreviation (``ศซบ.ทหาร``, ``กธก.ศซบ.ทหาร``) is written many times in one file: the
header, the recipients, the signature blocks, the forwarding letters. OCR misreads a few of
the copies by one glyph: a look-alike (``ศชบ`` for ``ศซบ``: ช and ซ differ by a notch), a glyph
doubled with its look-alike (``ศชซบ``), a leader dot glued under a consonant read as a vowel
(``ศซูบ``). A piece of a dotted abbreviation that is one such step from a piece written at
least ``AGREE`` times, and at least ``LEAD`` times as often as itself, in the same file, is
taken for that piece (``ลขชท.รอง`` once beside ``ลชท.รอง`` twice). Only pieces of dotted
abbreviations are counted and changed (text between dots, or before or after one), never
running words; text-layer pages are counted but left as they are. The look-alike pairs are
those of ``data/glyph_confusions.tsv`` but ล/ส (``DISTINCT``)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from .. import data

AGREE = 2  # copies of a form before it can mend others (3 mends 4 fields fewer on the real scans)
LEAD = 2  # it must be written this many times as often as the copy it mends
STRAY_BELOW = "\u0e38\u0e39"  # ุ ู: what a leader dot under a consonant is read as
_THAI = "\u0e01-\u0e4e"
_PIECE = re.compile(rf"(?<![{_THAI}])[{_THAI}]{{2,8}}(?![{_THAI}])")


DISTINCT = {("ล", "ส")}  # both spellings are common units (สลก. and สสก. on one list): never merged


@cache
def lookalikes() -> frozenset[tuple[str, str]]:
    """Ordered pairs of Thai consonants OCR confuses (both directions)."""
    pairs = [(a, b) for a, b in data.glyph_confusions()
             if "ก" <= a <= "ฮ" and "ก" <= b <= "ฮ" and (a, b) not in DISTINCT and (b, a) not in DISTINCT]
    return frozenset(pairs + [(b, a) for a, b in pairs])


def one_step(copy: str, form: str) -> bool:
    """``copy`` is ``form`` with one glyph misread: a look-alike in its place, a look-alike
    doubled beside it, or a stray below vowel added."""
    return form in neighbours(copy)


def neighbours(copy: str) -> set[str]:
    """The forms ``copy`` is one misread glyph away from (see :func:`one_step`)."""
    out = {copy[:i] + b + copy[i + 1 :] for i, ch in enumerate(copy) for a, b in lookalikes() if a == ch}
    for i, ch in enumerate(copy):
        beside = {copy[j] for j in (i - 1, i + 1) if 0 <= j < len(copy)}
        if ch in STRAY_BELOW or any((ch, b) in lookalikes() for b in beside):
            out.add(copy[:i] + copy[i + 1 :])
    out.discard(copy)
    return out


def abbreviation_pieces(text: str) -> list[re.Match]:
    """Runs of Thai characters with a full stop right before or after them (ผช.ผอ.กรภ.)."""
    return [m for m in _PIECE.finditer(text)
            if text[m.end() : m.end() + 1] == "." or text[m.start() - 1 : m.start()] == "."]


def mending(counts: Counter) -> dict[str, str]:
    """copy → form for the pieces a far more frequent form mends (each piece's few
    neighbours looked up, not every pair of pieces compared: a long file has thousands)."""
    out = {}
    for copy, n in counts.items():
        forms = [f for f in neighbours(copy) if counts.get(f, 0) >= max(AGREE, LEAD * n)]
        if len(forms) == 1:
            out[copy] = forms[0]
    return out


def mend_abbreviations(texts: list[str], ocr: list[bool]) -> list[str]:
    """The pages' texts with the abbreviation pieces of OCR pages mended (see the module text)."""
    if not any(ocr):
        return texts
    counts = Counter(m.group(0) for t in texts for m in abbreviation_pieces(t))
    fix = mending(counts)
    if not fix:
        return texts
    out = []
    for text, read in zip(texts, ocr, strict=True):
        if read:
            for m in reversed(abbreviation_pieces(text)):
                if m.group(0) in fix:
                    text = text[: m.start()] + fix[m.group(0)] + text[m.end() :]
        out.append(text)
    return out
