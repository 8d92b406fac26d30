"""Buddhist-era dates as Thai official letters write them.

``find_dates`` reads every date in a text: ``๒๗ ตุลาคม ๒๕๖๖``, ``๒๗ ต.ค. ๖๖``, ``วันพุธที่ ๔ ตุลาคม ๒๕๖๖``,
``๒๖/๖/๒๕๖๕``, ranges (``๘ ต.ค.-๒๐ ธ.ค. ๖๗``, ``ระหว่าง ๒๗ - ๒๙ มกราคม ๒๕๖๘``), months
(``ภายในเดือนตุลาคม ๒๕๖๖``) and the time that may follow (``เวลา ๐๙.๐๐ - ๑๔.๐๐ น.``).
A date that cannot exist is returned with its reason and never guessed; ``parse_date`` raises
``InvalidDateError`` instead. Month and weekday names come from ``circulars.data``; the few
grammar words (วันที่, เดือน, เวลา, พ.ศ. …) are the ``[dates]`` table of ``data/keywords.toml``.

A match's span starts at its ``วันที่``/``วันพุธที่`` prefix when there is one (so the word before
it, such as ภายใน or ลง, is the context) and ends after an attached time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from . import data
from .errors import InvalidDateError
from .normalize import to_arabic_digits, to_thai_digits

BE_OFFSET = 543
BE_YEARS = range(2400, 2701)
CE_YEARS = range(1900, 2158)
# A missing year is the one that puts the date in the year-long window from about two months
# before the reference (the letter's date) to about ten months after it.
FUTURE_DAYS = 304
PAST_DAYS = 61
MAX_FISCAL_SPAN = 10
YEAR_MISSING = "year missing"
_BACKWARDS = "range ends before it starts"


_DIGIT = "[0-9\u0e50-\u0e59]"
_THAI_LETTER = "\u0e01-\u0e4f"
_CONSONANT = "\u0e01-\u0e2e"
_SP = "[ \\t]"
_DASH = "-\u2013\u2014"
_GAP = f"{_SP}*(?:\\n{_SP}*){{0,3}}"  # day, then up to three line breaks, then the month


@dataclass(frozen=True)
class DateMatch:
    date: dt.date | None  # None only when error is set
    raw: str  # the exact substring matched
    span: tuple[int, int]  # offsets into the text searched
    time: str | None = None  # "HH:MM" when a time follows
    end_time: str | None = None  # "14:00" in "เวลา ๐๙.๐๐ - ๑๔.๐๐ น."
    start: dt.date | None = None  # a range's first day
    precision: str = "day"  # "day" | "month" (a month alone: its last day)
    year_inferred: bool = False  # the year was missing and taken from the reference date
    weekday_mismatch: bool = False  # a written weekday contradicts the date
    error: str | None = None  # why the written date cannot exist


@dataclass
class _Parts:
    day: int | None  # None: the whole month
    month: int
    year: int | None = None  # Common Era
    year_error: str | None = None
    weekday: int | None = None


@dataclass(frozen=True)
class _Result:
    date: dt.date | None
    start: dt.date | None = None
    inferred: bool = False
    error: str | None = None
    mismatch: bool = False
    precision: str = "day"


# ---------------------------------------------------------------- words and patterns


@cache
def _words() -> dict[str, list[str]]:
    return {k: list(v) for k, v in data.keywords()["dates"].items()}


def _dotted(word: str) -> str:
    """'ต.ค.' → a pattern for ต.ค. / ต.ค / ตค / ต. ค. (dots optional, a space after a dot)."""
    parts = [re.escape(p) for p in word.split(".") if p]
    return f"(?:\\.{_SP}?)?".join(parts) + ("\\.?" if word.endswith(".") else "")


def _alt(patterns: list[str]) -> str:
    return "(?:" + "|".join(patterns) + ")"


def _word_alt(key: str) -> str:
    words = sorted(_words()[key], key=len, reverse=True)
    return _alt([_dotted(w) if "." in w else re.escape(w) for w in words])


def _squash(text: str) -> str:
    return re.sub(r"[.\s]", "", text)


@cache
def _month_numbers() -> dict[str, int]:
    out: dict[str, int] = {}
    for number, full, abbr in data.months():
        out[full] = number
        out[_squash(abbr)] = number
    return out


@cache
def _weekday_numbers() -> dict[str, int]:
    return {name: number for number, name, _abbr in data.weekdays()}


def _month_pattern() -> str:
    fulls = sorted((re.escape(full) for _n, full, _a in data.months()), key=len, reverse=True)
    abbrs = sorted((a for _n, _f, a in data.months()), key=lambda a: -len(_squash(a)))
    # an abbreviation is not part of a longer word: ก.พ.ร. and ก.ค.ศ. are agencies, not months
    tail = f"(?![{_THAI_LETTER}]|\\.[{_THAI_LETTER}])"
    return _alt(fulls + [_dotted(a) + tail for a in abbrs])


def _prefix(n: int) -> str:
    """Optional วันที่ or วัน<weekday>ที่ before a day."""
    w = {k: _word_alt(k) for k in ("day", "ordinal")}
    weekdays = _alt(sorted((re.escape(name) for name in _weekday_numbers()), key=len, reverse=True))
    # a wrapped line may fall between วันศุกร์ที่ and its day number
    gap = f"{_SP}*\\n?{_SP}*"
    named = f"{w['day']}{_SP}?(?P<wd{n}>{weekdays}){_SP}?(?:{w['ordinal']}{gap})?"
    return f"(?:{named}|{w['day']}{w['ordinal']}{gap})?"


def _day(n: int) -> str:
    return f"(?<![0-9\u0e50-\u0e59./])(?P<d{n}>{_DIGIT}{{1,2}})(?!{_DIGIT})"


def _month(n: int) -> str:
    return f"(?P<m{n}>{_month_pattern()})"


def _year(n: int) -> str:
    era = _alt([_word_alt("be"), _word_alt("ce")])
    not_more = f"(?!{_DIGIT}|[.:]{_DIGIT})"  # ๑๖.๓๐ after a month is a time, not a year
    # a wrapped line may put the year on the next line; then only a 4-digit year (or พ.ศ. …) counts
    wrapped = f"(?:\\n{_SP}*(?=(?:{era}){_SP}*{_DIGIT}{{4}}|{_DIGIT}{{4}}(?!{_DIGIT})))?"
    return f"{_SP}*{wrapped}(?:(?P<era{n}>{era}){_SP}*)?(?P<y{n}>{_DIGIT}{{2,}}){not_more}"


def _sep() -> str:
    return f"{_SP}*\\n?{_SP}*(?:[{_DASH}]|{_word_alt('to')}){_SP}*\\n?{_SP}*"


def _month_lead(n: int) -> str:
    """A month standing alone: after เดือน, or not inside a longer word."""
    return f"(?:{_word_alt('month')}{_SP}*|(?<![{_THAI_LETTER}.])){_month(n)}"


def _time_suffix() -> str:
    clock = f"{_DIGIT}{{1,2}}[.:]{_DIGIT}{{2}}(?!{_DIGIT})|{_DIGIT}{{4}}(?!{_DIGIT})"
    bare = f"{_DIGIT}{{1,2}}[.:]{_DIGIT}{{2}}(?!{_DIGIT}|[.:]{_DIGIT})"
    unit = f"(?:{_SP}*{_word_alt('hour')}(?![{_THAI_LETTER}]))?"
    said = f"{_SP}*\\n?{_SP}*(?:[{_THAI_LETTER}]{{1,7}}{_SP}?)?{_word_alt('time')}{_SP}*(?P<t1>{clock})"
    until = f"{_SP}*(?:[{_DASH}]|{_word_alt('to')}(?:{_word_alt('time')})?){_SP}*(?P<t3>{clock}){unit}"
    return f"(?P<time>(?:{said}|{_SP}+(?P<t2>{bare})){unit}(?:{until})?)"


@cache
def _date_regex(ranges: bool) -> re.Pattern[str]:
    day_range = (
        f"{_prefix(1)}{_day(1)}(?:{_GAP}{_month(1)}(?:{_year(1)})?)?{_sep()}"
        f"{_prefix(2)}{_day(2)}{_GAP}{_month(2)}(?:{_year(2)})?"
    )
    single = f"{_prefix(3)}{_day(3)}{_GAP}{_month(3)}(?:{_year(3)})?"
    numeric = (
        f"{_prefix(4)}(?<![0-9\u0e50-\u0e59./])(?P<nd>{_DIGIT}{{1,2}})/(?P<nm>{_DIGIT}{{1,2}})/"
        f"(?P<ny>{_DIGIT}{{4}}|{_DIGIT}{{2}})(?!{_DIGIT}|/|\\.{_DIGIT})"
    )
    month_range = f"{_month_lead(5)}(?:{_year(5)})?{_sep()}{_month_lead(6)}{_year(6)}"
    month = (
        f"(?:{_word_alt('month')}{_SP}*{_month(7)}(?:{_year(7)})?"
        f"|(?<![{_THAI_LETTER}.]){_month(8)}{_year(8)})"
    )
    # a military date-time group: day, hour and minute in six digits before the month (๒๐๑๔๓๐ พ.ย. ๖๙)
    hhmm = f"(?:[01\u0e50\u0e51]{_DIGIT}|[2\u0e52][0-3\u0e50-\u0e53])[0-5\u0e50-\u0e55]{_DIGIT}"
    dd = f"(?:[0-2\u0e50-\u0e52]{_DIGIT}|[3\u0e53][01\u0e50\u0e51])"
    group = f"(?<![0-9\u0e50-\u0e59./])(?P<gd>{dd})(?P<gt>{hhmm}){_SP}*{_month(9)}(?:{_year(9)})?"
    kinds = [("G", group), ("R", day_range), ("S", single), ("N", numeric), ("MR", month_range), ("M", month)]
    if not ranges:
        kinds = [k for k in kinds if k[0] not in ("R", "MR")]
    body = "|".join(f"(?P<{name}>{pattern})" for name, pattern in kinds)
    return re.compile(f"(?P<date>{body})(?:{_time_suffix()})?")


@cache
def _time_regex() -> re.Pattern[str]:
    clock = f"{_DIGIT}{{1,2}}[.:]{_DIGIT}{{2}}|{_DIGIT}{{4}}"
    unit = f"(?:\\s*{_word_alt('hour')})"
    return re.compile(
        f"\\s*(?P<said>{_word_alt('time')}\\s*)?(?P<t1>{clock})(?P<u1>{unit})?"
        f"(?:\\s*(?:[{_DASH}]|{_word_alt('to')}(?:{_word_alt('time')})?)\\s*(?P<t2>{clock}){unit}?)?\\s*"
    )


@cache
def _fiscal_regex() -> re.Pattern[str]:
    be = f"(?:{_word_alt('be')}{_SP}*)?"
    year = f"(?<!{_DIGIT}){_DIGIT}{{2,4}}(?!{_DIGIT})"
    joiner = f"(?P<sep>[{_DASH},]|{_word_alt('and')}|{_word_alt('to')})"
    return re.compile(
        f"{_word_alt('fiscal_year')}{_SP}*{be}(?P<y1>{year})(?:{_SP}*{joiner}{_SP}*{be}(?P<y2>{year}))?"
    )


_LOOSE_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")
# a d/m/y shape after an agency code or the ว of a circular number is a reference number
_NUMERIC_BLOCKER = re.compile(f"(?:^|[\\s/(])[{_CONSONANT}]{{1,3}}{_SP}*$")


# ---------------------------------------------------------------- years, days, months


def be_year_to_ce(y: int) -> int:
    """2566 → 2023; a two-digit BE year: 67 → 2024. Anything else raises InvalidDateError."""
    if 0 <= y < 100:
        return 2500 + y - BE_OFFSET
    if y in BE_YEARS:
        return y - BE_OFFSET
    raise InvalidDateError(f"{y} is not a Buddhist-era year", str(y))


def _era(text: str | None) -> str | None:
    if not text:
        return None
    key = _squash(text)
    return next((k for k in ("be", "ce") if key in {_squash(w) for w in _words()[k]}), None)


def _parse_year(era: str | None, digits: str | None) -> tuple[int | None, str | None]:
    """(Common Era year, error) from the written year and the พ.ศ./ค.ศ. before it."""
    if digits is None:
        return None, None
    digits = to_arabic_digits(digits)
    y, kind = int(digits), _era(era)
    if len(digits) == 2 and kind != "ce":
        return 2500 + y - BE_OFFSET, None
    if len(digits) == 4 and y in BE_YEARS and kind != "ce":
        return y - BE_OFFSET, None
    if len(digits) == 4 and y in CE_YEARS and kind != "be":
        return y, None
    return None, f"implausible year {digits}"


def _month_name(month: int) -> str:
    return next(full for number, full, _a in data.months() if number == month)


def _day_error(day: int | None, month: int, year: int | None) -> str | None:
    """Why day/month (of a CE year, or of any year when None) cannot exist, or None."""
    if not 1 <= month <= 12:
        return f"month {month} does not exist"
    if day is None:
        return None
    limit = calendar.monthrange(year if year is not None else 2000, month)[1]
    if 1 <= day <= limit:
        return None
    where = _month_name(month) + (f" {year + BE_OFFSET}" if year is not None else "")
    leap = " (not a leap year)" if month == 2 and day == 29 else ""
    return f"day {day} does not exist in {where}{leap}"


def month_end(year: int, month: int) -> dt.date:
    """Last day of a month; year is CE (a BE year 2400–2700 is converted)."""
    if not 1 <= month <= 12:
        raise InvalidDateError(f"month {month} does not exist", f"{month}/{year}")
    if year in BE_YEARS:
        year -= BE_OFFSET
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _build(p: _Parts, year: int, *, first: bool = False) -> dt.date:
    if p.day is None:
        return dt.date(year, p.month, 1) if first else month_end(year, p.month)
    return dt.date(year, p.month, p.day)


def _infer(p: _Parts, reference: dt.date) -> dt.date | None:
    """The date in the window around the reference; else the nearest that exists."""
    candidates = [
        _build(p, y)
        for y in (reference.year - 1, reference.year, reference.year + 1)
        if _day_error(p.day, p.month, y) is None
    ]
    in_window = [c for c in candidates if -PAST_DAYS < (c - reference).days <= FUTURE_DAYS]
    pool = in_window or candidates
    return min(pool, key=lambda c: abs((c - reference).days)) if pool else None


def _mismatch(p: _Parts, d: dt.date | None) -> bool:
    return p.weekday is not None and d is not None and d.weekday() != p.weekday


# ---------------------------------------------------------------- resolving matches


def _group(m: re.Match[str], name: str) -> str | None:
    return m.group(name) if name in m.re.groupindex else None


def _parts(m: re.Match[str], n: int, *, day: bool = True) -> _Parts:
    month_text = m.group(f"m{n}")
    year, year_error = _parse_year(_group(m, f"era{n}"), _group(m, f"y{n}"))
    wd = _group(m, f"wd{n}")
    return _Parts(
        day=int(to_arabic_digits(m.group(f"d{n}"))) if day else None,
        month=_month_numbers()[_squash(month_text)] if month_text else 0,
        year=year,
        year_error=year_error,
        weekday=_weekday_numbers()[wd] if wd else None,
    )


def _resolve_one(p: _Parts, reference: dt.date | None, precision: str = "day") -> _Result:
    error = p.year_error or _day_error(p.day, p.month, p.year)
    if error:
        return _Result(None, error=error, precision=precision)
    if p.year is not None:
        d = _build(p, p.year)
        return _Result(d, mismatch=_mismatch(p, d), precision=precision)
    if reference is None:
        return _Result(None, error=YEAR_MISSING, precision=precision)
    d = _infer(p, reference)
    if d is None:
        return _Result(None, error=_day_error(p.day, p.month, reference.year), precision=precision)
    return _Result(d, inferred=True, mismatch=_mismatch(p, d), precision=precision)


def _key(p: _Parts) -> tuple[int, int]:
    return p.month, p.day or 0


def _range_end(p1: _Parts, p2: _Parts, reference: dt.date | None) -> _Result:
    """The last day of a range: its own year, the first day's year, or one inferred."""
    if p2.year is None and p1.year is not None:
        p2 = _Parts(p2.day, p2.month, p1.year + (_key(p2) < _key(p1)), None, p2.weekday)
    return _resolve_one(p2, reference, "day" if p2.day is not None else "month")


