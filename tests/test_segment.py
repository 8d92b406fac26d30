import pytest

from circulars.lines import split_lines
from circulars.segment import (
    find_letter_starts,
    find_mottos,
    find_stamps,
    is_catchword,
    is_page_number,
    reference_line,
    segment,
    title_kind,
    urgency_of,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("- ๒ -", True, id="thai-page"),
        pytest.param("-2-", True, id="arabic-page"),
        pytest.param("– ๑๒ –", True, id="en-dash"),
        pytest.param("- หน้า ๓ -", True, id="with-word"),
        pytest.param("หน้า 1/2", True, id="page-of-pages-no-dashes"),
        pytest.param("หน้า ๒", True, id="page-word-no-dashes"),
        pytest.param("หน้าที่ ๒ ของ ๒ หน้า", True, id="page-of-pages-in-words"),
        pytest.param("หน้าที่ ๒ ของผู้ใช้", False, id="page-word-in-a-sentence"),
        pytest.param("- (๑) ไตรมาสที่ ๑", False, id="list-item"),
        pytest.param("๒.", False, id="item-number"),
    ],
)
def test_is_page_number(text, expected):
    assert is_page_number(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("/๒. สำนักทะเบียน...", True, id="numbered"),
        pytest.param("/ทั้งนี้ กรมการปกครอง...", True, id="word"),
        pytest.param("/๒. การจัดตั้ง …", True, id="ellipsis-char"),
        pytest.param("ศูนย์บริการร่วม/ศูนย์บริการแบบเบ็ดเสร็จ", False, id="slash-inside"),
        pytest.param("/ว ๘๙๖๓", False, id="no-dots"),
    ],
)
def test_is_catchword(text, expected):
    assert is_catchword(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("ด่วนที่สุด", ("ด่วนที่สุด", None), id="most-urgent"),
        pytest.param("ด่วนมาก", ("ด่วนมาก", None), id="very-urgent"),
        pytest.param("ลับ ด่วน", ("ด่วน", "ลับ"), id="secret-urgent"),
        pytest.param("ลับมาก", (None, "ลับมาก"), id="very-secret"),
        pytest.param("ด่วนที่สุด ที่ มท", (None, None), id="not-alone"),
        pytest.param("ความเร่งด่วน\tด่วนที่สุด\tชั้นความลับ\tลับมาก", ("ด่วนที่สุด", "ลับมาก"),
                     id="message-form-labelled-fields"),
        pytest.param("ความเร่งด่วน\t\tชั้นความลับ", (None, None), id="message-form-fields-left-blank"),
    ],
)
def test_urgency_of(text, expected):
    assert urgency_of(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("บันทึกข้อความ", "internal", id="memo"),
        pytest.param("คำสั่งจังหวัดชัยภูมิ", "order", id="order"),
        pytest.param("ประกาศกรมส่งเสริมการปกครองท้องถิ่น", "announcement", id="announcement"),
        pytest.param("ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๖", None, id="announcement-closing"),
        pytest.param("โทรสารในราชการกรมการปกครอง", "fax", id="fax"),
        pytest.param("โทรสาร ๐ ๒๒๒๕ ๔๘๘๖", None, id="fax-number"),
        pytest.param("เรื่อง การประชุม", None, id="subject"),
    ],
)
def test_title_kind(text, expected):
    assert title_kind(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("ที่ มท ๐๘๑๒/ว ๘๙๖๓", True, id="external"),
        pytest.param("ที่ ๑๑๗/๒๕๖๔", True, id="order-number"),
        pytest.param("ที่ มท ๐๘๑๒/ว ๘๙๖๓ ลงวันที่ ๒๕ กันยายน ๒๕๖๖", False, id="citation"),
        pytest.param("ที่ทำการปกครองจังหวัด", False, id="office-word"),
    ],
)
def test_reference_line(text, expected):
    assert reference_line(text) is expected


STAMP_SEED_SHAPE = "ที่\t๓๐๔\t๒๕๖๖\nวันที่\t๒๗ ต.ค.\t๒๕๖๖\nเวลา\t\tน\n"
STAMP_LABELLED = "สำนักงานจังหวัดตาก\nเลขรับ ๑๒๓๔\nวันที่ ๒๗ ต.ค. ๖๖\nเวลา ๑๔.๓๐ น.\n"
MEMO_HEADER = "ที่ ๑๒๓/๒๕๖๖\nวันที่ ๑ ตุลาคม ๒๕๖๖\nเรื่อง ทดสอบ\n"


@pytest.mark.parametrize(
    "text, count, first_line",
    [
        pytest.param(STAMP_SEED_SHAPE, 1, "ที่\t๓๐๔\t๒๕๖๖", id="thi-number-year"),
        pytest.param(STAMP_LABELLED, 1, "สำนักงานจังหวัดตาก", id="labelled-with-agency"),
        pytest.param(MEMO_HEADER, 0, None, id="memo-header-is-no-stamp"),
        pytest.param(STAMP_LABELLED.replace("๑๒๓๔", "๑๒๓ญ่"), 1, "สำนักงานจังหวัดตาก", id="ocr-damaged-last-digit"),
    ],
)
def test_find_stamps(text, count, first_line):
    stamps = find_stamps(split_lines(text))
    assert len(stamps) == count
    if count:
        assert stamps[0].lines[0].text == first_line


