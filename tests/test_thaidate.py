"""Buddhist-era dates, times, ranges, months and fiscal years (circulars.thaidate).

Strings marked "seed" are copied from the OCR text of real letters in shared/seeds."""

from __future__ import annotations

import datetime as dt

import pytest

from circulars.errors import InvalidDateError
from circulars.thaidate import (
    DateMatch,
    be_year_to_ce,
    find_dates,
    find_fiscal_years,
    fiscal_year_bounds,
    month_end,
    parse_date,
    parse_time,
    parse_time_range,
    thai_display,
)

D = dt.date


def only(text: str, **kwargs) -> DateMatch:
    found = find_dates(text, **kwargs)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- parse_date: valid dates

PARSE_OK = [
    # seeds
    pytest.param("๒๗ ตุลาคม ๒๕๖๖", D(2023, 10, 27), id="seed-full-month"),
    pytest.param("๒๕ ต.ค. ๒๕๖๖", D(2023, 10, 25), id="seed-abbrev-month"),
    pytest.param("๒๗ ต.ค. ๖๖", D(2023, 10, 27), id="seed-2digit-year"),
    pytest.param("วันที่\t๒๗ ต.ค.\t๒๕๖๖", D(2023, 10, 27), id="seed-stamp-tabs"),
    pytest.param("วันที่ ๒๒ มี.ค. ๒๕๖๔", D(2021, 3, 22), id="seed-mi-kho"),
    pytest.param("วันที่ ๑ กุมภาพันธ์ พ.ศ. ๒๕๖๔", D(2021, 2, 1), id="seed-pho-so"),
    pytest.param("วันพุธที่ ๔ ตุลาคม ๒๕๖๖", D(2023, 10, 4), id="seed-weekday-wed"),
    pytest.param("วันศุกร์ที่ ๖ ตุลาคม ๒๕๖๖", D(2023, 10, 6), id="seed-weekday-fri"),
    pytest.param("วันจันทร์ที่ ๑๕ กุมภาพันธ์ ๒๕๖๔", D(2021, 2, 15), id="seed-weekday-mon"),
    pytest.param("๒๗\n\nมกราคม ๒๕๖๔", D(2021, 1, 27), id="seed-day-month-on-two-lines"),
    pytest.param("วันที่ 31 ตุลาคม 2566", D(2023, 10, 31), id="seed-arabic-digits"),
    pytest.param("๒๖/๖/๒๕๖๕", D(2022, 6, 26), id="seed-numeric-be"),
    pytest.param("12/10/2023", D(2023, 10, 12), id="seed-numeric-ce-dmy"),
    pytest.param("16/05/2024", D(2024, 5, 16), id="seed-numeric-ce-leading-zero"),
    pytest.param("วันพุธที่ ๑๑ ตุลาคม ๒๕๖๖ เวลา ๐๙.๐๐ - ๑๔.๐๐ น.", D(2023, 10, 11), id="seed-with-time-range"),
    # month spellings
    pytest.param("๑๕ ตค ๒๕๖๖", D(2023, 10, 15), id="abbrev-no-dots"),
    pytest.param("๑๕ ต.ค ๒๕๖๖", D(2023, 10, 15), id="abbrev-no-final-dot"),
    pytest.param("๑๕ ต. ค. ๒๕๖๖", D(2023, 10, 15), id="abbrev-space-after-dot"),
    pytest.param("๑๕ เม.ย ๖๖", D(2023, 4, 15), id="abbrev-me-yo-no-final-dot"),
    pytest.param("๑๕ มิ.ย. ๖๗", D(2024, 6, 15), id="abbrev-mi-yo"),
    pytest.param("๑ พ.ย. ๖๖", D(2023, 11, 1), id="abbrev-pho-yo"),
    pytest.param("๑ พ.ค. ๖๖", D(2023, 5, 1), id="abbrev-pho-kho"),
    pytest.param("๑ พฤษภาคม ๒๕๖๖", D(2023, 5, 1), id="full-may"),
    pytest.param("๒๗ตุลาคม๒๕๖๖", D(2023, 10, 27), id="no-spaces"),
    pytest.param("๒๗ มกราคม  ๒๕๖๔", D(2021, 1, 27), id="double-space-before-year"),
    pytest.param("  วันที่ ๒๗ ต.ค. ๖๖  ", D(2023, 10, 27), id="surrounding-spaces"),
    # digits and years
    pytest.param("1๕ ต.ค. 256๖", D(2023, 10, 15), id="mixed-digits"),
    pytest.param("๑ มกราคม พ.ศ ๒๕๖๗", D(2024, 1, 1), id="pho-so-no-final-dot"),
    pytest.param("๑ มกราคม พศ ๒๕๖๗", D(2024, 1, 1), id="pho-so-no-dots"),
    pytest.param("๑ มกราคม ค.ศ. 2024", D(2024, 1, 1), id="kho-so-ce-year"),
    pytest.param("๕ ธันวาคม 2023", D(2023, 12, 5), id="ce-year-thai-month"),
    pytest.param("วันจันทร์ที่ ๒๗ ม.ค.๖๘", D(2025, 1, 27), id="weekday-abbrev-2digit"),
    pytest.param("๒๕/๑๐/๖๖", D(2023, 10, 25), id="numeric-2digit-be"),
    pytest.param("๒๙ กุมภาพันธ์ ๒๕๖๗", D(2024, 2, 29), id="leap-day-2567"),
    pytest.param("๒๙/๒/๒๕๖๗", D(2024, 2, 29), id="leap-day-numeric"),
    pytest.param("๑๐ ธันวาคม ๒๕๖๖ 14.34", D(2023, 12, 10), id="bare-time-after"),
]