def _resolve_range(p1: _Parts, p2: _Parts, reference: dt.date | None) -> _Result:
    precision = "day" if p2.day is not None else "month"
    error = p1.year_error or _day_error(p1.day, p1.month, None)
    end = _range_end(p1, p2, reference)
    if error or end.error or end.date is None:
        return _Result(None, error=error or end.error, precision=precision)
    year = p1.year if p1.year is not None else end.date.year - (_key(p1) > _key(p2))
    error = _day_error(p1.day, p1.month, year)
    if error:
        return _Result(None, error=error, precision=precision)
    start = _build(p1, year, first=True)
    if start > end.date:
        return _Result(None, error=_BACKWARDS, precision=precision)
    mismatch = end.mismatch or _mismatch(p1, start)
    return _Result(end.date, start, end.inferred, None, mismatch, precision)


def _day_range(m: re.Match[str], reference: dt.date | None) -> _Result:
    p1, p2 = _parts(m, 1), _parts(m, 2)
    if not m.group("m1"):  # ๒๗ - ๒๙ มกราคม: both days in the one month
        p1.month = p2.month
        if p1.day is not None and p2.day is not None and p1.day > p2.day:
            return _Result(None, error=_BACKWARDS)
    return _resolve_range(p1, p2, reference)


def _numeric(m: re.Match[str], reference: dt.date | None) -> _Result:
    wd = m.group("wd4")
    year, year_error = _parse_year(None, m.group("ny"))
    day, month = int(to_arabic_digits(m.group("nd"))), int(to_arabic_digits(m.group("nm")))
    p = _Parts(day, month, year, year_error, _weekday_numbers()[wd] if wd else None)
    return _resolve_one(p, reference)