def test_find_mottos_two_lines_and_known():
    text = "ข้อความ\n\n\"คำขวัญบรรทัดแรก\nบรรทัดที่สอง\"\n\nChange for Good\n\nขอให้ตั้งชื่อว่า\n“ชื่อจังหวัด_รายงาน”\n"
    blocks = find_mottos(split_lines(text))
    assert [[ln.stripped for ln in b] for b in blocks] == [
        ['"คำขวัญบรรทัดแรก', 'บรรทัดที่สอง"'], ["Change for Good"]]


BUNDLE = """ด่วนที่สุด
ที่ ชย ๐๐๒๓.๑๔/๒๕๖๖
ที่ว่าการอำเภอเทพสถิต
๒๗ ตุลาคม ๒๕๖๖
เรื่อง การรายงานผล
เรียน นายกองค์การบริหารส่วนตำบลทุกแห่ง
ด้วยอำเภอได้รับแจ้ง จึงขอให้ดำเนินการ
จึงเรียนมาเพื่อทราบ
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอเทพสถิต
สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ
โทร ๐-๔๔๘๕-๕๐๖๖

ด่วนที่สุด
ที่ มท ๐๘๑๒/ว ๔๒๒๘
กรมส่งเสริมการปกครองท้องถิ่น
๑๒ ตุลาคม ๒๕๖๖
เรื่อง การรายงานผล
เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด
ตามที่ กรมได้ประชุม นั้น
จึงเรียนมาเพื่อโปรดพิจารณา
ขอแสดงความนับถือ
(นายสุรพล เจริญ)
อธิบดีกรมส่งเสริมการปกครองท้องถิ่น
กลุ่มพัฒนาระบบบริหาร
โทร. ๐ ๒๒๔๑ ๙๐๐๐
บัญชีแนบท้าย
๑. กำหนดการประชุม
"""


def test_letter_starts_group_urgency_with_reference_line():
    lines = split_lines(BUNDLE)
    starts = find_letter_starts(lines, {})
    assert [(lines[i].stripped, k) for i, k in starts] == [("ด่วนที่สุด", "external"), ("ด่วนที่สุด", "external")]


def test_segment_bundle_into_letters_and_attachment():
    seg = segment(BUNDLE)
    assert [p.kind for p in seg.parts] == ["letter", "letter", "attachment"]
    assert seg.parts[2].lines[0].stripped == "บัญชีแนบท้าย"


MEMO_WITHOUT_TITLE = """เลขรับ ๓๒๔
ด่วนมาก โปบนทักข้อความ\tแวลก ๑๐๓๕
ส่วนราชการ กกล.นซบ.ทหาร (แผนกธุรการ โทร. ๐ ๒๕๗๒ ๑๗๔๗)
ที่ กห ๐๓๐๑..๑๐,@/ กไก
วันที่ งย พ.ค. ๖๘
เรื่อง ขอความเห็นชอบการลาออกจากราชการ
เสนอ ศซล.นซบ.ทหาร
จึงเสนอมาเพื่อกรุณาพิจารณา
(สมชาย ธูปแช่ม)
ผอ.กกล.นซบ.ทหาร
"""


def test_a_memo_whose_title_ocr_lost_starts_at_its_unit_line():
    seg = segment(MEMO_WITHOUT_TITLE)
    letters = [p for p in seg.parts if p.kind == "letter"]
    assert len(letters) == 1 and letters[0].lines[0].stripped.startswith("ส่วนราชการ")


@pytest.mark.parametrize("text", [
    "ส่วนราชการ กกล.นซบ.ทหาร\nขอรายงานผล\nตามที่ได้รับมอบหมาย\nเรื่อง การประชุม\n",
    "แบบตอบรับ\nส่วนราชการ ..................\nชื่อ ..................\nโทร ...........\n",
], ids=["one-label-below", "a-form-field"])
def test_a_unit_line_without_a_memo_header_below_starts_nothing(text):
    assert all(p.kind != "letter" for p in segment(text).parts)


def test_text_before_the_first_letter_is_an_attachment():
    seg = segment("แนวทางการดำเนินการสำหรับองค์กรปกครองส่วนท้องถิ่น\n๑. ที่มา\nข้อความ\n\n" + BUNDLE)
    assert [p.kind for p in seg.parts] == ["attachment", "letter", "letter", "attachment"]


def test_furniture_is_recorded():
    text = BUNDLE.replace("ตามที่ กรมได้ประชุม นั้น", "ตามที่ กรมได้ประชุม นั้น\n/๒. การจัดตั้ง ...\n- ๒ -")
    seg = segment(text)
    kinds = sorted(f.kind for f in seg.furniture.values())
    assert kinds == ["catchword", "page-number"]


def test_a_date_beside_a_stamp_line_is_letter_text():
    text = ("ที่ มค ๐๐๐๗.๓/ว ๑๘๘๔\tศาลากลางจังหวัดมหาสารคาม\nที่ว่าการอำเภอกันทรวิชัย\nเลขที่ ๓๓๐๒\n"
            "วันที่ ๙ มิ.ย. ๖๘\t๖ มิถุนายน ๒๕๖๘\nเวลา ๑๐.๑๕\nเรื่อง ทดสอบ\nเรียน นายอำเภอ ทุกอำเภอ\n")
    seg = segment(text)
    (column,) = seg.columns.values()
    assert column.text == "๖ มิถุนายน ๒๕๖๘" and text[column.start:column.end] == column.text


def test_a_stamp_date_split_over_cells_is_no_column():
    seg = segment(STAMP_SEED_SHAPE)
    assert seg.columns == {}