@pytest.mark.parametrize("text, expected", PARSE_OK)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


# ---------------------------------------------------------------- parse_date: rejected

PARSE_BAD = [
    pytest.param("๓๑ กุมภาพันธ์ ๒๕๖๗", "day 31", id="feb-31"),
    pytest.param("๓๐ ก.พ. ๖๖", "day 30", id="feb-30-abbrev"),
    pytest.param("๒๙ กุมภาพันธ์ ๒๕๖๖", "not a leap year", id="feb-29-non-leap"),
    pytest.param("๓๒ มกราคม ๒๕๖๗", "day 32", id="jan-32"),
    pytest.param("๓๑ เมษายน ๒๕๖๗", "day 31", id="april-31"),
    pytest.param("๐ มกราคม ๒๕๖๗", "day 0", id="day-zero"),
    pytest.param("๑๕/๑๓/๒๕๖๖", "month 13", id="numeric-month-13"),
    pytest.param("๓๒/๑/๒๕๖๖", "day 32", id="numeric-day-32"),
    pytest.param("๓๑/๔/๒๕๖๖", "day 31", id="numeric-april-31"),
    pytest.param("๑ มกราคม ๓๐๐๐", "implausible year", id="year-3000"),
    pytest.param("๑ มกราคม ๑๘๕๐", "implausible year", id="year-1850"),
    pytest.param("๑ มกราคม ๒๕๖", "implausible year", id="year-3-digits"),
    pytest.param("๑ มกราคม พ.ศ. 2024", "implausible year", id="pho-so-with-ce-year"),
    pytest.param("1/1/3000", "implausible year", id="numeric-year-3000"),
    pytest.param("๑๕ มกราคม", "year missing", id="no-year-no-reference"),
    pytest.param("ลงวันที่ ๒๗ ต.ค. ๖๖", "extra text", id="extra-text"),
    pytest.param("๒๗ ต.ค. ๖๖ และ ๒๘ ต.ค. ๖๖", "more than one", id="two-dates"),
    pytest.param("๑ - ๕ มีนาคม ๒๕๖๗", "range", id="range-is-not-one-date"),
    pytest.param("ไม่ใช่วันที่", "not a date", id="no-date"),
    pytest.param("", "not a date", id="empty"),
]


@pytest.mark.parametrize("text, reason", PARSE_BAD)
def test_parse_date_rejects(text, reason):
    with pytest.raises(InvalidDateError) as info:
        parse_date(text)
    assert reason in info.value.reason
    assert isinstance(info.value, ValueError)


def test_parse_date_impossible_even_with_reference():
    with pytest.raises(InvalidDateError, match="day 31"):
        parse_date("๓๑ เมษายน", reference=D(2024, 1, 1))


