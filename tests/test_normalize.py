import pytest

from circulars import normalize as n


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("๐๘๑๒/ว ๘๙๖๓", "0812/ว 8963", id="thai-digits"),
        pytest.param("10๔๔", "1044", id="mixed-digits"),
        pytest.param("abc", "abc", id="no-digits"),
    ],
)
def test_to_arabic_digits(text, expected):
    assert n.to_arabic_digits(text) == expected


def test_to_thai_digits():
    assert n.to_thai_digits("2566") == "๒๕๖๖"


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("ดําเนินการ", "ดำเนินการ", id="nikhahit-sara-aa"),
        pytest.param("น้ํา", "น้ำ", id="tone-before-nikhahit"),
        pytest.param("นํ้า", "น้ำ", id="nikhahit-tone-aa"),
        pytest.param("กำหนด", "กำหนด", id="already-composed"),
    ],
)
def test_compose_sara_am(text, expected):
    assert n.compose_sara_am(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("เเจ้ง", "แจ้ง", id="double-e"),
        pytest.param("แจ้ง", "แจ้ง", id="sara-ae-kept"),
    ],
)
def test_fix_double_sara_e(text, expected):
    assert n.fix_double_sara_e(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("ที\u200b่", "ที่", id="zwsp"),
        pytest.param("\ufeffเรื่อง", "เรื่อง", id="bom"),
        pytest.param("ก\u00adข", "กข", id="soft-hyphen"),
    ],
)
def test_strip_zero_width(text, expected):
    assert n.strip_zero_width(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("ก\u0e48\u0e35", "ก\u0e35\u0e48", id="tone-before-upper-vowel"),
        pytest.param("ส\u0e48\u0e34ง", "ส\u0e34\u0e48ง", id="sing"),
        pytest.param("ที\u0e48\u0e48", "ที\u0e48", id="doubled-tone"),
        pytest.param("ที่", "ที่", id="correct-order-kept"),
    ],
)
def test_reorder_marks(text, expected):
    assert n.reorder_marks(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("เรื่อง  การ ประชุม", "เรื่อง การ ประชุม", id="runs"),
        pytest.param("ที่\u00a0มท", "ที่ มท", id="nbsp"),
        pytest.param("ก \nข", "ก\nข", id="trailing"),
        pytest.param("   ที่ มท", "ที่ มท", id="leading"),
        pytest.param("ที่ มท ๐๘๑๐/ว ๑      กรม", "ที่ มท ๐๘๑๐/ว ๑\tกรม", id="column-gap-to-tab"),
        pytest.param("หัวข้อ\tรายละเอียด", "หัวข้อ\tรายละเอียด", id="tab-kept"),
    ],
)
def test_collapse_spaces(text, expected):
    assert n.collapse_spaces(text) == expected


def test_unify_newlines():
    assert n.unify_newlines("a\r\nb\rc\fd") == "a\nb\nc\fd"


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("ความที่สด\nที่ มท", "ด่วนที่สุด\nที่ มท", id="kwam-thi-sot"),
        pytest.param("เลขรูป ๑๔๓๗\nวันที่ ๘ ธ.ค. ๖๖", "เลขรับ ๑๔๓๗\nวันที่ ๘ ธ.ค. ๖๖", id="stamp-label"),
        pytest.param("ด่วนที่สด", "ด่วนที่สุด", id="duan-thi-sot"),
        pytest.param("เรือง การประชุม", "เรื่อง การประชุม", id="rueang"),
        pytest.param("ความรุ่งเรือง ของ", "ความรุ่งเรือง ของ", id="rueang-inside-word-kept"),
        pytest.param("ขอให้ เรือง มา", "ขอให้ เรือง มา", id="rueang-mid-line-kept"),
        pytest.param("สิงทีส่งมาด้วย บัญชี", "สิ่งที่ส่งมาด้วย บัญชี", id="enclosure-label"),
        pytest.param("ตาม สิงทีส่งมาด้วย ๒", "ตาม สิ่งที่ส่งมาด้วย ๒", id="enclosure-label-anywhere"),
        pytest.param("อางถึง หนังสือ", "อ้างถึง หนังสือ", id="cites-label"),
        pytest.param("บันทึกขอความ", "บันทึกข้อความ", id="memo-title"),
        pytest.param("ลงวันที ๗", "ลงวันที่ ๗", id="dated-missing-tone"),
        pytest.param("ลงวันที่ ๗", "ลงวันที่ ๗", id="dated-correct-kept"),
    ],
)
def test_fix_header_words(text, expected):
    assert n.fix_header_words(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("เรยน\tผอ.ศซบ.ทหาร", "เรียน\tผอ.ศซบ.ทหาร", id="recipient-upper-vowel-lost"),
        pytest.param("เรอง ขอความเห็นชอบ", "เรื่อง ขอความเห็นชอบ", id="subject-vowel-and-tone-lost"),
        pytest.param("วันที ๕ มี.ค. ๖๗", "วันที่ ๕ มี.ค. ๖๗", id="date-tone-lost"),
        pytest.param("สวนราชการ กกล.นซบ.ทหาร", "ส่วนราชการ กกล.นซบ.ทหาร", id="unit-tone-lost"),
        pytest.param("สิงทีส่งมาดวย ๑.", "สิ่งที่ส่งมาด้วย ๑.", id="enclosures-to-the-full-label"),
        pytest.param("อางถง หนังสือ", "อ้างถึง หนังสือ", id="cites-two-marks-lost"),
        pytest.param("สิ่งทีส่งมาด้วย ๑.", "สิ่งทีส่งมาด้วย ๑.", id="a-listed-variant-kept"),
        pytest.param("เรยนรู้ได้", "เรยนรู้ได้", id="inside-a-longer-word-kept"),
        pytest.param("ตามที่ เรยน มา", "ตามที่ เรยน มา", id="mid-line-kept"),
        pytest.param("ท มท ๐๘๑๒", "ท มท ๐๘๑๒", id="short-label-not-guessed"),
    ],
)
def test_fix_label_marks(text, expected):
    assert n.fix_label_marks(text) == expected