def _group_date(m: re.Match[str], reference: dt.date | None) -> _Result:
    p = _parts(m, 9, day=False)
    p.day = int(to_arabic_digits(m.group("gd")))
    return _resolve_one(p, reference)


def _month_only(m: re.Match[str], reference: dt.date | None) -> _Result:
    n = 7 if m.group("m7") else 8
    return _resolve_one(_parts(m, n, day=False), reference, "month")


_RESOLVERS = {
    "G": _group_date,
    "R": _day_range,
    "S": lambda m, ref: _resolve_one(_parts(m, 3), ref),
    "N": _numeric,
    "MR": lambda m, ref: _resolve_range(_parts(m, 5, day=False), _parts(m, 6, day=False), ref),
    "M": _month_only,
}


def _numeric_is_date(m: re.Match[str], text: str) -> bool:
    """Only d/m/y with day ≤ 31 and month ≤ 12, and not a reference number such as ว 12/10/66."""
    day, month = int(to_arabic_digits(m.group("nd"))), int(to_arabic_digits(m.group("nm")))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    start = m.start("nd")
    return not _NUMERIC_BLOCKER.search(text, max(0, start - 12), start)


def _hm(raw: str | None) -> str | None:
    """'๐๙.๐๐' / '9:00' / '0900' → '09:00'; None when not a clock time."""
    if not raw:
        return None
    digits = re.sub("[.:]", "", to_arabic_digits(raw))
    hour, minute = int(digits[:-2]), int(digits[-2:])
    return f"{hour:02d}:{minute:02d}" if hour <= 23 and minute <= 59 else None