# ---------------------------------------------------------------- missing years

INFERRED = [
    pytest.param("๑๕ มกราคม", D(2023, 12, 20), D(2024, 1, 15), id="next-january"),
    pytest.param("๑ พฤศจิกายน", D(2023, 10, 12), D(2023, 11, 1), id="same-year-deadline"),
    pytest.param("๑ พฤศจิกายน", D(2023, 12, 20), D(2023, 11, 1), id="seven-weeks-ago"),
    pytest.param("๑ ธันวาคม", D(2024, 3, 1), D(2024, 12, 1), id="nine-months-ahead"),
    pytest.param("๑ กุมภาพันธ์", D(2024, 12, 10), D(2025, 2, 1), id="across-year-end"),
    pytest.param("๑ มีนาคม", D(2024, 1, 20), D(2024, 3, 1), id="weeks-ahead"),
    pytest.param("๒๙ กุมภาพันธ์", D(2024, 1, 10), D(2024, 2, 29), id="leap-day-in-leap-year"),
    pytest.param("วันที่ ๕ ม.ค.", D(2023, 12, 28), D(2024, 1, 5), id="abbrev-next-year"),
]


@pytest.mark.parametrize("text, reference, expected", INFERRED)
def test_missing_year_taken_from_reference(text, reference, expected):
    m = only(text, reference=reference)
    assert (m.date, m.year_inferred, m.error) == (expected, True, None)
    assert parse_date(text, reference=reference) == expected


def test_missing_year_without_reference_is_reported():
    m = only("ภายในวันที่ ๑๕ มกราคม")
    assert (m.date, m.error, m.raw) == (None, "year missing", "วันที่ ๑๕ มกราคม")


def test_written_year_is_not_inferred():
    m = only("๑๕ มกราคม ๒๕๖๐", reference=D(2023, 12, 20))
    assert (m.date, m.year_inferred) == (D(2017, 1, 15), False)


# ---------------------------------------------------------------- weekdays

WEEKDAYS = [
    pytest.param("วันพุธที่ ๑๑ ตุลาคม ๒๕๖๖", D(2023, 10, 11), False, id="seed-wednesday-right"),
    pytest.param("วันจันทร์ที่ ๑ กุมภาพันธ์ ๒๕๖๔", D(2021, 2, 1), False, id="seed-monday-right"),
    pytest.param("วันพฤหัสบดีที่ ๔ ตุลาคม ๒๕๖๖", D(2023, 10, 4), True, id="thursday-wrong"),
    pytest.param("วันอาทิตย์ที่ ๒๗ ม.ค.๖๘", D(2025, 1, 27), True, id="sunday-wrong"),
    pytest.param("วันเสาร์ ที่ ๒๗ มกราคม ๒๕๖๗", D(2024, 1, 27), False, id="saturday-spaced"),
]


@pytest.mark.parametrize("text, expected, mismatch", WEEKDAYS)
def test_weekday(text, expected, mismatch):
    m = only(text)
    assert (m.date, m.weekday_mismatch, m.raw) == (expected, mismatch, text)


# ---------------------------------------------------------------- ranges