def test_normalize_text_chains_rules_and_keeps_thai_digits():
    raw = "ความที่สด\r\nที่ มท ๐๘๑๒/ว ๘๙๖๓\u200b\nเรือง  การดําเนินการ เเละ"
    assert n.normalize_text(raw) == "ด่วนที่สุด\nที่ มท ๐๘๑๒/ว ๘๙๖๓\nเรื่อง การดำเนินการ และ"


def test_normalize_field_uses_arabic_digits_and_single_spaces():
    assert n.normalize_field("  ๒๕  ก.ย.\n๒๕๖๖ ") == "25 ก.ย. 2566"


def test_every_rule_is_idempotent():
    raw = "ความที่สด\nเรือง น้ํา  เเม่ ก่ี"
    once = n.normalize_text(raw)
    assert n.normalize_text(once) == once


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("- | | | |", "", id="empty-row"),
        pytest.param("|------|---|-----|", "", id="rule-row"),
        pytest.param("| สิ่งที่ส่งมาด้วย | ๑. สำเนา | จำนวน ๑ ชุด |", "สิ่งที่ส่งมาด้วย\t๑. สำเนา\tจำนวน ๑ ชุด", id="cells"),
        pytest.param("| | ๒. QR Code | จำนวน ๑ ชุด |", "๒. QR Code\tจำนวน ๑ ชุด", id="empty-first-cell"),
        pytest.param("ศูนย์บริการร่วม | ข้อความ", "ศูนย์บริการร่วม | ข้อความ", id="pipe-inside-line-kept"),
    ],
)
def test_strip_table_markup(text, expected):
    assert n.strip_table_markup(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("๗ จั้นวาคม ๒๕๖๖", "๗ ธันวาคม ๒๕๖๖", id="ocr-month"),
        pytest.param("๓ มีนาคน พ.ศ. ๒๕๖๗", "๓ มีนาคม พ.ศ. ๒๕๖๗", id="before-BE"),
        pytest.param("๑ ธันวาคม ๒๕๖๖", "๑ ธันวาคม ๒๕๖๖", id="right-month-kept"),
        pytest.param("จำนวน ๓ ฉบับทั้งสิ้น ๒๕", "จำนวน ๓ ฉบับทั้งสิ้น ๒๕", id="not-a-month"),
        pytest.param("๗ จั้นวาคม", "๗ จั้นวาคม", id="no-year-no-change"),
        pytest.param("๒ มกราคมมมม ๒๕๖๗", "๒ มกราคมมมม ๒๕๖๗", id="three-edits-too-far"),
        pytest.param("๒๘ มอฤนายน ๒๕๖๗", "๒๘ มิถุนายน ๒๕๖๗", id="marks-misread"),
        pytest.param("๕ ธนาคาร ๒๕๖๗", "๕ ธนาคาร ๒๕๖๗", id="other-word-kept"),
    ],
)
def test_fix_month_names(text, expected):
    assert n.fix_month_names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("N นม ๐๐๒๓.๑๗/ว ๒๑๔๕", "ที่ นม ๐๐๒๓.๑๗/ว ๒๑๔๕", id="N-for-thi"),
        pytest.param("  Wi มท ๐๘๑๒/ว ๘๙๖๓", "ที่ มท ๐๘๑๒/ว ๘๙๖๓", id="indented"),
        pytest.param("OK มท ๐๘๑๒", "ที่ มท ๐๘๑๒", id="two-letters"),
        pytest.param("Line ID niroj1966", "Line ID niroj1966", id="no-agency-code"),
        pytest.param("ที่ มท ๐๘๑๒/ว ๘๙๖๓", "ที่ มท ๐๘๑๒/ว ๘๙๖๓", id="right-label-kept"),
        pytest.param("TEXT มท ๐๘๑๒", "TEXT มท ๐๘๑๒", id="four-letters-kept"),
    ],
)
def test_fix_reference_label(text, expected):
    assert n.fix_reference_label(text) == expected


