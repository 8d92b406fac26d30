"""Deadline phrases: every kind with exact dates, times and rules, and the dates that are not
deadlines. Sentences marked (seed) are copied from the letters in shared/seeds."""

from __future__ import annotations

import datetime as dt

import pytest

from circulars.extractors.deadlines import (
    WEEKDAY_MISMATCH,
    add_business_days,
    add_months,
    find_deadlines,
    parse_thai_number,
    scan_deadlines,
)

D = dt.date
REF = D(2023, 10, 25)  # the date of the seeds' provincial letter


def only(text: str, **kw):
    found = find_deadlines(text, **kw)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- by


@pytest.mark.parametrize(
    ("text", "date", "time", "phrase"),
    [
        pytest.param("ให้สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอทราบ ตามแบบฟอร์มฯ ภายในวันที่ ๑ พฤศจิกายน ๒๕๖๖",
                     D(2023, 11, 1), None, "ภายในวันที่ ๑ พฤศจิกายน ๒๕๖๖", id="seed-within-day"),
        pytest.param("ส่งข้อมูลก่อนวันที่ ๑๕ ตุลาคม ๒๕๖๖", D(2023, 10, 14), None,
                     "ก่อนวันที่ ๑๕ ตุลาคม ๒๕๖๖", id="before-day-excludes-it"),
        pytest.param("ส่งรายชื่อ ก่อนวันที่ ๑๖ ตุลาคม ๒๕๖๖ ก่อนเวลา ๑๖.๓๐ น.", D(2023, 10, 16), "16:30",
                     "ก่อนวันที่ ๑๖ ตุลาคม ๒๕๖๖ ก่อนเวลา ๑๖.๓๐ น.", id="before-day-with-time"),
        pytest.param("ส่งผลงานได้ตั้งแต่บัดนี้ถึงวันที่ ๓๐ มิถุนายน ๒๕๖๗", D(2024, 6, 30), None,
                     "ถึงวันที่ ๓๐ มิถุนายน ๒๕๖๗", id="from-now-until"),
        pytest.param("เสนอไม่เกินวันที่ ๓๐ กันยายน ๒๕๖๗", D(2024, 9, 30), None,
                     "ไม่เกินวันที่ ๓๐ กันยายน ๒๕๖๗", id="not-later-than"),
        pytest.param("กรุณาส่งแบบรายงานฯ ให้กองวิชาการและแผนงาน ภายในวันจันทร์ที่ ๑ กุมภาพันธ์ ๒๕๖๔",
                     D(2021, 2, 1), None, "ภายในวันจันทร์ที่ ๑ กุมภาพันธ์ ๒๕๖๔", id="seed-weekday"),
        pytest.param("ภายในวันจันทร์ที่ ๑๕ กุมภาพันธ์ ๒๕๖๔ ก่อนเวลา ๑๖.๓๐ น.", D(2021, 2, 15), "16:30",
                     "ภายในวันจันทร์ที่ ๑๕ กุมภาพันธ์ ๒๕๖๔ ก่อนเวลา ๑๖.๓๐ น.", id="seed-before-time"),
        pytest.param("ส่งภายในวันที่ ๕ ธันวาคม ๒๕๖๖ เวลา ๑๗.๐๐ น.", D(2023, 12, 5), "17:00",
                     "ภายในวันที่ ๕ ธันวาคม ๒๕๖๖ เวลา ๑๗.๐๐ น.", id="at-time"),
        pytest.param("เปิดให้บริการศูนย์บริการร่วม ภายในเดือนตุลาคม ๒๕๖๖", D(2023, 10, 31), None,
                     "ภายในเดือนตุลาคม ๒๕๖๖", id="seed-month-end"),
        pytest.param("ให้กรมการปกครองทราบ ภายในวันที่ ๑ กุมภาพันธ์ พ.ศ. ๒๕๖๔", D(2021, 2, 1), None,
                     "ภายในวันที่ ๑ กุมภาพันธ์ พ.ศ. ๒๕๖๔", id="seed-be-word"),
        pytest.param("รายงานผลการเปิดศูนย์บริการร่วมฯ ให้อำเภอ/สอ. ภายในวันที่ 10 พฤศจิกายน 2566",
                     D(2023, 11, 10), None, "ภายในวันที่ 10 พฤศจิกายน 2566", id="seed-arabic-digits"),
        pytest.param("ส่งคืนภายใน ๑๕ ต.ค. ๖๖", D(2023, 10, 15), None, "ภายใน ๑๕ ต.ค. ๖๖", id="abbreviated"),
        pytest.param("ตอบรับภายในวันที่ ๒๕ พฤศจิกายน", D(2023, 11, 25), None, "ภายในวันที่ ๒๕ พฤศจิกายน",
                     id="year-from-reference"),
    ],
)
def test_by(text, date, time, phrase):
    d = only(text, reference=REF)
    assert (d.kind, d.date, d.time, d.text) == ("by", date, time, phrase)
    assert text[d.span[0]:d.span[1]] == phrase


