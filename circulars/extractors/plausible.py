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
letter may cite old regulations."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..models import Evidence, Letter
from ..thaidate import BE_OFFSET

WINDOW = dt.timedelta(days=366)  # a letter is received within a year of its date
CONF_YEAR_CORRECTED = 0.6
CONF_IMPLAUSIBLE = 0.4


def bounds(letter: Letter) -> tuple[dt.date | None, dt.date | None]:
    """(earliest, latest) plausible date: the newest citation's date, the oldest receipt's."""
    cited = [c.date for c in letter.cites if c.date]
    received = [s.date for s in letter.received if s.date]
    return (max(cited) if cited else None), (min(received) if received else None)


def why_implausible(date: dt.date, earliest: dt.date | None, latest: dt.date | None) -> str | None:
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


def check_date(letter: Letter) -> None:
    """Correct or flag ``letter.date`` when the dates around it make it implausible."""
    if not letter.date:
        return
    earliest, latest = bounds(letter)
    reason = why_implausible(letter.date, earliest, latest)
    if not reason:
        return
    anchor = latest or earliest
    mended = None
    # a year too old: its digits (OCR misreads ๖ ๗ ๘ ๙ as smaller ones: ๒๕๑๘, ๒๕๒๗), not the day
    # or month; a date after its receipt is only flagged (the stamp may be another letter's)
    if letter.date < anchor - WINDOW:
        fits = sorted((abs(d - anchor), d) for y in one_digit_years(letter.date.year)
                      if (d := _with_year(letter.date, y)) and not why_implausible(d, earliest, latest))
        if fits and (len(fits) == 1 or fits[0][0] < fits[1][0]):
            mended = fits[0][1]
    evidence = letter.evidence.get("date") or Evidence(raw="", span=letter.span)
    if mended:
        old, letter.date = letter.date, mended
        factor, note = CONF_YEAR_CORRECTED, f"year corrected from {old.year + BE_OFFSET}: that date is {reason}"
    else:
        factor, note = CONF_IMPLAUSIBLE, f"date {letter.date.isoformat()} is {reason}"
        letter.problems.append(note)
    letter.evidence["date"] = replace(evidence, confidence=round(evidence.confidence * factor, 3), note=note)
