"""A letter's date checked against its receipt stamps and its citations."""

from __future__ import annotations

import datetime as dt

import pytest

from circulars.config import Config
from circulars.extractors.plausible import check_date, check_order_year, one_digit_years
from circulars.models import Citation, Evidence, Letter, Reference, Stamp
from circulars.pipeline import extract_text

D = dt.date


def letter_with(date, received=(), cited=()):
    letter = Letter(kind="external", span=(0, 10), text="")
    letter.date = date
    letter.evidence["date"] = Evidence(raw="๒๔ กุมภาพันธ์ ๒๕๑๘", span=(0, 10), confidence=1.0)
    letter.received = [Stamp(number="1", date=d) for d in received]
    letter.cites = [Citation(text="", date=d) for d in cited]
    return letter


@pytest.mark.parametrize(
    ("date", "received", "cited", "expected", "note"),
    [
        (D(1975, 2, 24), [D(2025, 2, 26)], [], D(2025, 2, 24), "year corrected from 2518"),
        (D(2025, 2, 24), [D(2025, 2, 26)], [D(2025, 1, 30)], D(2025, 2, 24), None),
        (D(2024, 2, 24), [D(2025, 2, 26)], [], D(2025, 2, 24), "year corrected from 2567"),
        (D(2016, 2, 24), [D(2025, 2, 26)], [], D(2016, 2, 24), "more than a year before its receipt"),
        (D(2025, 3, 24), [D(2025, 2, 26)], [], D(2025, 3, 24), "after its receipt"),
        (D(2025, 2, 17), [D(2024, 1, 19)], [], D(2025, 2, 17), "after its receipt"),
        (D(1975, 1, 10), [], [D(2024, 12, 20)], D(2025, 1, 10), "year corrected from 2518"),
        (D(2025, 2, 24), [], [], D(2025, 2, 24), None),
    ],
    ids=["year-digit-misread", "plausible-kept", "last-year-digit", "too-old-flagged", "after-receipt-flagged",
         "a-year-after-receipt-only-flagged",
         "before-a-citation", "nothing-to-check"],
)
def test_check_date(date, received, cited, expected, note):
    letter = letter_with(date, received, cited)
    check_date(letter)
    got = letter.evidence["date"].note
    assert letter.date == expected
    assert (note is None and got is None) or (note is not None and note in got)
    assert letter.evidence["date"].confidence == (1.0 if note is None else 0.6 if "corrected" in note else 0.4)
    assert bool(letter.problems) == (note is not None and "corrected" not in note)


def test_one_digit_years():
    years = one_digit_years(1975)  # พ.ศ. ๒๕๑๘
    assert len(years) == 36 and 2025 in years and 2024 not in years


def test_a_year_misread_in_a_stamped_letter_is_mended_end_to_end():
    text = ("ที่ มท ๐๘๑๒/ว ๘๙๖๓\nเลขรับ ๒๓๐๑\nวันที่ ๒๖ ก.พ. ๖๘\nเวลา ๙.๒๖ น.\nกระทรวงมหาดไทย\n"
            "ถนนอัษฎางค์ กทม. ๑๐๒๐๐\n๒๔ กุมภาพันธ์ ๒๕๑๘\nเรื่อง ขอเชิญประชุม\nเรียน ผู้ว่าราชการจังหวัด\n"
            "ด้วยกระทรวงจะจัดประชุม จึงเรียนมาเพื่อโปรดทราบ\nขอแสดงความนับถือ\n(นายสมชาย ใจดี)\nปลัดกระทรวง\n")
    letter = extract_text(text).letters[0]
    assert [s.date for s in letter.received] == [D(2025, 2, 26)]
    assert letter.date == D(2025, 2, 24)
    assert "year corrected from 2518" in letter.evidence["date"].note


