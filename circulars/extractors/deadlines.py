"""Deadline phrases in one sentence, paragraph or item of a letter body.

``find_deadlines`` reads the dates of a text (``circulars.thaidate.find_dates``) and keeps those
the words before them make a due date, plus the recurring and relative phrases that carry no
calendar date. Every deadline's span is relative to the text given. Kinds:

- ``by``: ภายในวันที่ / ไม่เกินวันที่ / ภายในวันจันทร์ที่ … / (ตั้งแต่บัดนี้)ถึงวันที่ … / ภายในเดือน
  ตุลาคม ๒๕๖๖ (a month alone: its last day), with the time when one follows (ก่อนเวลา ๑๖.๓๐ น.).
  ก่อนวันที่ ๒๒ excludes the day itself (due the 21st) unless a time follows it.
- ``range``: ตั้งแต่วันที่ ๔ มิถุนายน - ๓๑ กรกฎาคม ๒๕๖๗, ระหว่าง ๒๗ - ๒๙ มกราคม ๒๕๖๘,
  ระหว่างเดือนมีนาคม - พฤษภาคม ๒๕๖๗, ๘ ต.ค.-๒๐ ธ.ค. ๖๗: ``date`` is the last day, ``start`` the first.
- ``recurring``: ภายในวันที่ ๓๐ ของ(ทุก)เดือน with รายเดือน/รายไตรมาส/ราย ๖ เดือน around it
  (quarters and halves of the fiscal year), ของเดือนถัดไป, ทุกวันที่ ๕, สิ้นเดือน, ทุกวันศุกร์,
  รายสัปดาห์ ภายในวันศุกร์, ทุกวัน ภายในเวลา ๑๘.๐๐ น., วันละ ๒ ครั้ง เวลา …, ภายในวันที่ ๓๑ มีนาคม
  ของทุกปี → an RFC 5545 ``rrule``; ``date`` is the first occurrence the letter states
  (ครั้งแรก … / เริ่มตั้งแต่ …), else the first matching day on or after ``reference``.
- ``relative``: ภายใน ๗ วัน / ภายในสิบห้าวัน / ภายใน ๑๕ วันทำการ / ๒ สัปดาห์ / ๑ เดือน / ๔๘ ชั่วโมง
  นับแต่…: counted from ``received`` when the anchor is the receiving of the letter (business days
  skip weekends and Thai public holidays), from the date the anchor names; else ``date`` None.
  ``anchor`` is always set; ``count_from`` dates one from another base (an event of the letter).
- ``event``: a meeting, training or appointment day (ในวันพุธที่ ๑๑ ตุลาคม ๒๕๖๖ เวลา ๐๙.๐๐ - ๑๔.๐๐ น.):
  a date after วัน…ที่ or with a time and an event word near it, or ในวัน… with a time;
  ``time`` is the start time.

Not deadlines: past and cited dates (เมื่อวันที่, ลงวันที่, ณ วันที่), open-ended availability
(ตั้งแต่วันที่ … เป็นต้นไป), fiscal years (ปีงบประมาณ …) and a law's year, dates with no marker.

``scan_deadlines`` returns the deadlines together with the problems met on the way: a weekday
that contradicts its date (the deadline is kept, dated by the day number) and a due date that
cannot exist. The Deadline model has no place for them, so they travel beside it.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

import holidays

from .. import data
from ..models import Deadline
from ..normalize import to_arabic_digits
from ..thaidate import DateMatch, find_dates, find_fiscal_years, parse_time

Span = tuple[int, int]
DIGIT = "0-9\u0e50-\u0e59"
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_MISMATCH = "weekday contradicts date"
_EVENT_BEFORE, _EVENT_AFTER = 160, 60
_HEAD = 48
_ANCHOR_WORD = re.compile(r"[^\s,;()]{1,40}")


@dataclass(frozen=True)
class DeadlineProblem:
    span: Span
    raw: str
    reason: str  # WEEKDAY_MISMATCH, or why the written date cannot exist


@dataclass
class DeadlineScan:
    deadlines: list[Deadline] = field(default_factory=list)
    problems: list[DeadlineProblem] = field(default_factory=list)


# ---------------------------------------------------------------- words and patterns


def _words(section: str) -> dict:
    return data.task_words()[section]


def alt(words) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def number_pattern() -> str:
    """Arabic or Thai digits, or Thai number words (สิบห้า, ยี่สิบเอ็ด)."""
    n = _words("numbers")
    return rf"(?:[{DIGIT}]+|(?:{alt([*n['digits'], *n['multipliers']])})+)"


def parse_thai_number(text: str) -> int | None:
    """'๑๕' / '15' / 'สิบห้า' → 15; 'ยี่สิบเอ็ด' → 21; 'สามสิบ' → 30; None when not a number."""
    text = to_arabic_digits(text.strip())
    if text.isdigit():
        return int(text)
    n = _words("numbers")
    tokens = _number_word().findall(text)
    if not tokens or "".join(tokens) != text:
        return None
    total, digit = 0, None
    for token in tokens:
        if token in n["multipliers"]:
            total += (1 if digit is None else digit) * n["multipliers"][token]
            digit = None
        else:
            digit = n["digits"][token]
    return total + (digit or 0)


@cache
def _number_word() -> re.Pattern[str]:
    n = _words("numbers")
    return re.compile(alt([*n["digits"], *n["multipliers"]]))


@cache
def _weekday_alt() -> str:
    return alt(name for _n, name, _a in data.weekdays())


@cache
def _month_alt() -> str:
    return alt([m[1] for m in data.months()] + [m[2] for m in data.months()])


@cache
def _date_patterns() -> dict[str, re.Pattern[str]]:
    d, months = _words("deadline"), _month_alt()
    day = rf"{d['day_word']}\s*(?:{_weekday_alt()})?\s*(?:{d['day_suffix']})?"
    lead = rf"\s*(?:{day}|{d['month_word']}\s*(?:{months})?|(?:{months}))?\s*$"
    return {
        "past": re.compile(rf"(?:{alt(d['past'])}){lead}"),
        "by": re.compile(rf"(?P<marker>{alt(d['by'])}){lead}"),
        "event_in": re.compile(rf"{d['event_in']}\s*{day}\s*$"),
        "open": re.compile(rf"(?:{alt(d['range_open'])}){lead}"),
        "day": re.compile(rf"{day}\s*$"),
        "yearly": re.compile(rf"\s*(?:{alt(_words('recurring')['yearly_after'])})"),
        "raw_lead": re.compile(rf"(?:{day}|{d['month_word']})?\s*"),
        "open_end": re.compile(rf"\s*(?:{alt(d['open_end'])})"),
    }


@cache
def _rule_patterns() -> dict[str, re.Pattern[str]]:
    r, d, num = _words("recurring"), _words("deadline"), number_pattern()
    ordinal, of = d["day_suffix"], d["of_word"]
    clock = rf"[{DIGIT}]{{1,2}}[.:][{DIGIT}]{{2}}"
    day = rf"{d['day_word']}(?:{ordinal})?"
    by = rf"(?:(?:{alt(d['by'])})\s*)?"
    which = rf"(?P<which>{alt(r['quarter_first'] + r['quarter_last'])})?"
    return {
        "of_month": re.compile(
            rf"{by}(?:{alt(r['every_day'])}|{day})\s*(?P<day>{num})\s*(?:{alt(r['of_month'])})\s*{which}"
        ),
        "by_day": re.compile(
            rf"(?:{alt(d['by'])})\s*{day}\s*(?P<day>{num})(?!\s*(?:[{DIGIT}/]|{of}|{d['month_word']}|{_month_alt()}))"
        ),
        "every_day": re.compile(rf"(?:{alt(r['every_day'])})\s*(?P<day>{num})(?!\s*(?:{of}|[{DIGIT}]))"),
        "month_end": re.compile(rf"{by}(?:{alt(r['month_end'])})"),
        "every_weekday": re.compile(rf"{r['every_weekday']}(?P<wd>{_weekday_alt()})(?!\s*{ordinal})"),
        "by_weekday": re.compile(
            rf"(?:{alt(d['by'])})\s*{d['day_word']}(?P<wd>{_weekday_alt()})(?!\s*{ordinal})"
        ),
        "first": re.compile(alt(r["first"])),
        "first_quarter": re.compile(rf"{r['first_quarter']}\s*(?P<q>[1-4\u0e51-\u0e54])(?![{DIGIT}])"),
        "daily": re.compile(
            rf"(?:(?:{alt(r['daily'])})(?!{alt(r['not_daily_after'])}|{_weekday_alt()})"
            rf"|{r['per_day']}\s*{num}\s*{r['times_a_day']})"
            rf"(?:\s*(?:{alt(r['daily_time'])})\s*(?P<times>{clock}(?:\s*(?:{alt(r['time_unit'])})?"
            rf"\s*(?:{alt(r['time_join'])})\s*{clock})*))?"
        ),
        "clock": re.compile(clock),
        "time_before": re.compile(rf"(?:{alt(r['daily_time'])})\s*(?P<clock>{clock})\s*(?:{alt(r['time_unit'])})?"
                                  rf"\s*(?:{of})?\s*$"),
        "next_day": re.compile(rf"\s*(?:{alt(r['time_unit'])})?\s*(?:{alt(r['daily_next_day'])})"),
    }


@cache
def _relative_pattern() -> re.Pattern[str]:
    r, ordinal = _words("relative"), _words("deadline")["day_suffix"]
    units = alt(w for u in r["units"] for w in u["words"])
    return re.compile(
        rf"(?:{alt(r['within'])})\s*(?P<n>{number_pattern()})\s*(?P<unit>{units})(?!{ordinal})"
        rf"(?:\s*(?P<since>{alt(r['since'])})\s*)?"
    )


@cache
def _event_pattern() -> re.Pattern[str]:
    return re.compile(alt(_words("event")["words"]))


# ---------------------------------------------------------------- public functions


def find_deadlines(text: str, *, reference: dt.date | None = None,
                   received: dt.date | None = None) -> list[Deadline]:
    """Every deadline phrase of ``text`` in order (see the module docstring for the kinds)."""
    return scan_deadlines(text, reference=reference, received=received).deadlines


def scan_deadlines(text: str, *, reference: dt.date | None = None,
                   received: dt.date | None = None) -> DeadlineScan:
    """The deadlines of ``text`` and the problems found reading them (weekday mismatches, dates
    that cannot exist). Recurring rules without a stated first date count from ``reference``
    (else ``received``, else today)."""
    scan = DeadlineScan()
    matches = find_dates(text, reference=reference)
    taken: list[Span] = []
    found = _recurring(text, matches, reference or received or dt.date.today(), taken)
    found += _relative(text, matches, received, taken, reference)
    blocked = [span for *_y, span in find_fiscal_years(text)]
    for m in matches:
        if _overlaps(m.span, taken) or _in_fiscal(text, m.span, blocked):
            continue
        deadline = _classify(text, m, reference)
        if deadline is not None:
            found.append(deadline)
            if m.weekday_mismatch:
                scan.problems.append(DeadlineProblem(m.span, m.raw, WEEKDAY_MISMATCH))
        elif m.error and _date_patterns()["by"].search(_head(text, m)[0]):
            scan.problems.append(DeadlineProblem(m.span, m.raw, m.error))
    scan.deadlines = _outermost(sorted(found, key=lambda x: x.span))
    return scan


def add_business_days(start: dt.date, days: int) -> dt.date:
    """The day ``days`` working days after ``start`` (not counted): weekends and Thai public
    holidays (the ``holidays`` package, offline) are skipped."""
    day, left = start, days
    while left > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in _thai_holidays():
            left -= 1
    return day


def add_months(start: dt.date, months: int) -> dt.date:
    """Same day ``months`` later, or that month's last day when it is shorter."""
    y, m = divmod(start.month - 1 + months, 12)
    year, month = start.year + y, m + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def count_from(deadline: Deadline, base: dt.date) -> dt.date | None:
    """The date a relative deadline (ภายใน ๗ วัน / ๑๕ วันทำการ …) falls on, counted from ``base``."""
    m = _relative_pattern().search(deadline.text)
    n = parse_thai_number(m.group("n")) if m else None
    if n is None:
        return None
    units = {w: u["unit"] for u in _words("relative")["units"] for w in u["words"]}
    return _count(base, n, units[m.group("unit")])


