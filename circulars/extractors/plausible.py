"""A letter's date checked against the dates around it.

A letter is written before it is received and after the letters it cites: its receiving
stamps (เลขรับ … วันที่) give the latest it can be, and at most ``WINDOW`` before; its
citations (อ้างถึง … ลงวันที่) the earliest. OCR damages the year's digits most (the
Thai model cannot write ๖ ๗ ๘ ๙, and the re-read sometimes misses one: ``๒๕๑๘`` for
``๒๕๖๘``; ๖ ๗ ๘ ๙ are misread as smaller digits, ๖→๒/๐, ๗→๓, ๘ ๙→๕), so a date more than a year too old whose
Buddhist-era year is one digit away from a plausible year takes the plausible year nearest
the bounds, with a note and
a lowered confidence; any other implausible date keeps its value and is flagged (confidence
lowered, a problem listed) for a clerk to check. A citation's date only bounds from below: a
letter may cite old regulations.

Nor is a letter dated after the day it is read (``today``; ``WINDOW`` of slack): such a
date's year is OCR damage (``๕ มี.ค. 9๓`` for ``๕ มี.ค. ๖๗``, both digits misread, read as
2050). It becomes the year the letter writes most elsewhere (in its other dates, after a
number's slash ``๒/๒๕๖๗``, after พ.ศ. or ปี…; the newest of equals) when that year fits,
with a note and a lowered confidence; else it is flagged."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from ..models import Evidence, Letter
from ..normalize import to_arabic_digits
from ..thaidate import BE_OFFSET, BE_YEARS, find_dates

WINDOW = dt.timedelta(days=366)  # a letter is received within a year of its date
CONF_YEAR_CORRECTED = 0.6
CONF_IMPLAUSIBLE = 0.4
# a Buddhist-era year written as one: after a number's slash, พ.ศ., or ปี (งบประมาณ, การศึกษา …)
_YEAR_WRITTEN = re.compile(r"(?:/|พ\.\s?ศ\.|ปี[ก-๙]{0,10})\s*(2[45][0-9]{2})(?![0-9])")


def bounds(letter: Letter) -> tuple[dt.date | None, dt.date | None]:
    """(earliest, latest) plausible date: the newest citation's date, the oldest receipt's."""
    cited = [c.date for c in letter.cites if c.date]
    received = [s.date for s in letter.received if s.date]
    return (max(cited) if cited else None), (min(received) if received else None)


def why_implausible(date: dt.date, earliest: dt.date | None, latest: dt.date | None,
                    today: dt.date | None = None) -> str | None:
    if today and date > today + WINDOW:
        return f"more than a year after the day it was read ({today.isoformat()})"
    if latest and date > latest:
        return f"after its receipt ({latest.isoformat()})"
    if latest and date < latest - WINDOW:
        return f"more than a year before its receipt ({latest.isoformat()})"
    if earliest and date < earliest:
        return f"before a letter it cites ({earliest.isoformat()})"
    return None


def _with_year(date: dt.date, year: int) -> dt.date | None:
    try:
        return date.replace(year=year)
    except ValueError:  # 29 February
        return None


def one_digit_years(year: int) -> list[int]:
    """Common-era years whose Buddhist-era year differs from ``year``'s in one digit."""
    be = str(year + BE_OFFSET)
    out = []
    for i, ch in enumerate(be):
        for d in "0123456789":
            if d != ch:
                out.append(int(be[:i] + d + be[i + 1:]) - BE_OFFSET)
    return out


def years_named(letter: Letter) -> list[int]:
    """Common-era years the letter writes outside its own date: those of its other dates
    (a year taken from context not counted) and Buddhist-era years written as years."""
    text = letter.text
    own = letter.evidence.get("date")
    if own:  # the date itself blanked out
        a, b = (max(0, min(len(text), x - letter.span[0])) for x in own.span)
        text = text[:a] + " " * (b - a) + text[b:]
    years = [m.date.year for m in find_dates(text) if m.date and not m.year_inferred]
    years += [int(y) - BE_OFFSET for y in _YEAR_WRITTEN.findall(to_arabic_digits(text)) if int(y) in BE_YEARS]
    return years


