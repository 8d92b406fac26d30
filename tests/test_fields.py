"""Field extractors alone: recipients, citations, signatory, contact, stamps."""

import datetime as dt

import pytest

from circulars.extractors.citations import parse_citations, split_items
from circulars.extractors.contact import emails_in, find_contact, phones_in
from circulars.extractors.header import split_recipients
from circulars.extractors.signature import find_signatory, name_in_parentheses
from circulars.extractors.stamps import read_stamp
from circulars.lines import split_lines
from circulars.segment import find_stamps


@pytest.mark.parametrize(
    "value, expected",
    [
        pytest.param("ผู้ว่าราชการจังหวัด ทุกจังหวัด", ["ผู้ว่าราชการจังหวัด ทุกจังหวัด"], id="one"),
        pytest.param("นายอำเภอ ทุกอำเภอ (ยกเว้นอำเภอพรรณานิคม)", ["นายอำเภอ ทุกอำเภอ (ยกเว้นอำเภอพรรณานิคม)"],
                     id="with-exception"),
        pytest.param("นายอำเภอทุกอำเภอ นายกองค์การบริหารส่วนจังหวัดชัยภูมิ และนายกเทศมนตรีเมืองชัยภูมิ",
                     ["นายอำเภอทุกอำเภอ", "นายกองค์การบริหารส่วนจังหวัดชัยภูมิ", "นายกเทศมนตรีเมืองชัยภูมิ"],
                     id="three-with-and"),
        pytest.param("นายเทศมนตรีตำบลเทพสถิต และนายกองค์การบริหารส่วนตำบลทุกแห่ง",
                     ["นายเทศมนตรีตำบลเทพสถิต", "นายกองค์การบริหารส่วนตำบลทุกแห่ง"], id="two"),
        pytest.param("นายก อบต.บ้านไร่", ["นายก อบต.บ้านไร่"], id="short-head-kept-whole"),
        pytest.param(None, [], id="none"),
    ],
)
def test_split_recipients(value, expected):
    assert split_recipients(value) == expected


def test_split_items_numbered():
    value = "๑. หนังสือกระทรวงมหาดไทย ที่ มท ๐๘๑๒/ว ๘๙๖๓ ลงวันที่ ๒๕ กันยายน ๒๕๖๖ ๒. หนังสือกรม ที่ มท ๐๘๑๒/ว ๓๙๔๘"
    assert len(split_items(value)) == 2


def test_parse_citations_reference_date_sender():
    value = ("๑. หนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่ มท ๐๘๑๒/ว ๘๙๖๓ ลงวันที่ ๒๕ กันยายน ๒๕๖๖ "
             "๒. หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท ๐๘๑๒/ว ๓๙๔๘ ลงวันที่ ๒๖ กันยายน ๒๕๖๖")
    cites = parse_citations(value)
    assert [(c.reference.text, c.date, c.sender) for c in cites] == [
        ("มท 0812/ว 8963", dt.date(2023, 9, 25), "กระทรวงมหาดไทย"),
        ("มท 0812/ว 3948", dt.date(2023, 9, 26), "กรมส่งเสริมการปกครองท้องถิ่น"),
    ]


def test_parse_enclosure_quantity_without_reference():
    (item,) = parse_citations("บัญชีแนบท้าย จำนวน ๑ ฉบับ")
    assert (item.text, item.reference, item.date, item.quantity) == ("บัญชีแนบท้าย", None, None, "1 ฉบับ")


def test_parse_enclosure_with_letter_and_quantity():
    (item,) = parse_citations("สำเนาหนังสือจังหวัดชัยภูมิ ด่วนที่สุด ที่ ชย ๐๐๒๓.๑/๑๓๐๓๘ ลงวันที่ ๒๐ ตุลาคม ๒๕๖๖ จำนวน ๑ ชุด")
    assert (item.reference.text, item.date, item.quantity, item.sender) == (
        "ชย 0023.1/13038", dt.date(2023, 10, 20), "1 ชุด", "จังหวัดชัยภูมิ")


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("(นายสุรพล เจริญภูมิ)", "นายสุรพล เจริญภูมิ", id="plain"),
        pytest.param("( นางสาวโชติรส  ล้วนเส้ง )", "นางสาวโชติรส ล้วนเส้ง", id="spaces"),
        pytest.param("(ลงชื่อ) (นายสมชาย ใจดี)", "นายสมชาย ใจดี", id="long-chue"),
        pytest.param("(.....)", None, id="blank-form"),
        pytest.param("(บัญชีแนบท้ายหมายเลข ๒) ให้", None, id="not-alone"),
    ],
)
def test_name_in_parentheses(text, expected):
    assert name_in_parentheses(text) == expected


SIGNATURE = """
(นายสุรพล เจริญภูมิ)

รองอธิบดี ปฏิบัติราชการแทน
อธิบดีกรมส่งเสริมการปกครองท้องถิ่น

กลุ่มพัฒนาระบบบริหาร

โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๑๒๕๑-๒

ไปรษณีย์อิเล็กทรอนิกส์ saraban@dla.go.th

ผู้ประสานงาน นางสาวโชติรส ล้วนเส้ง โทร. ๐๙๓ ๖๙๑ ๙๓๙๗
"""


def test_signatory_with_acting_position():
    lines = split_lines(SIGNATURE)
    sig, last = find_signatory(lines, {})
    assert (sig.name, sig.position) == ("นายสุรพล เจริญภูมิ", "รองอธิบดี ปฏิบัติราชการแทน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น")
    assert lines[last].stripped == "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"