# ---------------------------------------------------------------- range


@pytest.mark.parametrize(
    ("text", "start", "end", "time"),
    [
        pytest.param("ส่งผลงานได้ตั้งแต่วันที่ ๔ มิถุนายน - ๓๑ กรกฎาคม ๒๕๖๗", D(2024, 6, 4), D(2024, 7, 31), None,
                     id="from-to"),
        pytest.param("ฝึกอบรมระหว่าง ๒๗ - ๒๙ มกราคม ๒๕๖๘", D(2025, 1, 27), D(2025, 1, 29), None, id="between-days"),
        pytest.param("รับสมัคร ๘ ต.ค.-๒๐ ธ.ค. ๖๗", D(2024, 10, 8), D(2024, 12, 20), None, id="bare-abbreviated"),
        pytest.param("ระหว่างวันที่ ๑ - ๓ พฤศจิกายน ๒๕๖๖ เวลา ๐๘.๓๐ น.", D(2023, 11, 1), D(2023, 11, 3), "08:30",
                     id="with-time"),
        pytest.param("แจ้งผู้มีส่วนได้ส่วนเสียตอบแบบวัดการรับรู้ ระหว่างเดือนมีนาคม - พฤษภาคม ๒๕๖๗", D(2024, 3, 1),
                     D(2024, 5, 31), None, id="between-months"),
    ],
)
def test_range(text, start, end, time):
    d = only(text, reference=REF)
    assert (d.kind, d.start, d.date, d.time) == ("range", start, end, time)


# ---------------------------------------------------------------- recurring