def _times(m: re.Match[str]) -> tuple[str | None, str | None, int]:
    """(time, end time, end of the match); an impossible time is left out of the match."""
    if m.group("time") is None:
        return None, None, m.end()
    first = _hm(m.group("t1") or m.group("t2"))
    last = _hm(m.group("t3")) if m.group("t3") else None
    if first is None or (m.group("t3") and last is None):
        return None, None, m.end("date")
    return first, last, m.end()


def _to_match(m: re.Match[str], text: str, reference: dt.date | None) -> DateMatch | None:
    kind = next(k for k in _RESOLVERS if k in m.re.groupindex and m.group(k) is not None)
    if kind == "N" and not _numeric_is_date(m, text):
        return None
    r = _RESOLVERS[kind](m, reference)
    time, end_time, end = _times(m)
    if kind == "G" and time is None:
        time = _hm(m.group("gt"))
    return DateMatch(
        date=r.date if r.error is None else None,
        raw=text[m.start() : end],
        span=(m.start(), end),
        time=time,
        end_time=end_time,
        start=r.start if r.error is None else None,
        precision=r.precision,
        year_inferred=r.inferred and r.error is None,
        weekday_mismatch=r.mismatch and r.error is None,
        error=r.error,
    )


# ---------------------------------------------------------------- public functions