def test_a_date_after_its_receipt_is_kept_and_listed_for_checking():
    text = ("ที่ มท ๐๘๑๒/ว ๘๙๖๓\nเลขรับ ๒๓๐๑\nวันที่ ๒๖ ก.พ. ๖๘\nเวลา ๙.๒๖ น.\nกระทรวงมหาดไทย\n"
            "ถนนอัษฎางค์ กทม. ๑๐๒๐๐\n๒๔ มีนาคม ๒๕๖๘\nเรื่อง ขอเชิญประชุม\nเรียน ผู้ว่าราชการจังหวัด\n"
            "ด้วยกระทรวงจะจัดประชุม จึงเรียนมาเพื่อโปรดทราบ\nขอแสดงความนับถือ\n(นายสมชาย ใจดี)\nปลัดกระทรวง\n")
    letter = extract_text(text).letters[0]
    assert (letter.date, letter.problems, letter.check) == (
        D(2025, 3, 24), ["date 2025-03-24 is after its receipt (2025-02-26)"], ["date"])


def order_with(number: str, date):
    letter = Letter(kind="order", span=(0, 10), text="")
    letter.date = date
    letter.reference = Reference(raw=f"ที่ {number}", text=number, number=number.split("/")[0], kind="order")
    return letter


@pytest.mark.parametrize(
    ("number", "date", "expected", "note"),
    [
        ("38/2518", D(2025, 2, 24), "38/2568", "year corrected from 2518"),
        ("38/2568", D(2025, 2, 24), "38/2568", None),
        ("412/67", D(2024, 9, 6), "412/67", None),
        ("412/62", D(2024, 9, 6), "412/67", "year corrected from 62"),
        ("12/2569", D(2025, 11, 3), "12/2569", None),
        ("38/2530", D(2025, 2, 24), "38/2530", "does not fit its date"),
    ],
    ids=["year-digit-misread", "plausible-kept", "short-year-kept", "short-year-misread", "fiscal-year-kept",
         "far-off-flagged"],
)
def test_check_order_year(number, date, expected, note):
    letter = order_with(number, date)
    check_order_year(letter)
    got = letter.evidence.get("reference")
    assert letter.reference.text == expected
    assert (note is None and got is None) or (note is not None and note in got.note)
    assert letter.reference.confidence == (1.0 if note is None else 0.6 if "corrected" in note else 0.4)
    assert bool(letter.problems) == (note is not None and "corrected" not in note)


def test_a_letter_reference_is_not_an_order_year():
    letter = order_with("38/2518", D(2025, 2, 24))
    letter.reference = Reference(raw="ที่ มท ๐๘๑๒/๒๕๑๘", text="มท 0812/2518", kind="letter")
    check_order_year(letter)
    assert letter.reference.text == "มท 0812/2518" and not letter.problems


def test_an_order_year_misread_is_mended_end_to_end():
    text = ("คำสั่งโรงเรียนเบญจมะมหาราช\nที่ ๓๘/๒๕๑๘\nเรื่อง แต่งตั้งคณะกรรมการ\n"
            "ตามประกาศโรงเรียน เรื่อง การรับนักเรียน\nจึงแต่งตั้งคณะกรรมการ ดังนี้\nทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป\n"
            "สั่ง ณ วันที่ ๒๔ กุมภาพันธ์ พ.ศ. ๒๕๖๘\n(นายประเสริฐ ทองมา)\nผู้อำนวยการโรงเรียน\n")
    letter = extract_text(text).letters[0]
    assert (letter.reference.text, letter.date) == ("38/2568", D(2025, 2, 24))
    assert "year corrected from 2518" in letter.evidence["reference"].note



TODAY = D(2026, 12, 7)
MEMO = ("บันทึกข้อความ\nส่วนราชการ ศศย.สปท. (โทร. ๐ ๒๕๗๒ ๑๗๔๗)\nที่ กห ๐๓๑๗.๕/๑๗๖\nวันที่ {date}\n"
        "เรื่อง ขอเชิญเข้าร่วมการประชุมวิชาการ ครั้งที่ ๒/{year}\nเรียน ผอ.ศซบ.ทหาร\n"
        "{body} จึงเรียนมาเพื่อโปรดพิจารณา\n(ลงชื่อ) พ.อ. สมชาย ใจดี\nผอ.กภศ.ศศย.สปท.\n")