@cache
def _thai_holidays() -> holidays.HolidayBase:
    return holidays.country_holidays("TH")


# ---------------------------------------------------------------- dates with a marker


def _head(text: str, m: DateMatch) -> tuple[str, int]:
    """The words before a date, up to its own วันที่ / วันพุธที่ / เดือน (the marker and that word),
    and where they start in ``text``."""
    cut = m.span[0] + len(_date_patterns()["raw_lead"].match(m.raw).group(0))
    start = max(0, cut - _HEAD)
    return text[start:cut], start


def _classify(text: str, m: DateMatch, reference: dt.date | None) -> Deadline | None:
    """What the words around one date make of it: a deadline of some kind, or nothing."""
    if m.date is None:
        return None
    p, (head, head_start) = _date_patterns(), _head(text, m)
    if p["past"].search(head):
        return None
    if opener := p["open"].search(head):
        if m.start is None or p["open_end"].match(text, m.span[1]):
            return None
        return _make(text, "range", m, head_start + opener.start())
    if m.start is not None:
        return None if m.precision == "month" else _make(text, "range", m, m.span[0])
    if by := p["by"].search(head):
        if p["yearly"].match(text, m.span[1]):
            return _yearly(text, m, head_start + by.start(), reference)
        deadline = _make(text, "by", m, head_start + by.start())
        if by.group("marker") in _words("deadline")["before"] and not m.time and m.precision == "day":
            deadline.date -= dt.timedelta(days=1)  # ก่อนวันที่ ๒๒: the 21st is the last day
        return deadline
    appointment = m.time and p["event_in"].search(head)
    if appointment or ((m.time or p["day"].search(head)) and _near_event(text, m.span)):
        return _make(text, "event", m, m.span[0])
    return None