@pytest.mark.parametrize("a, b, d", [("ธันวาคม", "ธันวาคม", 0), ("จั้นวาคม", "ธันวาคม", 2), ("", "abc", 3),
                                     ("kitten", "sitting", 3)])
def test_edit_distance(a, b, d):
    assert n.edit_distance(a, b) == d


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("ท นม ๐๐๒๓.๓/ว ๑๘๔๗๒", "ที่ นม ๐๐๒๓.๓/ว ๑๘๔๗๒", id="tho-alone"),
        pytest.param("ที มท ๐๒๑๑.๓/ว ๘๐๑๙", "ที่ มท ๐๒๑๑.๓/ว ๘๐๑๙", id="tone-lost"),
        pytest.param("ด่วนที่สุด ทีมท ๐๘๑๙.๒/ว ๕๗๑๒", "ด่วนที่สุด ที่ มท ๐๘๑๙.๒/ว ๕๗๑๒", id="glued"),
        pytest.param("ทีมงาน มท ๑", "ทีมงาน มท ๑", id="word-kept"),
        pytest.param("ท่าน มท ๑", "ท่าน มท ๑", id="other-word-kept"),
        pytest.param("ท ขย ๐๕๑๘/ว ๒๓๑๗", "ที่ ขย ๐๕๑๘/ว ๒๓๑๗", id="misread-code"),
        pytest.param("ทขย ๐๑๑๘/ว ๔๕๑๖", "ที่ ขย ๐๑๑๘/ว ๔๕๑๖", id="tho-glued-to-misread-code"),
        pytest.param("ทหาร ๒ นาย", "ทหาร ๒ นาย", id="tho-word-kept"),
        pytest.param("ท ๓๘ /๒๕๖๘", "ที่ ๓๘ /๒๕๖๘", id="order-number"),
        pytest.param("ที ๑๑๗/๒๕๖๔", "ที่ ๑๑๗/๒๕๖๔", id="order-number-tone-lost"),
        pytest.param("ท ๒๖/๑๐/๒๕๖๕", "ท ๒๖/๑๐/๒๕๖๕", id="date-not-an-order"),
        pytest.param("ทหาร ๓๘/๒๕๖๘", "ทหาร ๓๘/๒๕๖๘", id="word-before-number-kept"),
        pytest.param("ทฑ์ รง ๐๓๐๕/ว ๑๒๘๙", "ที่ รง ๐๓๐๕/ว ๑๒๘๙", id="tone-and-vowel-read-as-a-letter"),
        pytest.param("ทน มท ๑๒", "ทน มท ๑๒", id="two-letter-word-before-a-short-number-kept"),
    ],
)
def test_fix_reference_label_thai_damage(text, expected):
    assert n.fix_reference_label(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("วันที่ ๙ พ,ค. ๖๗", "วันที่ ๙ พ.ค. ๖๗", id="comma-for-dot"),
        pytest.param("๓ มี:ค ๖๘", "๓ มี.ค. ๖๘", id="colon-and-missing-dot"),
        pytest.param("๑ ก.ย, พ.ศ. ๒๕๖๘", "๑ ก.ย. พ.ศ. ๒๕๖๘", id="before-BE"),
        pytest.param("๓ พ. ค. ๖๗", "๓ พ.ค. ๖๗", id="spaced"),
        pytest.param("๑ ก.พ.ร. ๒๕๖๘", "๑ ก.พ.ร. ๒๕๖๘", id="agency-kept"),
        pytest.param("๖ กุย. ๖๗", "๖ ก.ย. ๖๗", id="dot-read-as-below-vowel"),
        pytest.param("ข้อ ๓ ผล ๖๘ คน", "ข้อ ๓ ผล ๖๘ คน", id="not-a-month"),
        pytest.param("๙ พ,ค.", "๙ พ,ค.", id="no-year-no-change"),
    ],
)
def test_fix_month_abbreviations(text, expected):
    assert n.fix_month_abbreviations(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("ส่วนราชการ...กธก.ศซบ.ทหาร", "ส่วนราชการ กธก.ศซบ.ทหาร", id="dots-glued"),
        pytest.param("เรื่อง .ขอความเห็นชอบ", "เรื่อง ขอความเห็นชอบ", id="dot-after-space"),
        pytest.param("วันที่……๓ พ.ค. ๖๗", "วันที่ ๓ พ.ค. ๖๗", id="ellipsis"),
        pytest.param("ที่ ___ กห ๐๓๐๒/๖๔", "ที่ กห ๐๓๐๒/๖๔", id="underscores"),
        pytest.param("วันที่ ...", "วันที่ ...", id="empty-field-kept"),
        pytest.param("เรื่อง ขอ...", "เรื่อง ขอ...", id="trailing-dots-kept"),
        pytest.param("ขอให้...ดำเนินการ", "ขอให้...ดำเนินการ", id="not-a-label"),
    ],
)
def test_strip_label_leaders(text, expected):
    assert n.strip_label_leaders(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("ที่ ขูก ๐๐๓๓.๓๐๖/๔๑๒", "ที่ ขก ๐๐๓๓.๓๐๖/๔๑๒", id="mark-under-code"),
        pytest.param("ท มีท ๐๘๑๒", "ท มท ๐๘๑๒", id="damaged-label"),
        pytest.param("ที่ สุข ๓ คน", "ที่ สุข ๓ คน", id="word-kept"),
        pytest.param("ที่ ขก ๐๐๓๓", "ที่ ขก ๐๐๓๓", id="plain-code-kept"),
        pytest.param("ที่ ขูก ไป", "ที่ ขูก ไป", id="no-number-after"),
    ],
)
def test_strip_code_marks(text, expected):
    assert n.strip_code_marks(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("วันที่ ๑๗\n, กุมภาพันธ์ ๒๕๖๘", "วันที่ ๑๗\nกุมภาพันธ์ ๒๕๖๘", id="comma"),
        pytest.param(". ขอความ", "ขอความ", id="stop"),
        pytest.param(".กระดาษเขียนข่าวร่วม (ทท.)", "กระดาษเขียนข่าวร่วม (ทท.)", id="glued-to-a-title"),
        pytest.param("๑. ด้วย", "๑. ด้วย", id="numbered-paragraph-kept"),
        pytest.param("...\nก", "...\nก", id="leader-line-kept"),
    ],
)
def test_strip_leading_specks(text, expected):
    assert n.strip_leading_specks(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("สง ณวนท ๖ ก.ย. ๖๗", "สั่ง ณ วันที่ ๖ ก.ย. ๖๗", id="marks-and-spaces-lost"),
        pytest.param("  สังณ วันที ๒๔", "  สั่ง ณ วันที่ ๒๔", id="indented"),
        pytest.param("ประกาศ ณ วนท ๑ มกราคม ๒๕๖๘", "ประกาศ ณ วันที่ ๑ มกราคม ๒๕๖๘", id="announcement"),
        pytest.param("สั่ง ณ วันที่ ๒๔ ก.พ. ๖๘", "สั่ง ณ วันที่ ๒๔ ก.พ. ๖๘", id="right-kept"),
        pytest.param("สิงหาคม ณ วันที่ ๑", "สิงหาคม ณ วันที่ ๑", id="other-words-kept"),
        pytest.param("ข้อ สง ณวนท ๖", "ข้อ สง ณวนท ๖", id="not-at-line-start"),
        pytest.param("สัง วันที่ ๒๕ กรกฎาคม พ.ศ. ๒๕๖๗", "สั่ง ณ วันที่ ๒๕ กรกฎาคม พ.ศ. ๒๕๖๗", id="na-lost"),
        pytest.param("ส่ง วันที่ ๒๕ กรกฎาคม", "ส่ง วันที่ ๒๕ กรกฎาคม", id="send-on-kept"),
    ],
)
def test_fix_issue_date_label(text, expected):
    assert n.fix_issue_date_label(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Jun 13 ม.ค. 2568 เวลา 09.12 น.", "วันที่ 13 ม.ค. 2568 เวลา 09.12 น.", id="stamp"),
        pytest.param("JUN ๕ มกราคม ๖๗", "วันที่ ๕ มกราคม ๖๗", id="upper-full-month"),
        pytest.param("Jun 13 2025", "Jun 13 2025", id="english-date-kept"),
        pytest.param("โทร Jun 13 ม.ค.", "โทร Jun 13 ม.ค.", id="not-at-line-start"),
        pytest.param("Hotel 13 ม.ค.", "Hotel 13 ม.ค.", id="longer-words-kept"),
    ],
)
def test_fix_latin_date_label(text, expected):
    assert n.fix_latin_date_label(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("๑.๓ มกราคม ๒๕๖๘", "๑๓ มกราคม ๒๕๖๘", id="speck-in-day"),
        pytest.param("วันที่ 1.3 ม.ค. 68", "วันที่ 13 ม.ค. 68", id="arabic-abbreviated"),
        pytest.param("ข้อ ๓.๑ จัดการ", "ข้อ ๓.๑ จัดการ", id="item-kept"),
        pytest.param("เวลา ๑๐.๓๐ น.", "เวลา ๑๐.๓๐ น.", id="time-kept"),
        pytest.param("ที่ ๐๘๑๐.๖ มกราคม", "ที่ ๐๘๑๐.๖ มกราคม", id="longer-number-kept"),
    ],
)
def test_drop_stop_in_day(text, expected):
    assert n.drop_stop_in_day(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("๑๘ มีนาคม ๕๖๘ เรื่อง", "๑๘ มีนาคม ๒๕๖๘ เรื่อง", id="full-month"),
        pytest.param("๓ ม.ค. พ.ศ. 568", "๓ ม.ค. พ.ศ. 2568", id="arabic-after-BE"),
        pytest.param("๑๘ มีนาคม ๒๕๖๘", "๑๘ มีนาคม ๒๕๖๘", id="whole-year-kept"),
        pytest.param("๑๘ มีนาคม ๖๘", "๑๘ มีนาคม ๖๘", id="two-digit-year-kept"),
        pytest.param("มีนาคม ๕๖๘ ราย", "มีนาคม ๕๖๘ ราย", id="no-day-kept"),
        pytest.param("๑๘ มีนาคม ๕๑๒.๕ บาท", "๑๘ มีนาคม ๕๑๒.๕ บาท", id="amount-kept"),
    ],
)
def test_restore_year_two(text, expected):
    assert n.restore_year_two(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("ที่ ศ5 ๐๔๐๐๗/ว ๑๙๘", "ที่ ศธ ๐๔๐๐๗/ว ๑๙๘", id="five-for-tho"),
        pytest.param("ที่ ศธ ๐๔๐๐๗/ว ๑๙๘", "ที่ ศธ ๐๔๐๐๗/ว ๑๙๘", id="right-kept"),
        pytest.param("ที่ ศ5 0400/ว 198", "ที่ ศ5 0400/ว 198", id="arabic-number-kept"),
        pytest.param("ที่ ก5 ๐๔๐๐", "ที่ ก5 ๐๔๐๐", id="not-a-code-kept"),
        pytest.param("ที่ 55 ๐๔๐๐", "ที่ 55 ๐๔๐๐", id="two-latin-kept"),
    ],
)
def test_fix_latin_in_code(text, expected):
    assert n.fix_latin_in_code(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("เลขรับ ๑๐๔๗                |\nวันที่", "เลขรับ ๑๐๔๗\nวันที่", id="rule-after-a-stamp-number"),
        pytest.param(";                องค์การบริหาร", "องค์การบริหาร", id="speck-before-a-column"),
        pytest.param("ก | ข", "ก | ข", id="cell-rule-kept"),
        pytest.param("ใช่หรือไม่ !", "ใช่หรือไม่ !", id="near-punctuation-kept"),
    ],
)
def test_strip_stray_rules(text, expected):
    assert n.strip_stray_rules(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("ครั้งที่ ๒/๒-๕๖๗", "ครั้งที่ ๒/๒๕๖๗", id="speck-read-as-dash-in-a-year"),
        pytest.param("ที่ ๑๒/2-567", "ที่ ๑๒/2567", id="arabic-digits"),
        pytest.param("ข้อ ๑/๒ - ๕๐๐ คน", "ข้อ ๑/๒ - ๕๐๐ คน", id="a-spaced-range-kept"),
        pytest.param("ระหว่าง ๒-๕๖๗", "ระหว่าง ๒-๕๖๗", id="no-slash-kept"),
        pytest.param("/๒-๕๖๗๘", "/๒-๕๖๗๘", id="longer-than-a-year-kept"),
    ],
)
def test_drop_dash_in_year(text, expected):
    assert n.drop_dash_in_year(text) == expected