def find_dates(text: str, *, reference: dt.date | None = None, ranges: bool = True) -> list[DateMatch]:
    """Every date in ``text``, in order and non-overlapping. A date that cannot exist (or has no
    year and no reference to take one from) comes back with ``error`` set and ``date`` None.
    With ``ranges`` a range is one match whose ``start`` is its first day and ``date`` its last."""
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    out = []
    for m in _date_regex(ranges).finditer(text):
        found = _to_match(m, text, reference)
        if found is not None:
            out.append(found)
    return out


def parse_date(text: str, *, reference: dt.date | None = None) -> dt.date:
    """One date (a weekday or วันที่ before it, พ.ศ., a time after it, spaces around it are fine).
    Raises InvalidDateError with the reason when it cannot exist or cannot be read."""
    stripped = text.strip()
    found = find_dates(stripped, reference=reference)
    if len(found) == 1 and found[0].span == (0, len(stripped)):
        match = found[0]
        if match.error:
            raise InvalidDateError(match.error, text)
        if match.start is not None:
            raise InvalidDateError("a range, not one date", text)
        assert match.date is not None
        return match.date
    loose = _LOOSE_NUMERIC.fullmatch(to_arabic_digits(stripped))
    if loose:
        day, month, digits = int(loose[1]), int(loose[2]), loose[3]
        year, year_error = _parse_year(None, digits)
        raise InvalidDateError(year_error or _day_error(day, month, year) or "not a date", text)
    if not found:
        raise InvalidDateError("not a date", text)
    raise InvalidDateError("more than one date" if len(found) > 1 else "extra text around the date", text)