def memo(date: str, year: str, body: str):
    return extract_text(MEMO.format(date=date, year=year, body=body), config=Config(today=TODAY)).letters[0]


@pytest.mark.parametrize(
    ("date", "year", "body", "expected", "note"),
    [
        ("๕ มี.ค. 9๓", "๒๕๖๗", "ขอให้ตอบภายในวันที่ ๒๐ มี.ค. ๖๗", D(2024, 3, 5),
         "year corrected from 2593: that date is more than a year after the day it was read (2026-12-07)"),
        ("๕ มี.ค. ๙๓", "๒๕๖๗", "ประชุมระหว่างวันที่ ๒๗-๒๙ มี.ค. ๒๕๖๗", D(2024, 3, 5), "year corrected from 2593"),
        ("๕ มี.ค. ๙๓", "", "ตามแผนปีงบประมาณ ๒๕๖๘", D(2025, 3, 5), "year corrected from 2593"),
    ],
    ids=["two-digits-misread", "range-year", "budget-year"],
)
def test_a_date_years_after_today_takes_the_year_the_letter_writes_most(date, year, body, expected, note):
    letter = memo(date, year, body)
    assert letter.date == expected
    assert note in letter.evidence["date"].note
    assert letter.evidence["date"].confidence <= 0.6 and not letter.problems


@pytest.mark.parametrize(
    ("date", "year", "body", "expected"),
    [
        ("๕ มี.ค. ๗๐", "๒๕๖๙", "ตามแผนปีงบประมาณ ๒๕๖๙", D(2027, 3, 5)),
        ("๒๔ ก.พ. ๖๘", "", "ตามระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ พ.ศ. ๒๕๒๖", D(2025, 2, 24)),
    ],
    ids=["within-a-year-of-today", "an-old-regulation-named"],
)
def test_a_date_up_to_a_year_after_today_is_kept(date, year, body, expected):
    letter = memo(date, year, body)
    assert letter.date == expected
    assert letter.evidence["date"].note is None and not letter.problems


@pytest.mark.parametrize(
    ("date", "year", "body", "expected"),
    [
        ("๕ มี.ค. ๙๓", "", "ไม่มีปีอื่น", D(2050, 3, 5)),
        ("๒๙ ก.พ. ๙๑", "๒๕๖๘", "ภายในวันที่ ๓ มี.ค. ๖๘", D(2048, 2, 29)),
    ],
    ids=["no-other-year", "29-february-not-in-the-year-written"],
)
def test_a_date_years_after_today_without_a_year_that_fits_is_flagged(date, year, body, expected):
    letter = memo(date, year, body)
    assert letter.date == expected
    assert letter.problems == [f"date {expected.isoformat()} is more than a year after the day it was read (2026-12-07)"]
    assert letter.evidence["date"].confidence <= 0.4


def test_the_year_written_most_wins_over_the_newest():
    body = "ตามหนังสือลงวันที่ ๓ ม.ค. ๖๗ และกำหนดส่งภายในวันที่ ๒๐ มี.ค. ๖๗ สำหรับปีงบประมาณ ๒๕๖๘"
    assert memo("๕ มี.ค. 9๓", "๒๕๖๗", body).date == D(2024, 3, 5)


def test_the_date_itself_is_not_a_year_the_letter_writes():
    """The damaged date is blanked before the years are counted: it cannot vote for itself."""
    letter = memo("๕ มี.ค. ๒๕๙๓", "", "ภายในวันที่ ๒๐ มี.ค. ๒๕๖๗")
    assert letter.date == D(2024, 3, 5)