def _make(text: str, kind: str, m: DateMatch, start: int) -> Deadline:
    span = (start, m.span[1])
    return Deadline(kind=kind, date=m.date, text=text[span[0]:span[1]], start=m.start,
                    time=m.time, span=span)


def _near_event(text: str, span: Span) -> bool:
    window = text[max(0, span[0] - _EVENT_BEFORE):span[1] + _EVENT_AFTER]
    return bool(_event_pattern().search(window))


def _yearly(text: str, m: DateMatch, start: int, reference: dt.date | None) -> Deadline:
    """ภายในวันที่ ๓๑ มีนาคม ของทุกปี: every year on that day, first on or after the reference."""
    end = _date_patterns()["yearly"].match(text, m.span[1]).end()
    first = m.date
    if m.year_inferred and reference is not None:
        first = _first_day(reference, m.date.day, {m.date.month})
    rule = f"FREQ=YEARLY;BYMONTH={m.date.month};BYMONTHDAY={m.date.day}"
    return Deadline(kind="recurring", date=first, text=text[start:end], time=m.time, rrule=rule,
                    span=(start, end))


def _in_fiscal(text: str, span: Span, blocked: list[Span]) -> bool:
    """Inside a fiscal-year phrase, or the months in brackets right after it."""
    for a, b in blocked:
        if a <= span[0] < b or (b <= span[0] and text[b:span[0]].strip() in ("", "(")):
            return True
    return False


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in spans)