RANGES = [
    pytest.param("ตั้งแต่วันที่ ๔ มิถุนายน - ๓๑ กรกฎาคม ๒๕๖๗", D(2024, 6, 4), D(2024, 7, 31), id="months-one-year"),
    pytest.param("๘ ต.ค.-๒๐ ธ.ค. ๖๗", D(2024, 10, 8), D(2024, 12, 20), id="abbrev-no-spaces"),
    pytest.param("ระหว่าง ๒๗ - ๒๙ มกราคม ๒๕๖๘", D(2025, 1, 27), D(2025, 1, 29), id="days-one-month"),
    pytest.param("ระหว่างวันที่ ๑ - ๕ มีนาคม ๒๕๖๗", D(2024, 3, 1), D(2024, 3, 5), id="with-wanthi"),
    pytest.param("๒๕ ธ.ค. ๖๖ - ๕ ม.ค. ๖๗", D(2023, 12, 25), D(2024, 1, 5), id="across-year-end"),
    pytest.param("๒๕ ธ.ค. - ๕ ม.ค. ๖๗", D(2023, 12, 25), D(2024, 1, 5), id="across-year-end-one-year"),
    pytest.param("๒๕ ธ.ค. ๖๖ - ๕ ม.ค.", D(2023, 12, 25), D(2024, 1, 5), id="year-only-on-start"),
    pytest.param("ตั้งแต่วันที่ ๑ ตุลาคม ๒๕๖๖ ถึงวันที่ ๓๐ กันยายน ๒๕๖๗", D(2023, 10, 1), D(2024, 9, 30), id="tueng"),
    pytest.param("วันจันทร์ที่ ๑ - วันศุกร์ที่ ๕ มกราคม ๒๕๖๗", D(2024, 1, 1), D(2024, 1, 5), id="weekdays-both-ends"),
    pytest.param("ตั้งแต่วันจันทร์ที่ ๑๔ ถึงวันศุกร์ที่\n๑๘ ธันวาคม ๒๕๖๙", D(2026, 12, 14), D(2026, 12, 18),
                 id="line-wrapped-after-the-weekday"),
]


@pytest.mark.parametrize("text, start, end", RANGES)
def test_range(text, start, end):
    m = only(text)
    assert (m.start, m.date, m.error, m.precision) == (start, end, None, "day")
    assert text.endswith(m.raw)


def test_range_with_missing_year_uses_reference():
    m = only("๔ มิถุนายน - ๓๑ กรกฎาคม", reference=D(2024, 5, 1))
    assert (m.start, m.date, m.year_inferred) == (D(2024, 6, 4), D(2024, 7, 31), True)


def test_backwards_range_is_an_error():
    m = only("๕ - ๑ มกราคม ๒๕๖๗")
    assert (m.date, m.start, m.error) == (None, None, "range ends before it starts")


def test_range_with_impossible_end_is_an_error():
    m = only("๒๕ - ๓๑ เมษายน ๒๕๖๗")
    assert m.date is None and "day 31" in m.error


def test_ranges_off_gives_separate_dates():
    found = find_dates("๒๕ ธ.ค. ๖๖ - ๕ ม.ค. ๖๗", ranges=False)
    assert [(m.date, m.start) for m in found] == [(D(2023, 12, 25), None), (D(2024, 1, 5), None)]


def test_seed_month_range_of_a_fiscal_year():
    m = only("ประจำปีงบประมาณ พ.ศ. 2567 (ต.ค. 66 - ก.ย. 67)")
    assert (m.start, m.date, m.precision, m.raw) == (
        D(2023, 10, 1),
        D(2024, 9, 30),
        "month",
        "ต.ค. 66 - ก.ย. 67",
    )


# ---------------------------------------------------------------- months alone

MONTHS = [
    pytest.param("ภายในเดือนตุลาคม ๒๕๖๖", D(2023, 10, 31), "เดือนตุลาคม ๒๕๖๖", id="seed-within-october"),
    pytest.param("เดือนธันวาคม ๒๕๖๖", D(2023, 12, 31), "เดือนธันวาคม ๒๕๖๖", id="december"),
    pytest.param("เดือน ก.พ. ๖๗", D(2024, 2, 29), "เดือน ก.พ. ๖๗", id="leap-february"),
    pytest.param("เดือนกุมภาพันธ์ ๒๕๖๖", D(2023, 2, 28), "เดือนกุมภาพันธ์ ๒๕๖๖", id="short-february"),
    pytest.param("แผนงาน ต.ค. 66", D(2023, 10, 31), "ต.ค. 66", id="abbrev-with-year"),
]


@pytest.mark.parametrize("text, expected, raw", MONTHS)
def test_month_only(text, expected, raw):
    m = only(text)
    assert (m.date, m.precision, m.raw) == (expected, "month", raw)


def test_month_only_year_inferred():
    m = only("ภายในเดือนตุลาคม", reference=D(2023, 10, 12))
    assert (m.date, m.precision, m.year_inferred) == (D(2023, 10, 31), "month", True)


# ---------------------------------------------------------------- errors inside longer text


