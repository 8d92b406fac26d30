"""Reference numbers: parse_reference, find_references, correct_prefix.

Every variant of the real letters in shared/seeds is here, with its OCR damage."""

from __future__ import annotations

import pytest

from circulars import data
from circulars.extractors.reference import correct_prefix, find_references, parse_reference

MT = "กระทรวงมหาดไทย"
SN = "สกลนคร"
CY = "ชัยภูมิ"
SD = "กระทรวงศึกษาธิการ"
BK = "กรุงเทพมหานคร"


def fields(ref):
    return (ref.text, ref.prefix, ref.agency, ref.office, ref.circular, ref.number, ref.kind,
            ref.corrected_from, ref.confidence)


def letter(text, prefix, agency, office, circular, number, corrected_from=None, confidence=1.0):
    return (text, prefix, agency, office, circular, number, "letter", corrected_from, confidence)


def order(text, number):
    return (text, None, None, None, False, number, "order", None, 1.0)


PARSE_CASES = [
    # --- seeds: the Ministry of Interior circulars
    ("seed-mt-8963", "ที่ มท ๐๘๑๒/ว ๘๙๖๓", letter("มท 0812/ว 8963", "มท", MT, "0812", True, "8963")),
    ("seed-mt-5228", "ที่ มท ๐๘๑๒/ว ๕๒๒๘", letter("มท 0812/ว 5228", "มท", MT, "0812", True, "5228")),
    ("seed-mt-4228", "ที่ มท ๐๘๑๒/ว ๔๒๒๘", letter("มท 0812/ว 4228", "มท", MT, "0812", True, "4228")),
    ("seed-mt-3454", "ที่ มท ๐๘๑๒/ว ๓๔๕๔", letter("มท 0812/ว 3454", "มท", MT, "0812", True, "3454")),
    ("seed-mt-3948", "ที่ มท ๐๘๑๒/ว ๓๙๔๘", letter("มท 0812/ว 3948", "มท", MT, "0812", True, "3948")),
    ("seed-mt-3954", "ที่ มท ๐๘๑๒/ว ๓๙๕๔", letter("มท 0812/ว 3954", "มท", MT, "0812", True, "3954")),
    ("seed-mt-3988", "ที่ มท ๐๘๑๒/ว ๓๙๘๘", letter("มท 0812/ว 3988", "มท", MT, "0812", True, "3988")),
    ("seed-mt-0305.1-1964", "ที่ มท ๐๓๐๕.๑/ว ๑๙๖๔",
     letter("มท 0305.1/ว 1964", "มท", MT, "0305.1", True, "1964")),
    ("seed-mt-0305.1-30203", "ที่ มท ๐๓๐๕.๑/ว ๓๐๒๐๓",
     letter("มท 0305.1/ว 30203", "มท", MT, "0305.1", True, "30203")),
    ("seed-table-arabic-glued", "มท 0812/ว8963", letter("มท 0812/ว 8963", "มท", MT, "0812", True, "8963")),
    ("seed-prefix-line-break", "ที่ มท\n๐๓๐๕.๑/ว ๓๐๒๐๓",
     letter("มท 0305.1/ว 30203", "มท", MT, "0305.1", True, "30203")),
    ("seed-thi-line-break", "ที่\nมท ๐๓๐๕.๑/ว ๑๓๔๓",
     letter("มท 0305.1/ว 1343", "มท", MT, "0305.1", True, "1343")),
    # --- seeds: Sakon Nakhon, the blank circular and the number stamped on its own line
    ("seed-sn-22509", "ที่ สน ๐๐๑๘.๑/ว ๒๒๕๐๙", letter("สน 0018.1/ว 22509", "สน", SN, "0018.1", True, "22509")),
    ("seed-sn-blank", "ที่ สน ๐๐๑๘.๑/ว", letter("สน 0018.1/ว", "สน", SN, "0018.1", True, None)),
    ("seed-sn-lone-number", "ที่ สน ๐๐๑๘.๑/ว\n\n10๔๔",
     letter("สน 0018.1/ว 1044", "สน", SN, "0018.1", True, "1044", confidence=0.9)),
    ("mixed-digits", "สน 0018.1/ว 10๔๔", letter("สน 0018.1/ว 1044", "สน", SN, "0018.1", True, "1044")),
    # --- seeds: ขย is OCR for ชย (Chaiyaphum)
    ("seed-khy-0023.14", "ที่ ขย ๐๐๒๓.๑๔/๒๕๖๖",
     letter("ชย 0023.14/2566", "ชย", CY, "0023.14", False, "2566", "ขย", 0.8)),
    ("seed-khy-13038", "ที่ ขย ๐๐๒๓.๑/๑๓๐๓๘",
     letter("ชย 0023.1/13038", "ชย", CY, "0023.1", False, "13038", "ขย", 0.8)),
    ("valid-chy", "ที่ ชย ๐๐๒๓.๑๔/๒๕๖๖", letter("ชย 0023.14/2566", "ชย", CY, "0023.14", False, "2566")),
    # --- seeds: ว ๘๙๖๓ read as วส๙๖๖: ส is ๘, the last digit is lost (best effort, low confidence)
    ("seed-damaged-digit", "ที่ มท ๐๘๑๒/วส๙๖๖",
     letter("มท 0812/ว 8966", "มท", MT, "0812", True, "8966", confidence=0.6)),
    ("damaged-digit-spaced", "มท ๐๘๑๒/ว ส๙๖๓",
     letter("มท 0812/ว 8963", "มท", MT, "0812", True, "8963", confidence=0.6)),
    ("damaged-too-many-letters", "มท ๐๘๑๒/วสส๓", None),
    # --- other offices, series and spacing
    ("sub-units", "ศธ 04056.12/45", letter("ศธ 04056.12/45", "ศธ", SD, "04056.12", False, "45")),
    ("two-sub-units-thai", "กห ๐๓๐๑.๑๐.๑/๒๖๐",
     letter("กห 0301.10.1/260", "กห", "กระทรวงกลาโหม", "0301.10.1", False, "260")),
    ("series-p", "กท 0307/ป 5103", letter("กท 0307/ป 5103", "กท", BK, "0307", False, "5103")),
    ("series-p-glued", "กท 0307/ป5103", letter("กท 0307/ป 5103", "กท", BK, "0307", False, "5103")),
    ("w-blank-no-space", "มท 0812/ว", letter("มท 0812/ว", "มท", MT, "0812", True, None)),
    ("w-blank-space-after-slash", "ที่ มท ๐๘๑๒/ ว", letter("มท 0812/ว", "มท", MT, "0812", True, None)),
    ("w-spaces-around-slash", "มท ๐๘๑๒ / ว ๘๙๖๓", letter("มท 0812/ว 8963", "มท", MT, "0812", True, "8963")),
    ("no-space-after-prefix", "มท๐๘๑๒/ว๘๙๖๓", letter("มท 0812/ว 8963", "มท", MT, "0812", True, "8963")),
    ("w-dot", "ที่ ศธ 04009/ว.61", letter("ศธ 04009/ว 61", "ศธ", SD, "04009", True, "61")),
    ("w-dot-space-thai", "ศธ ๐๔๐๐๙/ว. ๖๑", letter("ศธ 04009/ว 61", "ศธ", SD, "04009", True, "61")),
    ("surrounding-space", "  ที่ มท ๐๘๑๒/ว ๘๙๖๓ \n", letter("มท 0812/ว 8963", "มท", MT, "0812", True, "8963")),
    # --- prefixes: unknown kept, ambiguous kept, valid never changed
    ("unknown-prefix-kept", "ที่ ทบ ๐๔๐๑/๑๒๓", letter("ทบ 0401/123", "ทบ", None, "0401", False, "123")),
    ("ambiguous-prefix-kept", "ที่ มฑ ๐๘๑๒/ว ๑", letter("มฑ 0812/ว 1", "มฑ", None, "0812", True, "1")),
    ("valid-prefix-near-others", "ลบ ๐๐๑๗.๒/ว ๑๒",
     letter("ลบ 0017.2/ว 12", "ลบ", "ลพบุรี", "0017.2", True, "12")),
    # --- the circular's ว read as a two (OCR)
    ("wo-read-as-arabic-two", "ที่ พย 0017.3/2 0231",
     letter("พย 0017.3/ว 0231", "พย", "พะเยา", "0017.3", True, "0231", confidence=0.8)),
    ("wo-read-as-thai-two", "ที่ พย ๐๐๑๗.๓/๒ ๐๒๓๑",
     letter("พย 0017.3/ว 0231", "พย", "พะเยา", "0017.3", True, "0231", confidence=0.8)),
    # --- a stray mark on the series letter (OCR)
    ("series-stray-vowel", "ที่ อบ ๐๐๓๓.๐๐๙/วิ ๓๒๑๐",
     letter("อบ 0033.009/ว 3210", "อบ", "อุบลราชธานี", "0033.009", True, "3210", confidence=0.8)),
    ("series-stray-tone", "ที่ มท ๐๘๑๒/ว่ ๘๙๖๓",
     letter("มท 0812/ว 8963", "มท", MT, "0812", True, "8963", confidence=0.8)),
    ("series-mark-without-number", "มท ๐๘๑๒/วิ", None),
    # --- orders and announcements
    ("order-be-year", "ที่ ๑๑๗/๒๕๖๔", order("117/2564", "117")),
    ("order-arabic", "ที่ 117/2564", order("117/2564", "117")),
    ("military-order", "ที่ ๔๑๒/๖๗", order("412/67", "412")),
    ("order-needs-thi", "๑๑๗/๒๕๖๔", None),
    ("message-number-with-agency-code", "ที่ กห ๓/๒๕๖๗", ("กห 3/2567", "กห", "กระทรวงกลาโหม", None, False, "3",
                                                        "order", None, 1.0)),
    ("message-number-code-corrected", "ที่ ขย ๓/๒๕๖๗", ("ชย 3/2567", "ชย", "ชัยภูมิ", None, False, "3",
                                                      "order", "ขย", 0.8)),
    ("message-number-unknown-code", "ที่ ฟฟ ๓/๒๕๖๗", None),
    # --- not references
    ("date", "๒๖/๖/๒๕๖๕", None),
    ("date-after-thi", "ที่ ๒๖/๑๐/๒๕๖๕", None),
    ("clause", "ข้อ ๑/๒", None),
    ("postal-code", "สน ๔๗๐๐๐", None),
    ("no-slash", "มท ๐๘๑๒", None),
    ("slash-only", "มท ๐๘๑๒/", None),
    ("trailing-words", "มท ๐๘๑๒/ว ๘๙๖๓ ลงวันที่", None),
    ("blank-number-then-word", "มท ๐๘๑๒/วันที่ ๓", None),
    ("empty", "", None),
]