def _outermost(found: list[Deadline]) -> list[Deadline]:
    """Drop a deadline that lies inside another one's span."""
    out: list[Deadline] = []
    for d in found:
        if out and out[-1].span[0] <= d.span[0] and d.span[1] <= out[-1].span[1]:
            continue
        out.append(d)
    return out


# ---------------------------------------------------------------- recurring rules


def _frequency(text: str, span: Span) -> tuple[str, int] | None:
    """(FREQ, INTERVAL) from the frequency words around a rule, most specific first."""
    window = text[max(0, span[0] - _EVENT_BEFORE):span[1] + 30]
    for entry in _words("recurring")["frequencies"]:
        if any(w in window for w in entry["words"]):
            return entry["freq"], entry["interval"]
    return None


@dataclass(frozen=True)
class _Rule:
    span: Span
    freq: str  # RFC 5545 FREQ
    interval: int = 1
    part: str = ""  # BYMONTHDAY=30 / BYDAY=FR / ""
    months: frozenset[int] | None = None  # months an occurrence may fall in (quarters, halves)
    time: str | None = None
    next_month: bool = False  # ของเดือนถัดไป: the first is due after the reference's month
    next_day: bool = False  # ทุกวัน … ของวันถัดไป: each day's report is due the day after

    def rrule(self) -> str:
        return ";".join(x for x in (f"FREQ={self.freq}", f"INTERVAL={self.interval}" * (self.interval > 1),
                                    self.part) if x)