@pytest.mark.parametrize(
    ("text", "rrule", "first"),
    [
        pytest.param("รายงานให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดทราบเป็นรายไตรมาส ภายในวันที่ ๓๐ ของทุกเดือน",
                     "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=30", D(2023, 12, 30), id="seed-quarterly-30"),
        pytest.param("ทราบเป็นรายไตรมาส ภายในวันที่ ๓๐ ของเดือน ผ่านระบบข้อมูลกลางองค์กรปกครองส่วนท้องถิ่น (ระบบ INFO) "
                     "โดยรายงานครั้งแรก ภายในวันที่ ๓๐ ธันวาคม ๒๕๖๖", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=30",
                     D(2023, 12, 30), id="seed-stated-first"),
        pytest.param("รายงานผลรายไตรมาส ภายในวันที่ ๒๕ ของเดือนเริ่มไตรมาส สำหรับครั้งแรกให้รายงานภายในวันที่ ๒๕ เมษายน ๒๕๖๔",
                     "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=25", D(2021, 4, 25), id="quarter-start-stated"),
        pytest.param("ให้กรมทราบเป็นรายไตรมาส ภายในวันที่ ๑๕ ของเดือน", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15",
                     D(2024, 1, 15), id="seed-quarterly-15"),
        pytest.param("รายงานภายในวันที่ ๑๐ ของทุกเดือน", "FREQ=MONTHLY;BYMONTHDAY=10", D(2023, 11, 10), id="monthly"),
        pytest.param("รายงานทุกเดือน ภายในวันที่ ๕", "FREQ=MONTHLY;BYMONTHDAY=5", D(2023, 11, 5), id="every-month-day"),
        pytest.param("ภายในวันที่สามสิบของทุกเดือน", "FREQ=MONTHLY;BYMONTHDAY=30", D(2023, 10, 30), id="number-words"),
        pytest.param("ส่งข้อมูลทุกวันที่ ๒๐", "FREQ=MONTHLY;BYMONTHDAY=20", D(2023, 11, 20), id="every-day-number"),
        pytest.param("รายงานเป็นรายเดือน ภายในวันสิ้นเดือน", "FREQ=MONTHLY;BYMONTHDAY=-1", D(2023, 10, 31),
                     id="month-end"),
        pytest.param("สรุปผลทุกสัปดาห์ ภายในวันศุกร์", "FREQ=WEEKLY;BYDAY=FR", D(2023, 10, 27), id="weekly-friday"),
        pytest.param("ประชุมประจำทุกวันจันทร์", "FREQ=WEEKLY;BYDAY=MO", D(2023, 10, 30), id="every-monday"),
        pytest.param("ส่งแผนภายในวันที่ ๓๑ มีนาคม ของทุกปี", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31", D(2024, 3, 31),
                     id="yearly"),
        pytest.param("รายงานราย ๖ เดือน ภายในวันที่ ๓๐ ของเดือน", "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=30",
                     D(2024, 3, 30), id="half-yearly"),
        pytest.param("รายงานผลต่อจังหวัดเป็นรายเดือน ภายในวันที่ ๕ ของเดือนถัดไป", "FREQ=MONTHLY;BYMONTHDAY=5",
                     D(2023, 11, 5), id="next-month"),
        pytest.param("รายงานผลต่อนายกทุกวันศุกร์ เริ่มตั้งแต่วันศุกร์ที่ ๒๒ ธันวาคม ๒๕๖๖ เป็นต้นไป",
                     "FREQ=WEEKLY;BYDAY=FR", D(2023, 12, 22), id="weekly-stated-start"),
        pytest.param("รายงานเป็นรายไตรมาส ภายในวันที่ ๕ ของเดือนถัดจากเดือนสุดท้ายของไตรมาส เริ่มตั้งแต่ไตรมาสที่ ๓ "
                     "ของปีงบประมาณ พ.ศ. ๒๕๖๙ เป็นต้นไป", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5", D(2026, 7, 5),
                     id="after-a-stated-fiscal-quarter"),
        pytest.param("รายงานเป็นรายไตรมาส ภายในวันที่ ๓๐ ของเดือนสุดท้ายของไตรมาส เริ่มตั้งแต่ไตรมาสที่ ๑ ปีงบประมาณ ๒๕๗๐",
                     "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=30", D(2026, 12, 30), id="in-a-stated-fiscal-quarter"),
        pytest.param("รายงานพื้นที่เพาะปลูก ทุกวันที่ ๓ ของเดือน ตั้งแต่เดือนธันวาคม ๒๕๖๖ ถึงเดือนเมษายน ๒๕๖๗",
                     "FREQ=MONTHLY;BYMONTHDAY=3;UNTIL=20240430", D(2023, 12, 3), id="monthly-within-a-period"),
        pytest.param("ให้รายงานผลการปฏิบัติทุกวัน ภายในเวลา ๑๘.๐๐ น.", "FREQ=DAILY", REF, id="daily"),
        pytest.param("รายงานสถานการณ์วันละ ๒ ครั้ง เวลา ๐๙.๐๐ น. และ ๑๕.๐๐ น.", "FREQ=DAILY;BYHOUR=9,15;BYMINUTE=0",
                     REF, id="twice-a-day"),
    ],
)
def test_recurring(text, rrule, first):
    d = only(text, reference=REF)
    assert (d.kind, d.rrule, d.date) == ("recurring", rrule, first)