def test_impossible_dates_are_returned_not_dropped():
    text = "ภายในวันที่ ๓๑ กุมภาพันธ์ ๒๕๖๗ และวันที่ ๑ มีนาคม ๒๕๖๗ และ ๓๒ มกราคม"
    found = find_dates(text)
    assert [m.date for m in found] == [None, D(2024, 3, 1), None]
    assert "day 31" in found[0].error and "day 32" in found[2].error
    assert all(text[m.span[0] : m.span[1]] == m.raw for m in found)


# ---------------------------------------------------------------- not dates

NOT_DATES = [
    pytest.param("โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๑๒๕๑-๒", id="seed-phone-extension"),
    pytest.param("ที่ ขย ๐๐๒๓.๑/๑๓๐๓๘", id="seed-reference-number"),
    pytest.param("ที่ มท 0812/ว 8963 ลง", id="seed-circular-number"),
    pytest.param("ที่ สน ๐๐๑๘.๑/ว\n\n10๔๔", id="seed-mixed-digit-number"),
    pytest.param("โทร ๐-๔๔๘๕-๕๐๖๖", id="seed-phone"),
    pytest.param("ภายในวันที่ ๓๐ ของทุกเดือน", id="seed-day-without-month"),
    pytest.param("ตามข้อ ๑ - ๒ ทั้งทางเอกสาร", id="seed-item-range"),
    pytest.param("ฉบับที่ ๑๓ (พ.ศ. ๒๕๖๖ - ๒๕๗๐)", id="seed-year-range"),
    pytest.param("- หน้า ๑๗.๑๗.๑๗", id="seed-dotted-numbers"),
    pytest.param("ที่\tกิจกรรม\tต.ค.\tพ.ย.\tธ.ค.\tม.ค.", id="seed-month-table-header"),
    pytest.param("ก.ย.\n1\tอปท. รับฟัง", id="seed-month-then-row-number"),
    pytest.param("ที่ ศธ 12/10/66", id="agency-code-before-dmy"),
    pytest.param("ว 12/10/66", id="wo-before-dmy"),
    pytest.param("๐๐๒๓.๑๒/๑๐/๖๖", id="dot-before-dmy"),
    pytest.param("12/10/2023/5", id="slash-after-dmy"),
    pytest.param("12/10/20234", id="five-digit-year"),
    pytest.param("12/13/2023", id="month-13-in-text"),
    pytest.param("ตุลาคม", id="bare-month-no-year"),
    pytest.param("ภายในตุลาคม ๒๕๖๖", id="month-inside-word"),
    pytest.param("สำนักงาน ก.พ.ร. ๒๕๖๖", id="agency-kpr"),
    pytest.param("มติ ก.ค.ศ. ๒๕๖๖", id="agency-kks"),
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    assert find_dates(text) == []


# ---------------------------------------------------------------- times after dates

TIMES_AFTER = [
    pytest.param("เมื่อวันที่ ๑๑ ตุลาคม ๒๕๖๖ เวลา ๐๙.๐๐ น. ผ่าน", "09:00", None, id="seed-time"),
    pytest.param("ในวันพุธที่ ๑๑ ตุลาคม ๒๕๖๖ เวลา ๐๙.๐๐ - ๑๔.๐๐ น. ผ่าน", "09:00", "14:00", id="seed-time-range"),
    pytest.param("วันที่ ๒๒ มี.ค. ๒๕๖๔\nเวลา ๑๐:๓๐", "10:30", None, id="seed-stamp-next-line"),
    pytest.param("ภายในวันจันทร์ที่ ๑๕ กุมภาพันธ์ ๒๕๖๔ ก่อนเวลา ๑๖.๓๐ น.", "16:30", None, id="seed-before-time"),
    pytest.param("๒๗ ต.ค. ๖๖ 14.34", "14:34", None, id="bare-arabic"),
    pytest.param("๒๗ ต.ค. ๖๖ เวลา ๑๓๐๐", "13:00", None, id="four-digits-after-wela"),
    pytest.param("๑๕ มกราคม ๒๕๖๗ เวลา ๐๙.๐๐ น. ถึง ๑๒.๐๐ น.", "09:00", "12:00", id="tueng-range"),
]


@pytest.mark.parametrize("text, time, end_time", TIMES_AFTER)
def test_time_attached_to_date(text, time, end_time):
    m = only(text)
    assert (m.time, m.end_time) == (time, end_time)
    assert text[m.span[0] : m.span[1]] == m.raw


def test_impossible_time_is_not_attached():
    m = only("๑๐ ธันวาคม ๒๕๖๖ เวลา ๒๕.๐๐ น.")
    assert (m.date, m.time, m.raw) == (D(2023, 12, 10), None, "๑๐ ธันวาคม ๒๕๖๖")


def test_time_after_month_is_not_a_year():
    m = only("๑๕ มกราคม ๑๖.๓๐ น.", reference=D(2024, 1, 2))
    assert (m.date, m.time) == (D(2024, 1, 15), "16:30")


PARSE_TIME = [
    pytest.param("๐๙.๐๐ น.", "09:00", id="thai-dot-unit"),
    pytest.param("14.34", "14:34", id="arabic-dot"),
    pytest.param("๑๐:๓๐", "10:30", id="colon"),
    pytest.param("เวลา ๑๓๐๐", "13:00", id="four-digits-after-wela"),
    pytest.param("๑๓๐๐ น.", "13:00", id="four-digits-before-unit"),
    pytest.param("เวลา ๐๙.๐๐ - ๑๔.๐๐ น.", "09:00", id="range-gives-start"),
    pytest.param("เวลา ๙.๓๐ นาฬิกา", "09:30", id="one-digit-hour-nalika"),
    pytest.param("25.00", None, id="hour-25"),
    pytest.param("12.60", None, id="minute-60"),
    pytest.param("1300", None, id="bare-four-digits"),
    pytest.param("เวลา\t\tน", None, id="seed-empty-stamp-time"),
    pytest.param("ไม่ใช่เวลา", None, id="not-a-time"),
]


@pytest.mark.parametrize("text, expected", PARSE_TIME)
def test_parse_time(text, expected):
    assert parse_time(text) == expected


def test_parse_time_range():
    assert parse_time_range("เวลา ๐๙.๐๐ - ๑๔.๐๐ น.") == ("09:00", "14:00")
    assert parse_time_range("๐๙.๐๐ - ๒๔.๓๐ น.") is None


# ---------------------------------------------------------------- a whole seed passage


def test_seed_passage_in_order():
    text = (
        "สิ่งที่ส่งมาด้วย สำเนาหนังสือจังหวัดชัยภูมิ ด่วนที่สุด ที่ ขย ๐๐๒๓.๑/๑๓๐๓๘ ลงวันที่ ๒๐ ตุลาคม ๒๕๖๖\n"
        "ที่ มท ๐๘๑๒/ว ๘๙๖๓\nลงวันที่ ๒๕ กันยายน ๒๕๖๖\n"
        "ภายในวันที่ ๓๐ ของทุกเดือน ... เมื่อวันที่ ๑๑ ตุลาคม ๒๕๖๖ ผ่านสื่ออิเล็กทรอนิกส์\n"
        "โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๑๒๕๑-๒\nเมื่อวันที่: 12/10/2023"
    )
    found = find_dates(text)
    assert [m.date for m in found] == [D(2023, 10, 20), D(2023, 9, 25), D(2023, 10, 11), D(2023, 10, 12)]
    assert [m.raw for m in found][:1] == ["วันที่ ๒๐ ตุลาคม ๒๕๖๖"]


# ---------------------------------------------------------------- fiscal years

FISCAL = [
    pytest.param("ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ (10 Flagships", [2564], id="seed-pracham-pho-so"),
    pytest.param("ปีงบประมาณ พ.ศ. 2567", [2567], id="seed-arabic"),
    pytest.param("ประจำปีงบประมาณ ๒๕๖๗", [2567], id="no-pho-so"),
    pytest.param("ปีงบประมาณ 2567", [2567], id="arabic-no-pho-so"),
    pytest.param("ประจำปีงบประมาณ พ.ศ. ๒๕๖๓ และ ๒๕๖๔ รวม", [2563, 2564], id="seed-two-years"),
    pytest.param("ปีงบประมาณ พ.ศ. ๒๕๖๖ - ๒๕๖๘", [2566, 2567, 2568], id="year-span"),
    pytest.param("ปีงบประมาณ ๖๗", [2567], id="two-digit"),
    pytest.param("ปีงบประมาณ 2024", [2567], id="ce-year"),
    pytest.param("ประจำปีงบประมาณ (ยังไม่ระบุ)", [], id="no-year"),
]


@pytest.mark.parametrize("text, years", FISCAL)
def test_find_fiscal_years(text, years):
    found = find_fiscal_years(text)
    assert [f[0] for f in found] == years
    for year, first, last, (a, b) in found:
        assert (first, last) == fiscal_year_bounds(year)
        assert "ปีงบประมาณ" in text[a:b]


@pytest.mark.parametrize(
    "be_year, bounds",
    [
        pytest.param(2567, (D(2023, 10, 1), D(2024, 9, 30)), id="2567"),
        pytest.param(2564, (D(2020, 10, 1), D(2021, 9, 30)), id="2564"),
        pytest.param(67, (D(2023, 10, 1), D(2024, 9, 30)), id="two-digit-67"),
    ],
)
def test_fiscal_year_bounds(be_year, bounds):
    assert fiscal_year_bounds(be_year) == bounds


# ---------------------------------------------------------------- small helpers


@pytest.mark.parametrize(
    "year, ce",
    [
        pytest.param(2566, 2023, id="four-digit"),
        pytest.param(67, 2024, id="two-digit"),
        pytest.param(2400, 1857, id="lowest"),
        pytest.param(2700, 2157, id="highest"),
    ],
)
def test_be_year_to_ce(year, ce):
    assert be_year_to_ce(year) == ce


@pytest.mark.parametrize("year", [pytest.param(2023, id="ce-year"), pytest.param(3000, id="far-future")])
def test_be_year_to_ce_rejects(year):
    with pytest.raises(InvalidDateError):
        be_year_to_ce(year)


@pytest.mark.parametrize(
    "year, month, expected",
    [
        pytest.param(2024, 2, D(2024, 2, 29), id="leap-february"),
        pytest.param(2023, 2, D(2023, 2, 28), id="february"),
        pytest.param(2023, 4, D(2023, 4, 30), id="april"),
        pytest.param(2566, 12, D(2023, 12, 31), id="be-year"),
    ],
)
def test_month_end(year, month, expected):
    assert month_end(year, month) == expected


def test_month_end_rejects_month_13():
    with pytest.raises(InvalidDateError):
        month_end(2024, 13)


@pytest.mark.parametrize(
    "d, thai_digits, expected",
    [
        pytest.param(D(2023, 11, 1), True, "๑ พ.ย. ๒๕๖๖", id="thai-digits"),
        pytest.param(D(2023, 11, 1), False, "1 พ.ย. 2566", id="arabic-digits"),
        pytest.param(D(2024, 3, 22), True, "๒๒ มี.ค. ๒๕๖๗", id="mi-kho"),
    ],
)
def test_thai_display(d, thai_digits, expected):
    assert thai_display(d, thai_digits=thai_digits) == expected
    assert parse_date(expected) == d


@pytest.mark.parametrize(
    "text, date, time",
    [
        pytest.param("หมู่ - วัน - เวลา\t๒๐๑๔๓๐ พ.ย. ๖๙", D(2026, 11, 20), "14:30", id="army-message-group-thai-digits"),
        pytest.param("311200 ธ.ค. 2569", D(2026, 12, 31), "12:00", id="group-arabic-digits-full-year"),
        pytest.param("๐๑๐๘๐๐ ม.ค. ๗๐", D(2027, 1, 1), "08:00", id="group-leading-zero-day"),
    ],
)
def test_military_date_time_group(text, date, time):
    m = only(text)
    assert (m.date, m.time, m.precision) == (date, time, "day")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("๓๒๑๔๓๐ พ.ย. ๖๙", id="day-32-is-no-group"),
        pytest.param("202570 พ.ย. 69", id="minute-70-is-no-group"),
    ],
)
def test_six_digits_that_are_no_date_time_group_leave_the_month(text):
    m = only(text)
    assert (m.precision, m.time) == ("month", None)