@pytest.mark.parametrize("raw, expected", [c[1:] for c in PARSE_CASES], ids=[c[0] for c in PARSE_CASES])
def test_parse_reference(raw, expected):
    ref = parse_reference(raw)
    if expected is None:
        assert ref is None
        return
    assert fields(ref) == expected
    assert ref.raw == raw.strip()
    assert ref.span == (0, len(raw.strip()))


PREFIX_CASES = [
    ("ocr-khy-to-chy", "ขย", ("ชย", "ขย")),
    ("ocr-sin-to-sn", "ศน", ("สน", "ศน")),
    ("ocr-nt-to-mt", "นท", ("มท", "นท")),
    ("valid-mt", "มท", ("มท", None)),
    ("valid-chm-not-changed", "ชม", ("ชม", None)),
    ("valid-lb-though-near-sb-lp", "ลบ", ("ลบ", None)),
    ("unknown-army", "ทบ", (None, None)),
    ("ambiguous-mh-mt", "มฑ", (None, None)),
]


@pytest.mark.parametrize("prefix, expected", [c[1:] for c in PREFIX_CASES], ids=[c[0] for c in PREFIX_CASES])
def test_correct_prefix(prefix, expected):
    assert correct_prefix(prefix) == expected


@pytest.mark.parametrize("prefix, expected", [(c[1], c[2][0] is not None) for c in PREFIX_CASES],
                         ids=[c[0] for c in PREFIX_CASES])
