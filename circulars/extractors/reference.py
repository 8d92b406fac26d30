"""Reference numbers (เลขที่หนังสือ) such as ``ที่ มท ๐๘๑๒/ว ๘๙๖๓``.

A letter's number is a two-letter agency code (รหัสตัวพยัญชนะ), an office code with
optional dotted sub-units (``0023.14``, ``0301.10.1``), a slash, an optional series letter
(``ว`` for a circular, others such as ``ป`` are kept) and a running number, which may be
blank (``มท ๐๘๑๒/ว`` waiting to be filled). Orders and announcements use ``ที่ ๑๑๗/๒๕๖๔``
(running number / Buddhist-era year) and military orders ``ที่ ๔๑๒/๖๗``.

Normalised ``text`` (document.schema.json $defs/ref): Arabic digits, prefix + one space +
office, ``/``, then the series letter and the number separated by one space:
``มท 0812/ว 8963``, ``ศธ 04056.12/45``, ``กท 0307/ป 5103``, ``มท 0812/ว`` (blank number).
The dot some writers put after the series letter is dropped: ``ศธ 04009/ว.61`` →
``ศธ 04009/ว 61``. Orders are ``117/2564`` and ``412/67``; their ``number`` is the running
number before the slash (``117``), the year is only in ``text``. A message form numbers its
messages the same way after the agency code (``ที่ กห ๓/๒๕๖๗`` → ``กห 3/2567``).

``raw`` and ``span`` cover the leading ``ที่`` when it is there. Readings of OCR damage,
each lowering ``confidence`` (1.0 otherwise):

* prefix: an unknown prefix one confusable letter away from exactly one agency code is
  corrected (``ขย`` → ``ชย``), ``corrected_from`` keeps what was written (x0.8);
* series letter with a stray vowel or tone mark before the running number (``/วิ ๓๒๑๐``):
  the mark is dropped (x0.8);
* number on a line of its own after blank lines (a stamped number in a wide gap,
  ``ที่ สน ๐๐๑๘.๑/ว\\n\\n10๔๔``): taken when the line holds only digits and the next
  non-blank line does not open with a month name, which would make it a date's day (x0.9);
* number glued to digit look-alike letters (``วส๙๖๖``, ส read for ๘): the first Thai
  letter after the slash is always the series letter; letters after it that the
  glyph table maps to digits are read as those digits when real digits outnumber them
  (x0.6). ``วส๙๖๖`` gives ``ว 8966`` although the letter meant ``ว 8963``: the damaged last
  digit is beyond any rule, and ``link.same_reference`` tolerates one differing digit.

``find_references`` takes order numbers only after ``ที่``, and a prefixed number that has
no ``ที่`` before it (tables: ``มท 0812/ว8963``) only when its prefix is a known or
correctable code or its office starts with 0, as real office codes do.
"""

from __future__ import annotations

import re
from functools import cache

from .. import data
from ..agencies import confusions as _confusions
from ..agencies import correct_prefix
from ..models import Reference
from ..normalize import to_arabic_digits

CIRCULAR = "ว"
CONF_PREFIX_CORRECTED = 0.8
CONF_LONE_NUMBER = 0.9
CONF_DIGITS_RECONSTRUCTED = 0.6

_D = "[0-9๐-๙]"
_THAI = "\u0e00-\u0e7f"
_SP = r"[ \t]*"
_BR = r"[ \t]*\n?[ \t]*"  # spaces with at most one line break
_FOLLOWING_MARKS = "\u0e30-\u0e3a\u0e47-\u0e4e"  # vowels and tone marks written after a consonant
_NOT_AFTER = rf"(?<![{_THAI}\w])"


def _number_part() -> str:
    look = "".join(sorted(_confusions()[1]))
    mixed = f"[0-9๐-๙{look}]"
    months = "|".join(re.escape(x) for _, full, abbr in data.months() for x in (full, abbr))
    damaged = rf"(?P<damaged>(?={mixed}*[{look}]){mixed}{{2,7}})(?![0-9{_THAI}])"
    lone = rf"\n(?:[ \t]*\n){{0,4}}[ \t]*(?P<lone>{_D}+)[ \t]*(?=\n|$)(?!\s*(?:{months}))"
    return rf"(?:{damaged}|(?P<number>{_D}+)|{lone})?"


def _wo_as_two() -> str:
    """A ``ว`` read as the digit two (``พย 0017.3/2 0231``): a lone 2 or ๒ right after the
    slash with a running number after a space, not a day before a month."""
    months = "|".join(re.escape(x) for _, full, abbr in data.months() for x in (full, abbr))
    return rf"(?P<wo>[2๒])(?=[ \t]+{_D}{{1,6}}(?![0-9๐-๙])(?![ \t]*(?:{months})))"


def _stray_mark() -> str:
    """A vowel or tone mark the OCR put on the series letter (``/วิ ๓๒๑๐`` for ``/ว ๓๒๑๐``):
    taken only when a space and the running number follow, so the first letter of a word
    after a blank number (``/ว ลงวันที่``) is never a series."""
    return rf"(?P<stray>[{_FOLLOWING_MARKS}]{{1,2}})(?=[ \t]+{_D})"