def year_from_text(letter: Letter) -> dt.date | None:
    """The letter's date in the year it writes most elsewhere (the newest of equals)."""
    counts = Counter(years_named(letter))
    if not letter.date or not counts:
        return None
    return _with_year(letter.date, max(counts, key=lambda y: (counts[y], y)))


def check_date(letter: Letter, today: dt.date | None = None) -> None:
    """Correct or flag ``letter.date`` when the dates around it, or ``today`` (default: the
    clock's), make it implausible."""
    if not letter.date:
        return
    today = today or dt.date.today()
    earliest, latest = bounds(letter)
    reason = why_implausible(letter.date, earliest, latest, today)
    if not reason:
        return
    anchor = latest or earliest
    mended = None
    if letter.date > today + WINDOW:
        named = year_from_text(letter)
        mended = named if named and not why_implausible(named, earliest, latest, today) else None
    # a year too old: its digits (OCR misreads ๖ ๗ ๘ ๙ as smaller ones: ๒๕๑๘, ๒๕๒๗), not the day
    # or month; a date after its receipt is only flagged (the stamp may be another letter's)
    elif anchor and letter.date < anchor - WINDOW:
        fits = sorted((abs(d - anchor), d) for y in one_digit_years(letter.date.year)
                      if (d := _with_year(letter.date, y)) and not why_implausible(d, earliest, latest, today))
        if fits and (len(fits) == 1 or fits[0][0] < fits[1][0]):
            mended = fits[0][1]
    if mended:
        _mend(letter, mended, reason)
        return
    note = f"date {letter.date.isoformat()} is {reason}"
    letter.problems.append(note)
    _lower(letter, CONF_IMPLAUSIBLE, note)


def _mend(letter: Letter, mended: dt.date, reason: str) -> None:
    old, letter.date = letter.date, mended
    _lower(letter, CONF_YEAR_CORRECTED, f"year corrected from {old.year + BE_OFFSET}: that date is {reason}")


def _lower(letter: Letter, factor: float, note: str) -> None:
    evidence = letter.evidence.get("date") or Evidence(raw="", span=letter.span)
    letter.evidence["date"] = replace(evidence, confidence=round(evidence.confidence * factor, 3), note=note)


ORDER_YEAR_SLACK = 1  # an order numbered in the year before or after its date (fiscal years)


def _year_digits(year: str, be: int) -> int | None:
    """An order number's year as a full Buddhist-era year (``๖๗`` in the century of ``be``)."""
    if len(year) == 4:
        return int(year)
    if len(year) == 2:
        return be // 100 * 100 + int(year)
    return None


def check_order_year(letter: Letter) -> None:
    """An order number's year (``ที่ ๓๘/๒๕๖๘``) checked against the order's own date: one
    more than a year away whose digits are one from a year that fits is mended (the nearest
    to the date's year, note, confidence × 0.6); any other is flagged."""
    ref = letter.reference
    if not (ref and ref.kind == "order" and letter.date and "/" in ref.text):
        return
    number, _, year = ref.text.partition("/")
    be = letter.date.year + BE_OFFSET
    full = _year_digits(year, be) if year.isdigit() else None
    if full is None or abs(full - be) <= ORDER_YEAR_SLACK:
        return
    fits = sorted((abs(y - be), y) for i in range(len(year)) for d in "0123456789" if d != year[i]
                  for y in [_year_digits(year[:i] + d + year[i + 1:], be)]
                  if y is not None and abs(y - be) <= ORDER_YEAR_SLACK)
    evidence = letter.evidence.get("reference") or Evidence(raw=ref.raw, span=ref.span)
    if fits and (len(fits) == 1 or fits[0][0] < fits[1][0]):
        written = str(fits[0][1])[-len(year):]
        note = f"year corrected from {year}: the order is dated {be}"
        letter.reference = replace(ref, text=f"{number}/{written}", confidence=round(ref.confidence * CONF_YEAR_CORRECTED, 3))
        factor = CONF_YEAR_CORRECTED
    else:
        note = f"order number year {year} does not fit its date ({be})"
        letter.problems.append(note)
        letter.reference = replace(ref, confidence=round(ref.confidence * CONF_IMPLAUSIBLE, 3))
        factor = CONF_IMPLAUSIBLE
    letter.evidence["reference"] = replace(evidence, confidence=round(evidence.confidence * factor, 3), note=note)