def parse_time(text: str) -> str | None:
    """'๐๙.๐๐ น.' → '09:00', '14.34' → '14:34', 'เวลา ๑๓๐๐' → '13:00'; the start of a
    'เวลา ๐๙.๐๐ - ๑๔.๐๐ น.' range; None when it is not a valid time."""
    span = parse_time_range(text)
    return span[0] if span else None


def parse_time_range(text: str) -> tuple[str, str | None] | None:
    """'เวลา ๐๙.๐๐ - ๑๔.๐๐ น.' → ('09:00', '14:00'); one time → (time, None); else None."""
    m = _time_regex().fullmatch(text)
    if not m:
        return None
    if re.fullmatch(f"{_DIGIT}{{4}}", m.group("t1")) and not (m.group("said") or m.group("u1")):
        return None  # a bare four-digit number is a time only after เวลา or before น.
    first, last = _hm(m.group("t1")), _hm(m.group("t2"))
    if first is None or (m.group("t2") and last is None):
        return None
    return first, last


def fiscal_year_bounds(be_year: int) -> tuple[dt.date, dt.date]:
    """Thai government fiscal year: 2567 → (2023-10-01, 2024-09-30)."""
    ce = be_year_to_ce(be_year)
    return dt.date(ce - 1, 10, 1), dt.date(ce, 9, 30)


def _fiscal_be(digits: str) -> int | None:
    digits = to_arabic_digits(digits)
    y = int(digits)
    if len(digits) == 2:
        return 2500 + y
    if len(digits) == 4 and y in BE_YEARS:
        return y
    if len(digits) == 4 and y in CE_YEARS:
        return y + BE_OFFSET
    return None


def _fiscal_years_of(m: re.Match[str]) -> list[int]:
    first = _fiscal_be(m.group("y1"))
    last = _fiscal_be(m.group("y2")) if m.group("y2") else None
    if first is None:
        return []
    if last is None:
        return [first]
    if m.group("sep") in {",", *_words()["and"]}:
        return [first, last]
    if 0 < last - first <= MAX_FISCAL_SPAN:
        return list(range(first, last + 1))
    return [first]


def find_fiscal_years(text: str) -> list[tuple[int, dt.date, dt.date, tuple[int, int]]]:
    """(BE year, first day, last day, span) for 'ปีงบประมาณ พ.ศ. ๒๕๖๗', 'ประจำปีงบประมาณ ๒๕๖๗',
    'ปีงบประมาณ 2567'; 'ปีงบประมาณ พ.ศ. ๒๕๖๓ และ ๒๕๖๔' gives both years with the phrase's span."""
    out = []
    for m in _fiscal_regex().finditer(text):
        for year in _fiscal_years_of(m):
            first, last = fiscal_year_bounds(year)
            out.append((year, first, last, m.span()))
    return out


def thai_display(d: dt.date, *, thai_digits: bool = True) -> str:
    """2023-11-01 → '๑ พ.ย. ๒๕๖๖' (or '1 พ.ย. 2566')."""
    abbr = next(a for number, _f, a in data.months() if number == d.month)
    text = f"{d.day} {abbr} {d.year + BE_OFFSET}"
    return to_thai_digits(text) if thai_digits else text