@pytest.mark.parametrize(
    ("text", "reference", "first", "time"),
    [
        pytest.param("ระหว่างวันที่ ๒๙ ธันวาคม ๒๕๖๘ - ๔ มกราคม ๒๕๖๙ และรายงานสถิติประจำวันผ่านระบบ ThaiRSC ทุกวัน "
                     "ภายในเวลา ๐๙.๐๐ น. ของวันถัดไป", D(2025, 12, 4), D(2025, 12, 30), "09:00",
                     id="next-morning-written-twice"),
        pytest.param("ให้รายงานผลการปฏิบัติทุกวัน ภายในเวลา ๑๘.๐๐ น.", REF, REF, "18:00", id="same-day"),
        pytest.param("ระหว่างวันที่ ๑ - ๓๐ มีนาคม ๒๕๖๘ และรายงานผลการปฏิบัติประจำวันทางกลุ่มไลน์ \"ศปก.ภ.จว.ยล รอมฎอน ๖๘\" "
                     "ภายในเวลา\n๒๐.๐๐ น. ของทุกวัน", D(2025, 2, 18), D(2025, 3, 1), "20:00", id="time-before-every-day"),
    ],
)
def test_daily_rule_once_with_its_first_day(text, reference, first, time):
    (rec,) = [d for d in find_deadlines(text, reference=reference) if d.kind == "recurring"]
    assert (rec.rrule, rec.date, rec.time) == ("FREQ=DAILY", first, time)


def test_relative_to_the_announcement_itself():
    (d,) = find_deadlines("ให้แจ้งการเปลี่ยนแปลงต่อสำนักงานประมงจังหวัดภายในสิบห้าวันนับแต่วันที่ประกาศนี้",
                          reference=D(2025, 11, 24))
    assert (d.kind, d.date, d.anchor) == ("relative", D(2025, 12, 9), "วันที่ประกาศนี้")


def test_daily_rule_keeps_its_time():
    assert only("ให้รายงานผลการปฏิบัติทุกวัน ภายในเวลา ๑๘.๐๐ น.", reference=REF).time == "18:00"


def test_every_day_over_a_range_is_that_range():
    d = only("รายงานสถานการณ์ให้ศูนย์ปฏิบัติการทราบทุกวัน ตั้งแต่วันที่ ๑ ธันวาคม ๒๕๖๖ - ๓๑ พฤษภาคม ๒๕๖๗")
    assert (d.kind, d.start, d.date) == ("range", D(2023, 12, 1), D(2024, 5, 31))


def test_allowance_per_day_is_not_a_rule():
    assert find_deadlines("เบิกค่าอาหารได้วันละ ๑๐๐ บาท", reference=REF) == []


def test_recurring_first_date_is_not_a_second_deadline():
    text = "รายไตรมาส ภายในวันที่ ๓๐ ของเดือน โดยรายงานครั้งแรก ภายในวันที่ ๓๐ ธันวาคม ๒๕๖๖"
    (d,) = find_deadlines(text, reference=REF)
    assert d.text.endswith("๓๐ ธันวาคม ๒๕๖๖")


# ---------------------------------------------------------------- relative


@pytest.mark.parametrize(
    ("text", "received", "date", "anchor"),
    [
        pytest.param("ภายใน ๗ วัน นับแต่วันที่ได้รับหนังสือ", D(2023, 10, 27), D(2023, 11, 3), "วันที่ได้รับหนังสือ",
                     id="seven-days"),
        pytest.param("ภายในสิบห้าวันนับแต่วันที่ได้รับหนังสือนี้", D(2023, 10, 27), D(2023, 11, 11),
                     "วันที่ได้รับหนังสือนี้", id="number-words"),
        pytest.param("ภายในเจ็ดวัน", D(2023, 10, 27), D(2023, 11, 3), "วันที่ได้รับหนังสือ", id="default-anchor"),
        pytest.param("ภายใน ๕ วันทำการ", D(2024, 4, 10), D(2024, 4, 22), "วันที่ได้รับหนังสือ",
                     id="business-days-songkran"),
        pytest.param("ภายใน ๒ สัปดาห์ นับแต่วันที่ได้รับหนังสือ", D(2023, 10, 27), D(2023, 11, 10),
                     "วันที่ได้รับหนังสือ", id="weeks"),
        pytest.param("ภายใน ๑ เดือน นับจากวันที่ได้รับหนังสือ", D(2024, 1, 31), D(2024, 2, 29),
                     "วันที่ได้รับหนังสือ", id="month-clamped"),
        pytest.param("ภายใน ๓๐ วัน นับแต่วันที่ ๑ ตุลาคม ๒๕๖๖", None, D(2023, 10, 31), "วันที่ ๑ ตุลาคม ๒๕๖๖",
                     id="anchored-on-date"),
        pytest.param("ภายใน ๑๕ วัน นับแต่วันสิ้นสุดโครงการ", D(2023, 10, 27), None, "วันสิ้นสุดโครงการ",
                     id="unknown-anchor"),
        pytest.param("ประเมินสถานการณ์และรายงาน ภายใน ๔๘ ชั่วโมง นับแต่ได้รับโทรสารนี้", D(2024, 5, 2), D(2024, 5, 4),
                     "ได้รับโทรสารนี้", id="hours"),
    ],
)
def test_relative(text, received, date, anchor):
    d = only(text, reference=REF, received=received)
    assert (d.kind, d.date, d.anchor) == ("relative", date, anchor)