def test_readable_codes_are_what_correct_prefix_maps(prefix, expected):
    from circulars.agencies import readable_codes

    assert (prefix in readable_codes()) == expected


def spans(text):
    return [(r.text, r.raw, r.span) for r in find_references(text)]


def test_find_paragraph_span():
    text = "หนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่ มท ๐๘๑๒/ว ๘๙๖๓ ลงวันที่ ๒๕ กันยายน ๒๕๖๖"
    start = text.index("ที่ มท")
    assert spans(text) == [("มท 0812/ว 8963", "ที่ มท ๐๘๑๒/ว ๘๙๖๓", (start, start + 18))]
    assert text[start:start + 18] == "ที่ มท ๐๘๑๒/ว ๘๙๖๓"


def test_find_several_citations_in_order():
    text = ("อ้างถึง ๑. หนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่ มท ๐๘๑๒/ว ๘๙๖๓ ลงวันที่ ๒๕ กันยายน ๒๕๖๖\n"
            "๒. หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท ๐๘๑๒/ว ๓๙๔๘ ลงวันที่ ๒๖ กันยายน ๒๕๖๖\n"
            "สิ่งที่ส่งมาด้วย สำเนาหนังสือจังหวัดชัยภูมิ ด่วนที่สุด ที่ ขย ๐๐๒๓.๑/๑๓๐๓๘ ลงวันที่ ๒๐ ตุลาคม ๒๕๖๖")
    refs = find_references(text)
    assert [r.text for r in refs] == ["มท 0812/ว 8963", "มท 0812/ว 3948", "ชย 0023.1/13038"]
    assert all(text[r.span[0]:r.span[1]] == r.raw for r in refs)
    assert [r.span[0] for r in refs] == [text.index("ที่ มท"), text.index("ที่ มท", 60), text.index("ที่ ขย")]
    assert refs[2].corrected_from == "ขย"


