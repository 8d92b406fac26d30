"""Agency codes of reference numbers (data/agency_codes*.tsv) and their OCR misreadings:
a code written with one glyph confused for a look-alike (data/glyph_confusions.tsv) is
mapped back to the code when exactly one code is reachable (ขย → ชย)."""

from __future__ import annotations

from functools import cache

from . import data


@cache
def confusions() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """(letter → its confusable letters, letter → the Thai digit it is misread for)."""
    partners: dict[str, set[str]] = {}
    digits: dict[str, str] = {}
    for a, b in data.glyph_confusions():
        if a.isdigit() or b.isdigit():
            digit, letter = (a, b) if a.isdigit() else (b, a)
            digits[letter] = digit
        else:
            partners.setdefault(a, set()).add(b)
            partners.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in partners.items()}, digits


def one_glyph_variants(prefix: str) -> list[str]:
    """``prefix`` with one of its letters replaced by a confusable one, every way."""
    partners = confusions()[0]
    return [prefix[:i] + alt + prefix[i + 1:] for i, ch in enumerate(prefix) for alt in partners.get(ch, ())]


def correct_prefix(prefix: str) -> tuple[str | None, str | None]:
    """(the agency code, the prefix as written when it was corrected).

    A valid code is returned unchanged; an unknown one is corrected only when replacing
    one of its letters by a confusable glyph reaches exactly one code; otherwise (None, None)."""
    codes = data.agency_codes()
    if prefix in codes:
        return prefix, None
    found = {v for v in one_glyph_variants(prefix) if v in codes}
    if len(found) == 1:
        return found.pop(), prefix
    return None, None


@cache
def readable_codes() -> frozenset[str]:
    """Every prefix :func:`correct_prefix` maps to a code: the codes and their misreadings."""
    codes = data.agency_codes()
    misread = {v for c in codes for v in one_glyph_variants(c) if correct_prefix(v)[0]}
    return frozenset(codes) | misread


@cache
def latin_misread_codes() -> frozenset[str]:
    """Codes with one letter written as its Latin look-alike (data/latin_lookalikes.tsv):
    ``ศ5`` for ``ศธ``, as tesseract's English model reads them on a scan."""
    latin_for: dict[str, list[str]] = {}
    for latin, thai in data.latin_lookalikes().items():
        latin_for.setdefault(thai, []).append(latin)
    return frozenset(c[:i] + latin + c[i + 1:] for c in data.agency_codes() for i, ch in enumerate(c)
                     for latin in latin_for.get(ch, ()))