def test_relative_without_received_has_no_date_but_an_anchor():
    d = only("ให้รายงานผลภายใน ๑๕ วันทำการ นับแต่วันที่ได้รับหนังสือ", reference=REF)
    assert (d.kind, d.date, d.anchor) == ("relative", None, "วันที่ได้รับหนังสือ")
    assert d.text == "ภายใน ๑๕ วันทำการ นับแต่วันที่ได้รับหนังสือ"


# ---------------------------------------------------------------- event


@pytest.mark.parametrize(
    ("text", "date", "time"),
    [
        pytest.param("จึงได้กำหนดจัดการประชุมชี้แจงแนวทางการดำเนินการ ในวันพุธที่ ๑๑ ตุลาคม ๒๕๖๖ "
                     "เวลา ๐๙.๐๐ - ๑๔.๐๐ น. ผ่านสื่ออิเล็กทรอนิกส์", D(2023, 10, 11), "09:00", id="seed-meeting"),
        pytest.param("ขอเชิญร่วมฟังการบรรยาย วันจันทร์ที่ ๒๗ ม.ค.๖๘ เวลา ๑๓๐๐ - ๑๕๐๐", D(2025, 1, 27), "13:00",
                     id="lecture-compact-time"),
        pytest.param("ขอเชิญเข้ารับการอบรม ในวันที่ ๕ ธันวาคม ๒๕๖๖", D(2023, 12, 5), None, id="training-no-time"),
        pytest.param("ผู้ยื่นข้อเสนอจะต้องยื่นข้อเสนอ ในวันที่ ๓๐ เมษายน ๒๕๖๗ ระหว่างเวลา ๐๙.๐๐ น. ถึง ๑๖.๓๐ น.",
                     D(2024, 4, 30), "09:00", id="appointment-with-time"),
    ],
)
def test_event(text, date, time):
    d = only(text, reference=REF)
    assert (d.kind, d.date, d.time) == ("event", date, time)


# ---------------------------------------------------------------- not deadlines


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("ได้จัดประชุมชี้แจงแนวทางการดำเนินการ เมื่อวันที่ ๑๑ ตุลาคม ๒๕๖๖ เวลา ๐๙.๐๐ น. "
                     "ผ่านสื่ออิเล็กทรอนิกส์", id="seed-past-meeting"),
        pytest.param("หนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่ มท ๐๘๑๒/ว ๘๙๖๓ ลงวันที่ ๒๕ กันยายน ๒๕๖๖",
                     id="seed-cited-letter"),
        pytest.param("พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. ๒๕๕๘", id="seed-law-year"),
        pytest.param("ประจำปีงบประมาณ พ.ศ. 2567 (ต.ค. 66 - ก.ย. 67)", id="seed-fiscal-year"),
        pytest.param("และสามารถดาวน์โหลดเอกสารประกอบการประชุมฯ ได้ ตั้งแต่วันที่ ๒ ตุลาคม ๒๕๖๖ เป็นต้นไป",
                     id="seed-from-onwards"),
        pytest.param("(สามารถดาวน์โหลดเอกสารฯ ได้ตั้งแต่วันศุกร์ที่ ๖ ตุลาคม ๒๕๖๖ เป็นต้นไป)", id="seed-weekday-onwards"),
        pytest.param("๒๗ ตุลาคม ๒๕๖๖", id="letter-date"),
        pytest.param("ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๖", id="announced-on"),
        pytest.param("ที่ทำการปกครองจังหวัดสกลนคร\nเลขที่ ๙๙\nวันที่ ๒๒ มี.ค. ๒๕๖๔\nเวลา ๑๐:๓๐", id="seed-stamp"),
        pytest.param("ภายในวันที่ ๕", id="day-without-month-or-rule"),
        pytest.param("ให้เจ้าของป้ายที่แสดงไว้ก่อนวันที่ ๑ มกราคม ๒๕๖๘ ยื่นแบบ", id="date-describing-a-sign"),
        pytest.param("ผู้ประสบภัยที่เกิดขึ้นก่อนวันที่ ๑ ตุลาคม ๒๕๖๖", id="date-describing-an-event"),
    ],
)
def test_not_a_deadline(text):
    assert find_deadlines(text, reference=REF, received=REF) == []