@cache
def _pattern() -> re.Pattern[str]:
    letter = (
        rf"(?:{_NOT_AFTER}(?P<thi>ที่){_BR})?(?:(?<=ที่)|{_NOT_AFTER})"
        rf"(?P<prefix>[ก-ฮ]{{2}})\.?{_BR}(?P<office>{_D}{{3,6}}(?:\.{_D}{{1,3}}){{0,3}})"
        rf"{_SP}(?P<slash>/){_SP}(?:(?P<series>[ก-ฮ](?:(?![{_FOLLOWING_MARKS}])\.?|{_stray_mark()})|{_wo_as_two()}){_SP})?"
        + _number_part()
    )
    order = (
        rf"{_NOT_AFTER}ที่{_BR}(?:(?P<oprefix>[ก-ฮ]{{2}})\.?{_BR})?(?P<onum>{_D}{{1,5}}){_SP}/{_SP}"
        rf"(?P<year>[2๒][5๕]{_D}{{2}}|{_D}{{2}})(?![0-9๐-๙/]|\.{_D})"
    )
    return re.compile(f"{letter}|{order}")


def _reconstruct(token: str) -> str | None:
    """``ส๙๖๖`` → ``8966`` when real digits outnumber the look-alike letters, else None."""
    digits = _confusions()[1]
    letters = sum(ch in digits for ch in token)
    if len(token) - letters <= letters:
        return None
    return to_arabic_digits("".join(digits.get(ch, ch) for ch in token))


def _number(m: re.Match[str]) -> tuple[str | None, float, int]:
    """(running number, confidence factor, end offset of the reference)."""
    if m.group("number"):
        return to_arabic_digits(m.group("number")), 1.0, m.end("number")
    if m.group("lone"):
        return to_arabic_digits(m.group("lone")), CONF_LONE_NUMBER, m.end("lone")
    if m.group("damaged"):
        number = _reconstruct(m.group("damaged"))
        if number:
            return number, CONF_DIGITS_RECONSTRUCTED, m.end("damaged")
    return None, 1.0, m.end("series") if m.group("series") else m.end("slash")


def _letter(m: re.Match[str], text: str) -> Reference | None:
    series = CIRCULAR if m.group("wo") else (m.group("series") or "")[:1]  # no dot, no stray mark
    number, confidence, end = _number(m)
    if m.group("wo") or m.group("stray"):
        confidence *= CONF_PREFIX_CORRECTED
    if not series and number is None:
        return None
    written = m.group("prefix")
    code, original = correct_prefix(written)
    prefix = code or written
    office = to_arabic_digits(m.group("office"))
    tail = " ".join(x for x in (series, number) if x)
    agency = data.agency_codes()[code].name if code else None
    if original:
        confidence *= CONF_PREFIX_CORRECTED
    return Reference(raw=text[m.start():end], text=f"{prefix} {office}/{tail}", prefix=prefix, agency=agency,
                     office=office, circular=series == CIRCULAR, number=number, kind="letter",
                     corrected_from=original, span=(m.start(), end), confidence=round(confidence, 3))


def _order(m: re.Match[str]) -> Reference | None:
    """An order's number, or a message's with its agency code before it (``ที่ กห ๓/๒๕๖๗``:
    a running number too short for an office code); an unknown code is no reference."""
    number, year = to_arabic_digits(m.group("onum")), to_arabic_digits(m.group("year"))
    if not m.group("oprefix"):
        return Reference(raw=m.group(0), text=f"{number}/{year}", number=number, kind="order", span=m.span())
    code, original = correct_prefix(m.group("oprefix"))
    if not code:
        return None
    return Reference(raw=m.group(0), text=f"{code} {number}/{year}", prefix=code, agency=data.agency_codes()[code].name,
                     number=number, kind="order", corrected_from=original, span=m.span(),
                     confidence=CONF_PREFIX_CORRECTED if original else 1.0)


def _build(m: re.Match[str], text: str) -> Reference | None:
    return _order(m) if m.group("onum") else _letter(m, text)


def parse_reference(raw: str) -> Reference | None:
    """One reference, with or without the leading ที่; None if ``raw`` is not (only) one.
    The span is relative to ``raw`` stripped of surrounding whitespace."""
    s = raw.strip()
    m = _pattern().fullmatch(s)
    ref = _build(m, s) if m else None
    return ref if ref and ref.span == (0, len(s)) else None


def _plausible(m: re.Match[str], ref: Reference) -> bool:
    """A number without ที่ before it must look like a letter number (known code or office 0…)."""
    return bool(ref.kind == "order" or m.group("thi") or ref.agency or (ref.office or "").startswith("0"))


def find_references(text: str) -> list[Reference]:
    """Every reference number in ``text``, in order, non-overlapping, spans into ``text``."""
    out = []
    for m in _pattern().finditer(text):
        ref = _build(m, text)
        if ref and _plausible(m, ref):
            out.append(ref)
    return out