def test_find_lone_number_after_blank_lines():
    text = "ด่วนที่สุด\n\nที่ สน ๐๐๑๘.๑/ว\n\n10๔๔\n\n\n\n๒๗\n\nมกราคม ๒๕๖๔\n\nถนนศูนย์ราชการ สน ๔๗๐๐๐\n"
    start = text.index("ที่ สน")
    assert spans(text) == [("สน 0018.1/ว 1044", "ที่ สน ๐๐๑๘.๑/ว\n\n10๔๔", (start, start + 21))]


def test_find_blank_number_not_taken_from_date_day():
    text = "ที่ มท ๐๘๑๒/ว\n\n๒๗\n\nมกราคม ๒๕๖๔\n"
    assert spans(text) == [("มท 0812/ว", "ที่ มท ๐๘๑๒/ว", (0, 13))]


def test_find_table_row_without_thi():
    text = "2\tอปท. ดำเนินการ ตามแนวทางหนังสือกระทรวงมหาดไทย ด่วนที่สุด มท 0812/ว8963 ลงวันที่ 25 กันยายน 2566\t"
    start = text.index("มท 0812")
    assert spans(text) == [("มท 0812/ว 8963", "มท 0812/ว8963", (start, start + 13))]


def test_find_line_broken_seed_citations():
    text = ("QR Code หนังสือ ปค. ด่วนที่สุด ที่ มท\n๐๓๐๕.๑/ว ๓๐๒๐๓ ลงวันที่ ๑๒ พ.ย. ๒๕๖๔\n"
            "QR Code โทรสาร ปค. ด่วนที่สุด ที่\nมท ๐๓๐๕.๑/ว ๑๓๔๓\nลงวันที่ ๑๘ ม.ค. ๒๕๖๔\n")
    assert [r.text for r in find_references(text)] == ["มท 0305.1/ว 30203", "มท 0305.1/ว 1343"]


def test_find_orders_only_after_thi():
    text = "คำสั่งจังหวัด ที่ ๑๑๗/๒๕๖๔ เรื่อง แต่งตั้ง ตามคำสั่ง ๑๑๘/๒๕๖๔ และคำสั่งกองทัพ ที่ ๔๑๒/๖๗"
    a, b = text.index("ที่ ๑๑๗"), text.index("ที่ ๔๑๒")
    assert spans(text) == [("117/2564", "ที่ ๑๑๗/๒๕๖๔", (a, a + 12)), ("412/67", "ที่ ๔๑๒/๖๗", (b, b + 10))]


def test_find_bare_unknown_prefix_needs_office_zero():
    assert [r.text for r in find_references("ตาม ทบ 0401/123 และ งบ 2566/67")] == ["ทบ 0401/123"]


NEGATIVE_CASES = [
    ("date", "ประกาศ ณ วันที่ ๒๖/๖/๒๕๖๕ เป็นต้นไป"),
    ("date-arabic", "เมื่อวันที่: 12/10/2023"),
    ("phone", "โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๑๐๒/๑๐๓"),
    ("postal-code", "ถนนสุรนารายณ์ ขย ๓๖๒๓๐"),
    ("email", "ไปรษณีย์อิเล็กทรอนิกส์ saraban@dla.go.th/info"),
    ("clause", "ตามข้อ ๑/๒ ของระเบียบ"),
    ("round-number", "ครั้งที่ ๑/๒๕๖๖"),
    ("edition-number", "ฉบับที่ ๒/๒๕๖๗"),
    ("url", "https://www.dla.go.th/upload/0812/2566"),
    ("house-number", "บ้านเลขที่ ๑๐/๒๐ หมู่ที่ ๓"),
]


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVE_CASES], ids=[c[0] for c in NEGATIVE_CASES])
def test_find_negatives(text):
    assert find_references(text) == []


def test_glyph_confusions_are_single_distinct_glyphs():
    pairs = data.glyph_confusions()
    assert ("ข", "ช") in pairs and ("๘", "ส") in pairs
    assert all(len(a) == 1 and len(b) == 1 and a != b for a, b in pairs)
    letters_for_digits = [b if a.isdigit() else a for a, b in pairs if a.isdigit() or b.isdigit()]
    assert len(letters_for_digits) == len(set(letters_for_digits))  # a letter stands for one digit


def test_a_real_code_missing_from_the_shared_table_is_not_corrected():
    from circulars.extractors.reference import parse_reference

    ref = parse_reference("ที่ ปช ๐๐๐๔/ว ๐๐๔๕")
    assert (ref.text, ref.prefix, ref.corrected_from, ref.agency) == (
        "ปช 0004/ว 0045", "ปช", None, "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ")


def test_a_two_before_a_date_stays_the_running_number():
    assert [r.text for r in find_references("ที่ ศธ ๐๔๐๐๗/๒ ๑๕ มกราคม ๒๕๖๘")] == ["ศธ 04007/2"]
