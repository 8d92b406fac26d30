"""Header layouts first seen on letters nobody had tuned on: each test is a short snippet
in the style of such a letter, with the exact values a clerk reads off it."""

from __future__ import annotations

import datetime as dt

import pytest

from circulars.pipeline import extract_text


def _letters(text: str):
    return extract_text(text).letters


def _letter(text: str):
    (letter,) = _letters(text)
    return letter


ORDER_TWO_LINE_SUBJECT = """คำสั่งเทศบาลตำบลหนองบัว
ที่ ๑๒๓/๒๕๖๘
เรื่อง แต่งตั้งคณะทำงานออกหน่วยบริการตรวจสุขภาพผู้สูงอายุและคัดกรองโรคเรื้อรังในชุมชน
{second}
------------------------------

ด้วยเทศบาลตำบลหนองบัว ได้รับการจัดสรรงบประมาณเพื่อดำเนินการตามโครงการ จึงแต่งตั้งคณะทำงาน
ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป

สั่ง ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๘

(นายสมชาย ใจดี)
นายกเทศมนตรีตำบลหนองบัว
"""


@pytest.mark.parametrize(
    "second, subject",
    [
        pytest.param("ตามโครงการผู้สูงอายุสุขภาพดี ชุมชนเข้มแข็ง ห่างไกลโรคเรื้อรัง ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                     "แต่งตั้งคณะทำงานออกหน่วยบริการตรวจสุขภาพผู้สูงอายุและคัดกรองโรคเรื้อรังในชุมชน "
                     "ตามโครงการผู้สูงอายุสุขภาพดี ชุมชนเข้มแข็ง ห่างไกลโรคเรื้อรัง ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                     id="full-width-second-line-opening-like-a-body-above-the-rule"),
        pytest.param("ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                     "แต่งตั้งคณะทำงานออกหน่วยบริการตรวจสุขภาพผู้สูงอายุและคัดกรองโรคเรื้อรังในชุมชน "
                     "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                     id="short-second-line"),
    ],
)
def test_an_order_subject_runs_to_the_rule_under_the_title(second, subject):
    letter = _letter(ORDER_TWO_LINE_SUBJECT.format(second=second))
    assert (letter.kind, letter.subject, letter.date) == ("order", subject, dt.date(2025, 10, 1))


def test_a_page_marker_is_not_part_of_the_signatory_position():
    text = """ประกาศมหาวิทยาลัยราชภัฏเลย
เรื่อง รับสมัครนักศึกษาเข้าร่วมโครงการ
------------------------------
ด้วยมหาวิทยาลัยราชภัฏเลย เปิดรับสมัครนักศึกษา ตั้งแต่วันที่ 1 ถึงวันที่ 15 ธันวาคม 2569
จึงประกาศมาให้ทราบโดยทั่วกัน
ประกาศ ณ วันที่ 20 พฤศจิกายน พ.ศ. 2569
(ผู้ช่วยศาสตราจารย์ ดร.สมศักดิ์ รักเรียน)
รองอธิการบดีฝ่ายกิจการนักศึกษา ปฏิบัติราชการแทน
อธิการบดีมหาวิทยาลัยราชภัฏเลย
หน้า 1/2
"""
    letter = _letter(text)
    assert letter.signatory.position == "รองอธิการบดีฝ่ายกิจการนักศึกษา ปฏิบัติราชการแทน อธิการบดีมหาวิทยาลัยราชภัฏเลย"


SCHOOL_CONTACT = """ที่ ศธ ๐๔๐๕๗.๑๒/ ๓๔๕
โรงเรียนบ้านหนองแวง
ตำบลหนองแวง อำเภอเมือง
จังหวัดขอนแก่น ๔๐๐๐๐

๒ ธันวาคม ๒๕๖๙

เรื่อง ขอเชิญประชุมผู้ปกครอง

เรียน ผู้ปกครองนักเรียนชั้นประถมศึกษาปีที่ ๖

ด้วยโรงเรียนบ้านหนองแวง จะจัดประชุมผู้ปกครองนักเรียน จึงขอเชิญท่านเข้าร่วมประชุม

จึงเรียนมาเพื่อโปรดทราบ

ขอแสดงความนับถือ

(นางสาวมาลี ศรีสุข)
ผู้อำนวยการโรงเรียนบ้านหนองแวง

งานวิชาการ
โทร. ๐๔๓ ๖๖๗ ๐๑๒
{person}

กำหนดการประชุมผู้ปกครอง
วันเสาร์ที่ ๑๙ ธันวาคม ๒๕๖๙
"""


@pytest.mark.parametrize(
    "person, phones",
    [
        pytest.param("ครูประจำชั้น ป.๖ นายวิชัย ใจดี โทร. ๐๙๒ ๔๗๘ ๑๑๓๖", ["043 667 012", "092 478 1136"],
                     id="teacher-named-before-the-phone"),
        pytest.param("ผู้ประสานงาน นายวิชัย ใจดี โทร. ๐๙๒ ๔๗๘ ๑๑๓๖", ["043 667 012", "092 478 1136"],
                     id="labelled-coordinator"),
    ],
)
def test_a_contact_line_naming_a_person_first_belongs_to_the_contact_block(person, phones):
    doc = extract_text(SCHOOL_CONTACT.format(person=person))
    (letter,) = doc.letters
    assert (letter.contact.unit, letter.contact.phones) == ("งานวิชาการ", phones)
    assert [a.title for a in doc.attachments] == ["กำหนดการประชุมผู้ปกครอง"]


STAMPED_NO_SEAL = """ที่ ลป ๐๐๑๗.๓/ว ๗๗๑

ถึง อำเภอ ทุกอำเภอ และองค์การบริหารส่วนจังหวัดลำปาง

ตามที่จังหวัดลำปางได้แจ้งให้อำเภอสำรวจข้อมูล ปรากฏว่ายังมีอำเภอที่ยังไม่ได้รายงาน
จึงขอให้รายงานให้จังหวัดทราบ ภายใน ๕ วันทำการ นับถัดจากวันที่ได้รับหนังสือนี้
{gap}
จังหวัดลำปาง
{gap}
๒ ธันวาคม ๒๕๖๘

ที่ทำการปกครองจังหวัด
กลุ่มงานความมั่นคง
โทร. ๐ ๕๔๒๖ ๕๐๑๑ โทรสาร ๐ ๕๔๒๖ ๕๐๑๒
ผู้ประสานงาน นายสมพงษ์ ใจงาม โทร. ๐๙๒ ๕๕๓ ๐๔๑๘
"""


@pytest.mark.parametrize("gap", [pytest.param("", id="date-right-under-the-agency"),
                                 pytest.param("\n", id="blank-lines-between")])
def test_a_stamped_letter_whose_seal_left_no_text(gap):
    letter = _letter(STAMPED_NO_SEAL.format(gap=gap))
    assert (letter.kind, letter.sender, letter.date, letter.signatory) == (
        "stamped", "จังหวัดลำปาง", dt.date(2025, 12, 2), None)
    assert (letter.contact.unit, letter.contact.phones) == (
        "ที่ทำการปกครองจังหวัด กลุ่มงานความมั่นคง", ["0 5426 5011", "0 5426 5012", "092 553 0418"])


STAMP_LEFT_OF_ADDRESS = """ที่ กษ ๐๓๒๘.๐๗/ว ๘๘๒
ที่ว่าการอำเภอเมือง
ที่\t๕๑๒\t๒๕๖๙\tโครงการส่งน้ำและบำรุงรักษาบางปลาม้า
วันที่ ๑๑ พ.ย. ๒๕๖๙\tตำบลบ้านแหลม อำเภอบางปลาม้า
เวลา 10.๔๕ น.\tจังหวัดสุพรรณบุรี ๗๒๑๕๐

๙ พฤศจิกายน ๒๕๖๙

เรื่อง แผนการส่งน้ำ

เรียน นายอำเภอเมือง

ด้วยโครงการขอแจ้งแผนการส่งน้ำ
"""

STAMP_RIGHT_OF_REFERENCE = """ด่วน
เทศบาลเมืองสตูล
ที่ พน ๐๖๐๗.๗๐/ว ๐๓๒\tรับที่ ๑๕๗
วันที่ ๑๔ ม.ค. ๖๙
เวลา ๑๐.๒๕
สำนักงานพลังงานจังหวัดสตูล
ถนนสตูลธานี สต ๙๑๐๐๐

๑๒ ม.ค. ๖๙

เรื่อง ขอเชิญส่งเจ้าหน้าที่เข้ารับการฝึกอบรม

เรียน นายอำเภอ ทุกอำเภอ

ด้วยสำนักงานพลังงานจังหวัดสตูลจะจัดการฝึกอบรม
"""

STAMP_AGENCY_BESIDE_REFERENCE = """ด่วนที่สุด

ที่ ฉช ๐๖๑๘/ว ๒๒๓\tเทศบาลตำบลบ้านโพธิ์
เลขรับ ๕๑๒
วันที่ ๖ มี.ค. ๒๕๖๙
เวลา ๑๓.๔๐ น.
ที่ว่าการอำเภอบ้านโพธิ์
ถนนเทพราช ฉช ๒๔๑๔๐

๔ มีนาคม ๒๕๖๙

เรื่อง การเฝ้าระวังโรคไข้หวัดนก

เรียน นายกเทศมนตรีตำบลบ้านโพธิ์

ด้วยอำเภอได้รับแจ้งจากจังหวัด
"""


@pytest.mark.parametrize(
    "text, reference, sender, date, stamp",
    [
        pytest.param(STAMP_LEFT_OF_ADDRESS, "กษ 0328.07/ว 882", "โครงการส่งน้ำและบำรุงรักษาบางปลาม้า",
                     dt.date(2026, 11, 9), ("512", dt.date(2026, 11, 11), "10:45", "ที่ว่าการอำเภอเมือง"),
                     id="stamp-table-left-of-the-address-block"),
        pytest.param(STAMP_RIGHT_OF_REFERENCE, "พน 0607.70/ว 032", "สำนักงานพลังงานจังหวัดสตูล",
                     dt.date(2026, 1, 12), ("157", dt.date(2026, 1, 14), "10:25", "เทศบาลเมืองสตูล"),
                     id="stamp-number-right-of-the-reference"),
        pytest.param(STAMP_AGENCY_BESIDE_REFERENCE, "ฉช 0618/ว 223", "ที่ว่าการอำเภอบ้านโพธิ์",
                     dt.date(2026, 3, 4), ("512", dt.date(2026, 3, 6), "13:40", "เทศบาลตำบลบ้านโพธิ์"),
                     id="stamp-agency-right-of-the-reference-address-below-the-stamp"),
    ],
)
def test_a_receiving_stamp_interleaved_with_the_address_block(text, reference, sender, date, stamp):
    letter = _letter(text)
    assert (letter.reference.text, letter.sender, letter.date) == (reference, sender, date)
    assert [(s.number, s.date, s.time, s.agency) for s in letter.received] == [stamp]


def test_the_address_beside_the_reference_stays_the_sender_when_the_stamp_has_its_own_agency():
    text = STAMP_AGENCY_BESIDE_REFERENCE.replace("ที่ ฉช ๐๖๑๘/ว ๒๒๓\tเทศบาลตำบลบ้านโพธิ์\n",
                                                 "ที่ ฉช ๐๖๑๘/ว ๒๒๓\tที่ว่าการอำเภอบ้านโพธิ์\nเทศบาลตำบลบ้านโพธิ์\n")
    text = text.replace("ที่ว่าการอำเภอบ้านโพธิ์\nถนนเทพราช ฉช ๒๔๑๔๐\n", "")
    letter = _letter(text)
    assert (letter.sender, letter.date) == ("ที่ว่าการอำเภอบ้านโพธิ์", dt.date(2026, 3, 4))
    assert [(s.number, s.agency) for s in letter.received] == [("512", "เทศบาลตำบลบ้านโพธิ์")]


def test_a_dotted_blank_time_belongs_to_the_stamp():
    text = STAMP_RIGHT_OF_REFERENCE.replace("ที่ พน ๐๖๐๗.๗๐/ว ๐๓๒\tรับที่ ๑๕๗\nวันที่ ๑๔ ม.ค. ๖๙\nเวลา ๑๐.๒๕\n",
                                            "ที่ พน ๐๖๐๗.๗๐/ว ๐๓๒\tรับที่ ๑๕๗\nวันที่ ๑๔ ม.ค. ๖๙\nเวลา ...........\n")
    letter = _letter(text)
    assert [(s.number, s.date, s.time) for s in letter.received] == [("157", dt.date(2026, 1, 14), None)]
    assert "เวลา ..........." in [f.text for f in letter.furniture]


MESSAGE_FORM = """ลับ

กระดาษเขียนข่าว
{urgency_label}\tด่วนที่สุด\tชั้นความลับ\tลับ
หมู่ - วัน - เวลา\t๐๕๐๙๑๕ ธ.ค. ๖๙\tหน้าที่ ๑ ของ ๑ หน้า
ที่ของผู้ให้ข่าว\tกห ๐๔๐๒.๕/๒๒๐๑
จาก\tพล.ร.๙
ถึง (ผู้รับปฏิบัติ)\tร.๙ พัน.๑, ร.๙ พัน.๒ และ ม.พัน.๑๒
ผู้รับทราบ\tยก.ทบ.
อ้างถึง\tข่าว พล.ร.๙ ที่ กห ๐๔๐๒.๕/๒๑๕๐ ลง ๑ ธ.ค. ๖๙
----------------------------------------------------------------------

๑. ให้หน่วยรายงานยอดกำลังพลให้ พล.ร.๙ ทราบ ภายใน ๘ ธ.ค. ๖๙

ผู้เขียนข่าว\tร.อ. (สมหมาย ใจกล้า) ประจำแผนกยุทธการ
ผู้อนุมัติข่าว\t{rank}(ประเสริฐ ทองดี) เสธ.พล.ร.๙ ทำการแทน ผบ.พล.ร.๙

ลับ

ลับ
แบบรายงานยอดกำลังพล
หน่วย ..................................
ลำดับ | ยศ ชื่อ | หมายเหตุ
"""


@pytest.mark.parametrize(
    "urgency_label, rank",
    [
        pytest.param("ความเร่งด่วน", "พ.อ. ", id="labelled-fields-rank-outside-parentheses"),
        pytest.param("ความเร่งดวน", "", id="ocr-dropped-tone-mark-no-rank"),
    ],
)
def test_an_army_message_form(urgency_label, rank):
    doc = extract_text(MESSAGE_FORM.format(urgency_label=urgency_label, rank=rank))
    (letter,) = doc.letters
    assert (letter.kind, letter.urgency, letter.secrecy) == ("fax", "ด่วนที่สุด", "ลับ")
    assert (letter.reference.text, letter.date, letter.sender) == ("กห 0402.5/2201", dt.date(2026, 12, 5), "พล.ร.๙")
    assert letter.recipients == ["ร.๙ พัน.๑", "ร.๙ พัน.๒", "ม.พัน.๑๒"]
    assert [(c.reference.text, c.date) for c in letter.cites] == [("กห 0402.5/2150", dt.date(2026, 12, 1))]
    assert (letter.signatory.name, letter.signatory.position) == ("ประเสริฐ ทองดี", "เสธ.พล.ร.๙ ทำการแทน ผบ.พล.ร.๙")
    assert letter.contact is None
    assert [a.title for a in doc.attachments] == ["แบบรายงานยอดกำลังพล"]


@pytest.mark.parametrize(
    "unit, sender, phones",
    [
        pytest.param("ศซท.สปท. (โทร./โทรสาร ๐ ๒๒๗๕ ๕๗๑๘)", "ศซท.สปท.", ["0 2275 5718"], id="phone-alone-in-parentheses"),
        pytest.param("กพ.ทหาร (กพบท.ฯ โทร. ๐ ๒๕๗๕ ๖๐๗๒ โทร.ทหาร ๕๗๒๑๑๒๑)", "กพ.ทหาร (กพบท.ฯ)",
                     ["0 2575 6072", "5721121"], id="phone-inside-the-unit-parentheses"),
        pytest.param("กองสาธารณสุข เทศบาลตำบลบางแก้ว โทร. ๐ ๓๘๕๘ ๗๑๒๓ ต่อ ๑๔", "กองสาธารณสุข เทศบาลตำบลบางแก้ว",
                     ["0 3858 7123 ต่อ 14"], id="phone-after-the-unit"),
    ],
)
def test_a_memo_unit_without_its_phone(unit, sender, phones):
    text = f"""บันทึกข้อความ

ส่วนราชการ {unit}
ที่ กห ๐๓๐๒/๖๕
วันที่ ๓ มี.ค. ๖๘
เรื่อง ขอให้รวบรวมปัญหา

เรียน หัวหน้าสายวิทยาการ

๑. ขอให้รวบรวมปัญหาข้อขัดข้อง

จึงเรียนมาเพื่อกรุณาดำเนินการต่อไป

(นายสมศักดิ์ รักดี)
หัวหน้าสำนักงาน
"""
    letter = _letter(text)
    assert (letter.sender, letter.contact.unit, letter.contact.phones) == (sender, sender, phones)


JOINT_MESSAGE_FORM = """กระดาษเขียนข่าวร่วม (ทท.)

ลำดับความเร่งด่วน: {urgency}
ชั้นความลับ: -
หมู่ – วัน – เวลา: ๑๒๑๐๐๐ ส.ค. ๖๗
หน้าที่: ๑ ของ ๑ หน้า
ที่ของผู้ให้ข่าว: ที่ กห ๐๓๐๕/๑๑๒๒
จาก: สยย.ทหาร
ถึง ผู้รับปฏิบัติ: สน.บก.บก.ทท., สจร.ทหาร และ ศซบ.ทหาร
ผู้รับทราบ: -

๑. ขอให้หน่วยส่งรายชื่อผู้แทน ภายในวันที่ ๒๐ ส.ค. ๖๗

ผู้เขียนข่าว: น.อ. (สมพงษ์ ทองคำ) ผอ.กวก.สยย.ทหาร
นายทหารอนุมัติข่าว: พล.ต. (วีระ ศรีสมุทร) รอง จก.สยย.ทหาร ทำการแทน จก.สยย.ทหาร
"""


@pytest.mark.parametrize("urgency, expected", [pytest.param("ด่วนมาก", "ด่วนมาก", id="urgent"),
                                               pytest.param("-", None, id="urgency-left-blank")])
def test_a_joint_message_form_with_colon_labels(urgency, expected):
    letter = _letter(JOINT_MESSAGE_FORM.format(urgency=urgency))
    assert (letter.kind, letter.urgency, letter.secrecy) == ("fax", expected, None)
    assert (letter.reference.text, letter.date, letter.sender) == ("กห 0305/1122", dt.date(2024, 8, 12), "สยย.ทหาร")
    assert letter.recipients == ["สน.บก.บก.ทท.", "สจร.ทหาร", "ศซบ.ทหาร"]
    assert (letter.signatory.name, letter.signatory.position) == ("วีระ ศรีสมุทร", "รอง จก.สยย.ทหาร ทำการแทน จก.สยย.ทหาร")


@pytest.mark.parametrize("after, expected", [
    pytest.param("\n\nจก.สยย.ทหาร\n", "รอง จก.สยย.ทหาร ทำการแทน จก.สยย.ทหาร", id="acted-for-below-a-blank-line"),
    pytest.param("\nจก.สยย.ทหาร\n", "รอง จก.สยย.ทหาร ทำการแทน จก.สยย.ทหาร", id="acted-for-on-the-next-line"),
    pytest.param("\n\nหน่วย สยย.ทหาร โทร. ๐ ๒๒๗๕ ๕๗๑๖\n", "รอง จก.สยย.ทหาร ทำการแทน", id="a-contact-line-not-taken"),
    pytest.param("\n\nผู้รับทราบ: -\n", "รอง จก.สยย.ทหาร ทำการแทน", id="a-label-not-taken"),
])
def test_a_releasing_officer_acting_for_a_position_on_the_line_below(after, expected):
    text = JOINT_MESSAGE_FORM.format(urgency="ด่วนมาก").replace(
        "รอง จก.สยย.ทหาร ทำการแทน จก.สยย.ทหาร\n", "รอง จก.สยย.ทหาร ทำการแทน" + after)
    assert _letter(text).signatory.position == expected


LONG_LIST = ("ถึง ผู้รับปฏิบัติ: สน.บก.บก.ทท., สลก.บก.ทท., สจร.ทหาร,\n"
             "ศซบ.ทหาร, สธน.ทหาร, ขว.ทหาร,\n{gap}"
             "นทพ., ศรภ., ศตก., บก.สปท.,\n"
             "วปอ.สปท., วสท.สปท. และ รร.ชท.สปท.\n")


@pytest.mark.parametrize("gap", ["", "\n"], ids=["four-lines", "a-blank-line-ocr-put-in"])
def test_a_long_recipient_list_ending_lines_in_commas_is_read_whole(gap):
    text = JOINT_MESSAGE_FORM.format(urgency="ด่วนมาก").replace(
        "ถึง ผู้รับปฏิบัติ: สน.บก.บก.ทท., สจร.ทหาร และ ศซบ.ทหาร\n", LONG_LIST.format(gap=gap))
    assert _letter(text).recipients == [
        "สน.บก.บก.ทท.", "สลก.บก.ทท.", "สจร.ทหาร", "ศซบ.ทหาร", "สธน.ทหาร", "ขว.ทหาร", "นทพ.", "ศรภ.", "ศตก.",
        "บก.สปท.", "วปอ.สปท.", "วสท.สปท.", "รร.ชท.สปท."]


OCR_MESSAGE_FORM = """กระดาษเขียนข่าวร่วม (ทท.)

ลำดับความเร่งด่วน
ชั้นความลับ
หมู่ - วัน - เวลา หน้าที่ ๑ ของ ๑ หน้า
ที่ของผู้ให้ข่าว
ด่วนมาก
{cells}

จาก คณะกรรมการจัดการความรู้ของ บก.ทท.
ถึง ผู้รับปฏิบัติ\tสน.บก.บก.ทท., สจร.ทหาร

๑. ขอแจ้งผลการนำเสนอผลงาน
"""


@pytest.mark.parametrize("cells, expected", [
    pytest.param("๑๑๑๐๐๐ ส.ค. ๖๗ ที่ ๑๐/๒๕๖๗", "10/2567", id="after-the-date-time-group"),
    pytest.param("ที่ ๑๐/๒๕๖๗", "10/2567", id="a-line-of-its-own"),
    pytest.param("๑๑๑๐๐๐ ส.ค. ๖๗ ครั้งที่ ๑๐/๒๕๖๗", None, id="not-a-ti-label"),
])
def test_a_message_form_reference_read_after_the_date_time_group(cells, expected):
    letter = _letter(OCR_MESSAGE_FORM.format(cells=cells))
    assert (letter.reference.text if letter.reference else None) == expected


def test_a_stamp_date_line_without_a_day_leaves_the_letter_its_own_date_line():
    text = ("ด่วนที่สุด\nที่ มท ๐๘๑๐.๖/ว ๔๗๗๑\nกรมส่งเสริมการปกครองท้องถิ่น\nถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐\n"
            "เลขรับ ๔๘๓\nวันที่ เฉม ม.ค. ๒๕๖๘\nเวลา ๑๑.๐๒ น.\n๒๖ ธันวาคม ๒๕๖๗\n"
            "เรื่อง การตรวจสอบข้อมูลผู้มีสิทธิ\nเรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n"
            "ด้วยกรมขอให้จังหวัดตรวจสอบข้อมูล จึงเรียนมาเพื่อโปรดทราบ\nขอแสดงความนับถือ\n(นายสมชาย ใจดี)\nอธิบดี\n")
    letter = _letter(text)
    assert (letter.reference.text, letter.date) == ("มท 0810.6/ว 4771", dt.date(2024, 12, 26))


STAMP_NUMBER_UNREAD = ("ที่ กส ๐๐๓๓/ว ๒๔๑๗\n{number}\nวันที่ ๒๐ พ.ย. ๒๕๖๙\nเวลา ๑๔.๔๐\n"
                       "ศาลากลางจังหวัดกาฬสินธุ์\nถนนกาฬสินธุ์ กส ๔๖๐๐๐\n๑๗ พฤศจิกายน ๒๕๖๙\n"
                       "เรื่อง การรับสมัครเข้ารับการประเมิน\nเรียน นายอำเภอ ทุกอำเภอ\n"
                       "ด้วยจังหวัดขอให้อำเภอแจ้ง จึงเรียนมาเพื่อโปรดทราบ\nขอแสดงความนับถือ\n(นายสมชาย ใจดี)\n"
                       "ผู้ว่าราชการจังหวัด\n")


@pytest.mark.parametrize("number", ["ที่ ๓.๑๘๙ ๒๕๖๙", "เลขรับ ๓๑๘๙                |"],
                         ids=["stamp-label-lost", "rule-after-the-number"])
def test_a_stamp_the_parser_cannot_read_does_not_date_the_letter(number):
    letter = _letter(STAMP_NUMBER_UNREAD.format(number=number))
    assert (letter.reference.text, letter.date) == ("กส 0033/ว 2417", dt.date(2026, 11, 17))


def test_the_letter_date_read_between_a_stamps_date_and_time_lines():
    """A stamp beside the address-block date: OCR read the stamp's number and date, then the
    letter's date line, then the stamp's time (its วันที่ garbled to a Latin word)."""
    text = ("ที่ ขก ๐๒๑๘/ว ๑๕๗๓\nศาลากลางจังหวัดขอนแก่น\nถนนหน้าเมือง ขก ๔๐๐๐๐\n"
            "|ที่ว่าการอำเภอกันทรวิชัย|\n|เลขที่ ๓๓๐๒ |\nUA ๙ มิ.ย. ๖๘\n๖ มิถุนายน ๒๕๖๘\nเวลา ๑๐.๑๕\n"
            "เรื่อง การฉีดวัคซีนป้องกันโรคปากและเท้าเปื่อย\nเรียน นายอำเภอ ทุกอำเภอ\n"
            "ด้วยจังหวัดขอให้อำเภอแจ้ง จึงเรียนมาเพื่อโปรดทราบ\nขอแสดงความนับถือ\n(นายสมชาย ใจดี)\n"
            "ผู้ว่าราชการจังหวัด\n")
    letter = _letter(text)
    assert (letter.reference.text, letter.date, letter.sender) == ("ขก 0218/ว 1573", dt.date(2025, 6, 6),
                                                                  "ศาลากลางจังหวัดขอนแก่น")
    assert [(s.number, s.date, s.time) for s in letter.received] == [("3302", dt.date(2025, 6, 9), "10:15")]


@pytest.mark.parametrize(("between", "date"), [
    ("อำเภอสองพี่น้อง", dt.date(2026, 11, 9)),
    ("เรื่อง การจัดสรรน้ำ", dt.date(2026, 11, 11)),
    ("๒๕๖๙", dt.date(2026, 11, 11)),
], ids=["address-line-between-stamp-lines", "a-label-between-is-not-a-stamp", "a-wrapped-year-is-not-an-address"])
def test_a_stamp_date_with_an_address_line_read_before_its_time(between, date):
    """OCR read the stamp's date, then a line of the address column beside it, then the
    stamp's time: the letter's date is its own date line, not the stamp's."""
    text = ("ที่ สพ ๐๐๓๓/ว ๘๘๒\nที่ว่าการอำเภอสองพี่น้อง\nโครงการส่งน้ำและบำรุงรักษาสองพี่น้อง\n"
            f"วันที่ ๑๑ พ.ย. ๒๕๖๙\n{between}\nเวลา 10.๗/๕ น.\nจังหวัดสุพรรณบุรี ๗๒๑๑๐\n\n๙ พฤศจิกายน ๒๕๖๙\n"
            "เรื่อง การจัดสรรน้ำ\nเรียน นายอำเภอสองพี่น้อง\nด้วยโครงการขอแจ้ง จึงเรียนมาเพื่อโปรดทราบ\n"
            "ขอแสดงความนับถือ\n(นายสมชาย ใจดี)\nผู้อำนวยการโครงการ\n")
    assert _letter(text).date == date