def _recurring(text: str, matches: list[DateMatch], reference: dt.date,
               taken: list[Span]) -> list[Deadline]:
    out = []
    for rule in [*_monthly_rules(text), *_weekly_rules(text), *_daily_rules(text, matches)]:
        if _overlaps(rule.span, taken):
            continue
        first, end, until = _stated_first(text, matches, rule.span[1], taken)
        if first is None or first[1]:  # none written, or only a month: count from it
            base = first[0] if first else _period_start(matches, reference)
            first = (_first_occurrence(base, rule), True)
        end = max(end, rule.span[1])
        taken.append((rule.span[0], end))
        rrule = rule.rrule() + (f";UNTIL={until:%Y%m%d}" if until else "")
        out.append(Deadline(kind="recurring", date=first[0], text=text[rule.span[0]:end], time=rule.time,
                            rrule=rrule, span=(rule.span[0], end)))
    return out


def _monthly_rules(text: str) -> list[_Rule]:
    """The day-of-month rules: ภายในวันที่ ๓๐ ของเดือน, ทุกวันที่ ๕, สิ้นเดือน …"""
    p, r = _rule_patterns(), _words("recurring")
    hits = [(m, m.group("day"), m.group("which")) for m in p["of_month"].finditer(text)]
    hits += [(m, m.group("day"), None) for m in p["every_day"].finditer(text)]
    out = []
    for m, day_text, which in hits:
        day = parse_thai_number(day_text)
        if day is None or not 1 <= day <= 31:
            continue
        freq, interval = _frequency(text, m.span()) or ("MONTHLY", 1)
        out.append(_monthly(m.span(), interval if freq == "MONTHLY" else 1, day, which, r))
    for key, fixed in (("month_end", -1), ("by_day", None)):
        for m in p[key].finditer(text):
            freq, day = _frequency(text, m.span()), fixed or parse_thai_number(m.group("day"))
            if freq and freq[0] == "MONTHLY" and day and -1 <= day <= 31:
                out.append(_monthly(m.span(), freq[1], day, None, r))
    return out