def test_signatory_position_after_blank_line():
    lines = split_lines("(นายทิลิษฐ์ แร่ทอง)\n\nปลัดจังหวัดสกลนคร ปฏิบัติราชการแทน\nผู้ว่าราชการจังหวัดสกลนคร\n\nที่ทำการปกครองจังหวัด\n")
    sig, _ = find_signatory(lines, {})
    assert sig.position == "ปลัดจังหวัดสกลนคร ปฏิบัติราชการแทน ผู้ว่าราชการจังหวัดสกลนคร"


def test_contact_block():
    lines = split_lines(SIGNATURE)
    _, last = find_signatory(lines, {})
    c = find_contact(lines[last + 1:], {})
    assert (c.unit, c.phones, c.emails, c.coordinator) == (
        "กลุ่มพัฒนาระบบบริหาร", ["0 2241 9000 ต่อ 1251-2", "093 691 9397"], ["saraban@dla.go.th"],
        "นางสาวโชติรส ล้วนเส้ง")


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("โทร ๐๔๒ - ๗๑๑๔๖๑", ["042 - 711461"], id="dash"),
        pytest.param("โทร./โทรสาร ๐-๔๔๘๒-๒๒๐๓", ["0-4482-2203"], id="tel-fax"),
        pytest.param("โทรศัพท์ 02 225 4886", ["02 225 4886"], id="arabic"),
        pytest.param("โทร. -", [], id="no-number"),
        pytest.param("โทร. ๖๔๘๗๕, ๖๔๘๗๖", ["64875", "64876"], id="internal-five-digit-lines-listed-with-a-comma"),
        pytest.param("โทร. 0 2241 9000 ต่อ 2112, 2113", ["0 2241 9000 ต่อ 2112, 2113"], id="extensions-stay-together"),
        pytest.param("โทร. ๑๒๓๔", [], id="four-digits-no-phone"),
        pytest.param("โทร. ๐ ๒๕๗๕ ๖๐๗๑ โทร.ทหาร ๕๗๒๑๑๒๐", ["0 2575 6071", "5721120"], id="military-line"),
    ],
)
def test_phones_in(text, expected):
    assert phones_in(text) == expected


def test_emails_in():
    assert emails_in("ทาง borpor.dopa@gmail.com และ cpm2560@Hotmail.com.") == [
        "borpor.dopa@gmail.com", "cpm2560@Hotmail.com"]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("ที่\t๓๐๔\t๒๕๖๖\nวันที่\t๒๗ ต.ค.\t๒๕๖๖\nเวลา\t\tน\n", ("304", dt.date(2023, 10, 27), None, None),
                     id="seed-shape"),
        pytest.param("ที่ทำการปกครองจังหวัดสกลนคร\nเลขที่ ๙๙\nวันที่ ๒๒ มี.ค. ๒๕๖๔\nเวลา ๑๐:๓๐\n",
                     ("99", dt.date(2021, 3, 22), "10:30", "ที่ทำการปกครองจังหวัดสกลนคร"), id="with-agency"),
        pytest.param("เลขรับ ๑๒๓๔\nวันที่ ๒๗ ต.ค. ๖๖\nเวลา ๑๔.๓๐ น.\n", ("1234", dt.date(2023, 10, 27), "14:30", None),
                     id="two-digit-year"),
    ],
)
def test_read_stamp(text, expected):
    (block,) = find_stamps(split_lines(text))
    s = read_stamp(block)
    assert (s.number, s.date, s.time, s.agency) == expected


def _letter(text: str):
    from circulars.pipeline import extract_text

    (letter,) = extract_text(text).letters
    return letter


SAME_LINE = """ด่วนที่สุด
ที่ มท ๐๘๑๐.๓/ว ๑๒๓๔          กรมส่งเสริมการปกครองท้องถิ่น
                                ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐
                                ๓ มกราคม ๒๕๖๘
เรื่อง ทดสอบ
เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด
ด้วยกรมมีความประสงค์ จึงเรียนมาเพื่อโปรดทราบ
"""


def test_sender_on_the_reference_line_of_a_pdf_layout():
    letter = _letter(SAME_LINE)
    assert (letter.reference.text, letter.sender, letter.date) == (
        "มท 0810.3/ว 1234", "กรมส่งเสริมการปกครองท้องถิ่น", dt.date(2025, 1, 3))


def test_blank_day_in_a_circular_date_is_no_date():
    letter = _letter(SAME_LINE.replace("๓ มกราคม ๒๕๖๘", "    มกราคม ๒๕๖๘"))
    assert letter.date is None
    assert any("day is not written" in p for p in letter.problems)


def test_impossible_letter_date_is_rejected_with_a_reason():
    letter = _letter(SAME_LINE.replace("๓ มกราคม ๒๕๖๘", "๓๑ กุมภาพันธ์ ๒๕๖๘"))
    assert letter.date is None
    assert any("does not exist" in p for p in letter.problems)


def test_urgency_in_brackets():
    letter = _letter(SAME_LINE.replace("ด่วนที่สุด", "( ด่วนที่สุด )"))
    assert letter.urgency == "ด่วนที่สุด"


def test_secret_register_stamp():
    (block,) = find_stamps(split_lines("ที่ว่าการอำเภอรามัน\nรับที่ ลับ ๐๕๑\nวันที่ ๒๐ ก.พ. ๖๘\nเวลา ๑๕.๓๐\n"))
    s = read_stamp(block)
    assert (s.number, s.date, s.time, s.agency) == ("051", dt.date(2025, 2, 20), "15:30", "ที่ว่าการอำเภอรามัน")