def test_several_deadlines_in_order_with_spans():
    text = ("และรายงาน Username ให้จังหวัดทราบ ภายในวันที่ ๒๙ มกราคม ๒๕๖๔ และรายงานการกรอกข้อมูลใบสมัคร"
            "ให้จังหวัดทราบ ภายในวันที่ ๑๐ กุมภาพันธ์ ๒๕๖๔")
    found = find_deadlines(text)
    assert [d.date for d in found] == [D(2021, 1, 29), D(2021, 2, 10)]
    assert all(text[d.span[0]:d.span[1]] == d.text for d in found)


# ---------------------------------------------------------------- problems


def test_weekday_mismatch_is_kept_and_reported():
    scan = scan_deadlines("ขอให้ส่งภายในวันอังคารที่ ๑๑ ตุลาคม ๒๕๖๖", reference=REF)
    assert [d.date for d in scan.deadlines] == [D(2023, 10, 11)]
    assert [p.reason for p in scan.problems] == [WEEKDAY_MISMATCH]


def test_impossible_due_date_is_a_problem_not_a_deadline():
    scan = scan_deadlines("ภายในวันที่ ๓๑ กุมภาพันธ์ ๒๕๖๗")
    assert scan.deadlines == []
    assert scan.problems[0].reason.startswith("day 31 does not exist")


# ---------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("words", "value"),
    [("สิบห้า", 15), ("เจ็ด", 7), ("สามสิบ", 30), ("ยี่สิบเอ็ด", 21), ("สิบ", 10), ("หนึ่งร้อยยี่สิบ", 120),
     ("๑๕", 15), ("15", 15), ("วัน", None)],
)
def test_parse_thai_number(words, value):
    assert parse_thai_number(words) == value


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        pytest.param(D(2024, 4, 10), 5, D(2024, 4, 22), id="songkran-and-weekend"),
        pytest.param(D(2023, 10, 20), 1, D(2023, 10, 24), id="chulalongkorn-day"),
        pytest.param(D(2023, 11, 3), 1, D(2023, 11, 6), id="weekend"),
    ],
)
def test_add_business_days(start, days, due):
    assert add_business_days(start, days) == due


def test_add_months_clamps_to_month_end():
    assert add_months(D(2023, 8, 31), 6) == D(2024, 2, 29)


def test_recurring_rule_inside_a_later_period_starts_with_the_period():
    import datetime as _dt

    from circulars.extractors.deadlines import find_deadlines as _fd

    text = ("จัดกำลังร่วมปฏิบัติหน้าที่ ระหว่างวันที่ ๑ - ๓๐ มีนาคม ๒๕๖๘ และรายงานผลการปฏิบัติ"
            "ประจำวันทางกลุ่มไลน์ ภายในเวลา ๒๐.๐๐ น. ของทุกวัน")
    rec = [d for d in _fd(text, reference=_dt.date(2025, 2, 18)) if d.kind == "recurring"]
    assert rec and {(d.date, d.rrule) for d in rec} == {(_dt.date(2025, 3, 1), "FREQ=DAILY")}