def _monthly(span: Span, interval: int, day: int, which: str | None, r: dict) -> _Rule:
    if interval == 1:
        return _Rule(span, "MONTHLY", 1, f"BYMONTHDAY={day}", next_month=which in r["next_month"])
    last = which in r["quarter_last"] if which else (day == -1 or day >= r["quarter_last_from_day"])
    # periods of the Thai fiscal year (from October): quarters end 12, 3, 6, 9; halves 3, 9
    start = r["fiscal_year_start_month"] - 1
    ends = {(start + k * interval - 1) % 12 + 1 for k in range(1, 12 // interval + 1)}
    months = ends if last else {m % 12 + 1 for m in ends}
    return _Rule(span, "MONTHLY", interval, f"BYMONTHDAY={day}", frozenset(months))


def _weekly_rules(text: str) -> list[_Rule]:
    p, out = _rule_patterns(), []
    numbers = {name: n for n, name, _a in data.weekdays()}
    for m in p["every_weekday"].finditer(text):
        out.append(_Rule(m.span(), "WEEKLY", 1, f"BYDAY={RRULE_DAYS[numbers[m.group('wd')]]}"))
    for m in p["by_weekday"].finditer(text):
        if (_frequency(text, m.span()) or ("",))[0] == "WEEKLY":
            out.append(_Rule(m.span(), "WEEKLY", 1, f"BYDAY={RRULE_DAYS[numbers[m.group('wd')]]}"))
    return out


def _daily_rules(text: str, matches: list[DateMatch]) -> list[_Rule]:
    """ทุกวัน / รายวัน, with the time of day after it (ภายในเวลา ๑๘.๐๐ น.); not before a range
    (ทุกวัน ตั้งแต่วันที่ ๑ ธันวาคม ๒๕๖๖ - ๓๑ พฤษภาคม ๒๕๖๗ is that range)."""
    r, out = _words("recurring"), []
    for m in _rule_patterns()["daily"].finditer(text):
        if any(d.start and m.end() <= d.span[0] <= m.end() + 25 for d in matches):
            continue
        times = [parse_time(t) for t in _rule_patterns()["clock"].findall(m.group("times") or "")]
        times = [t for t in times if t]
        if not times and (before := _rule_patterns()["time_before"].search(text[max(0, m.start() - 40):m.start()])):
            times = [t for t in [parse_time(before.group("clock"))] if t]  # ภายในเวลา ๒๐.๐๐ น. ของทุกวัน
        hours = ",".join(str(int(t[:2])) for t in times)
        minutes = sorted({int(t[3:]) for t in times})
        part = f"BYHOUR={hours};BYMINUTE={minutes[0]}" if len(times) > 1 and len(minutes) == 1 else ""
        end = m.end()
        if nxt := _rule_patterns()["next_day"].match(text, end):
            end = nxt.end()
        rule = _Rule((m.start(), end), "DAILY", part=part, time=times[0] if times else None,
                     next_day=nxt is not None)
        if out and m.start() - out[-1].span[1] <= r["daily_merge_chars"]:
            # one rule written twice (ประจำวัน … ทุกวัน ภายในเวลา …): keep the one that says more
            says = (rule.time or "", rule.next_day) > (out[-1].time or "", out[-1].next_day)
            rule = rule if says else out[-1]
            out[-1] = dataclasses.replace(rule, span=(out[-1].span[0], max(out[-1].span[1], end)))
            continue
        out.append(rule)
    return out


def _period_start(matches: list[DateMatch], reference: dt.date) -> dt.date:
    """A rule inside a period (ทุกวัน … ระหว่างวันที่ ๑ - ๓๐ มีนาคม) starts with the period,
    when the period starts after ``reference``."""
    starts = [m.start for m in matches if m.start and m.date and m.start > reference]
    return min(starts, default=reference)


def _stated_first(text: str, matches: list[DateMatch], after: int,
                  taken: list[Span]) -> tuple[tuple[dt.date, bool] | None, int, dt.date | None]:
    """The first occurrence written after a rule (… ครั้งแรก … ภายในวันที่ ๓๐ ธันวาคม ๒๕๖๖,
    เริ่มตั้งแต่วันศุกร์ที่ ๒๒ ธันวาคม ๒๕๖๖), or the period the rule holds in (ตั้งแต่เดือนธันวาคม
    ๒๕๖๙ ถึงเดือนเมษายน ๒๕๗๐): ((date, only a month), end of the phrase, last day or None)."""
    r = _words("recurring")
    word = _rule_patterns()["first"].search(text, after, after + r["first_reach"])
    if word is None:
        return None, after, None
    quarter = _fiscal_quarter(text, word.end(), word.end() + r["first_quarter_reach"])
    if quarter is not None:
        return (quarter[0], True), quarter[1], None
    for m in matches:
        if not (word.end() - 12 <= m.span[0] <= word.end() + 60 and m.date):
            continue
        if m.start is None:
            taken.append(m.span)
            month = m.precision == "month"
            return (m.date.replace(day=1) if month else m.date, month), m.span[1], None
        if m.span[0] >= word.start() - 12:  # the rule's own period: from its start, until its end
            taken.append(m.span)
            return (m.start, True), m.span[1], m.date
    return None, after, None


def _fiscal_quarter(text: str, start: int, end: int) -> tuple[dt.date, int] | None:
    """ไตรมาสที่ ๓ ของปีงบประมาณ พ.ศ. ๒๕๖๙ → (the first day of the quarter's middle month, end of
    the phrase): a quarterly rule counted from there falls in that quarter's last month or, for
    a report due after the quarter, in the month after it."""
    m = _rule_patterns()["first_quarter"].search(text, start, end)
    if m is None:
        return None
    years = [(first, span) for _y, first, _last, span in find_fiscal_years(text[m.end():m.end() + 40])
             if span[0] <= 8]
    if not years:
        return None
    first, span = years[0]
    quarter = int(to_arabic_digits(m.group("q")))
    return add_months(first, 3 * (quarter - 1) + 1), m.end() + span[1]


def _first_occurrence(reference: dt.date, rule: _Rule) -> dt.date:
    if rule.freq == "DAILY":
        return reference + dt.timedelta(days=rule.next_day)
    kind, value = rule.part.split("=")
    if rule.next_month:
        reference = add_months(reference.replace(day=1), 1)
    if kind == "BYDAY":
        return reference + dt.timedelta(days=(RRULE_DAYS.index(value) - reference.weekday()) % 7)
    return _first_day(reference, int(value), rule.months)


def _first_day(reference: dt.date, day: int, months: frozenset[int] | set[int] | None) -> dt.date:
    """The first date on or after ``reference`` with this day of the month (-1: the last day)
    in one of ``months`` (any month when None); months too short for the day are skipped."""
    for i in range(12 * 8 + 1):
        year, month = divmod(reference.month - 1 + i, 12)
        year, month = reference.year + year, month + 1
        last = calendar.monthrange(year, month)[1]
        if (months and month not in months) or day > last:
            continue
        candidate = dt.date(year, month, last if day == -1 else day)
        if candidate >= reference:
            return candidate
    raise ValueError(f"no day {day} in months {months}")


# ---------------------------------------------------------------- relative periods


def _relative(text: str, matches: list[DateMatch], received: dt.date | None,
              taken: list[Span], issued: dt.date | None = None) -> list[Deadline]:
    r, out = _words("relative"), []
    units = {w: u["unit"] for u in r["units"] for w in u["words"]}
    for m in _relative_pattern().finditer(text):
        n = parse_thai_number(m.group("n"))
        if n is None or _overlaps(m.span(), taken):
            continue
        anchor, base, end = _anchor(text, m, matches, received, taken, issued)
        date = _count(base, n, units[m.group("unit")]) if base else None
        taken.append((m.start(), end))
        out.append(Deadline(kind="relative", date=date, text=text[m.start():end], anchor=anchor,
                            span=(m.start(), end)))
    return out


def _anchor(text: str, m: re.Match[str], matches: list[DateMatch], received: dt.date | None,
            taken: list[Span], issued: dt.date | None = None) -> tuple[str, dt.date | None, int]:
    """(anchor words, anchor date, end of the phrase) after นับแต่ / นับจาก …: a date written
    there, the receiving date, or the letter's own date (``issued``: นับแต่วันที่ประกาศนี้)."""
    r = _words("relative")
    if not m.group("since"):
        return r["default_anchor"], received, m.end()
    for d in matches:
        if m.end() <= d.span[0] <= m.end() + 12 and d.date and d.start is None:
            taken.append(d.span)
            return text[m.end():d.span[1]], d.date, d.span[1]
    word = _ANCHOR_WORD.match(text, m.end())
    if word is None:
        return r["default_anchor"], received, m.end()
    anchor = word.group(0)
    base = received if any(w in anchor for w in r["received"]) else None
    if base is None and any(w in anchor for w in r["issued"]):
        base = issued
    return anchor, base, m.end() + len(anchor)


def _count(base: dt.date, n: int, unit: str) -> dt.date:
    if unit == "business_day":
        return add_business_days(base, n)
    if unit == "week":
        return base + dt.timedelta(weeks=n)
    if unit == "month":
        return add_months(base, n)
    if unit == "hour":
        return base + dt.timedelta(days=-(-n // 24))
    return base + dt.timedelta(days=n)
