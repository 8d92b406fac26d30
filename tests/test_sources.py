"""Source engines: choosing by bytes, decoding text, DOCX order and page breaks, PDF text layers."""

from __future__ import annotations

import codecs
import os
import zipfile
from pathlib import Path

import pytest

from circulars.config import Config
from circulars.errors import (
    CorruptFileError,
    EmptyInputError,
    EncodingError,
    EngineUnavailableError,
    FileTooLargeError,
    UnsupportedFormatError,
    UsageError,
)
from circulars.models import Page
from circulars.sources import NullSource, choose_source, read_source
from circulars.sources.base import sane_share
from circulars.sources.pdf import judge_text_layer, repair_thai_pua

CONFIG = Config(ocr_engine="none")  # text-layer behaviour; OCR itself is tested in test_ocr.py
REF = "ที่ มท ๐๘๑๒/ว ๘๙๖๓"
LETTER = "ที่ มท ๐๘๑๒/ว ๘๙๖๓\nเรื่อง ขอความร่วมมือ\nเรียน ผู้ว่าราชการจังหวัด"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
JUNK = bytes(range(256)) * 4


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def read(path: Path, config: Config = CONFIG):
    return read_source(path, config)


def texts(result) -> list[str]:
    return [p.text for p in result.pages]


# --- text files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(LETTER.encode("utf-8"), "utf-8", id="utf8"),
        pytest.param(codecs.BOM_UTF8 + LETTER.encode("utf-8"), "utf-8", id="utf8-bom"),
        pytest.param(LETTER.encode("utf-16"), "utf-16", id="utf16-bom-native"),
        pytest.param(codecs.BOM_UTF16_LE + LETTER.encode("utf-16-le"), "utf-16", id="utf16le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + LETTER.encode("utf-16-be"), "utf-16", id="utf16be-bom"),
        pytest.param(LETTER.encode("cp874"), "tis-620", id="tis620"),
    ],
)
def test_text_encodings_decode_exactly(tmp_path, data, encoding):
    result = read(write(tmp_path, "letter.txt", data))
    assert (texts(result), result.encoding, result.method) == ([LETTER], encoding, "text")


def test_cp874_reference_number_decoded_exactly(tmp_path):
    result = read(write(tmp_path, "ref.txt", REF.encode("cp874")))
    assert (texts(result), result.encoding) == ([REF], "tis-620")


def test_cp874_punctuation_named_cp874(tmp_path):
    text = "เรื่อง “ขอความร่วมมือ” – ด่วน"
    result = read(write(tmp_path, "quotes.txt", text.encode("cp874")))
    assert (texts(result), result.encoding) == ([text], "cp874")


def test_text_without_suffix_is_read_as_text(tmp_path):
    result = read(write(tmp_path, "letter", LETTER.encode("utf-8")))
    assert texts(result) == [LETTER]


def test_crlf_becomes_lf(tmp_path):
    result = read(write(tmp_path, "crlf.txt", "บรรทัดหนึ่ง\r\nบรรทัดสอง\r\n".encode()))
    assert texts(result) == ["บรรทัดหนึ่ง\nบรรทัดสอง\n"]


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        pytest.param("หน้า ๑\fหน้า ๒", ["หน้า ๑", "หน้า ๒"], id="two-pages"),
        pytest.param("หน้า ๑\fหน้า ๒\f", ["หน้า ๑", "หน้า ๒"], id="trailing-form-feed"),
        pytest.param("หน้า ๑\f\fหน้า ๓", ["หน้า ๑", "", "หน้า ๓"], id="blank-page-kept"),
        pytest.param("หน้าเดียว", ["หน้าเดียว"], id="one-page"),
    ],
)
def test_form_feed_splits_pages(tmp_path, text, pages):
    result = read(write(tmp_path, "pages.txt", text.encode("utf-8")))
    assert (texts(result), [p.number for p in result.pages]) == (pages, list(range(1, len(pages) + 1)))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(JUNK, "NUL bytes", id="nul-bytes"),
        pytest.param(bytes(range(1, 32)) * 20, "printable", id="control-bytes"),
        pytest.param(codecs.BOM_UTF8 + b"ok \xff\xfe", "invalid utf-8-sig", id="bad-utf8-after-bom"),
    ],
)
def test_binary_junk_named_txt_is_an_encoding_error(tmp_path, data, reason):
    path = write(tmp_path, "junk.txt", data)
    with pytest.raises(EncodingError) as err:
        read(path)
    assert reason in str(err.value)
    assert str(path) in str(err.value)


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        pytest.param("empty.txt", b"", EmptyInputError, id="empty-txt"),
        pytest.param("empty.pdf", b"", EmptyInputError, id="empty-pdf"),
        pytest.param("spaces.txt", b" \n\t\r\n ", EmptyInputError, id="whitespace"),
        pytest.param("feeds.txt", b"\f\f\n", EmptyInputError, id="form-feeds-only"),
        pytest.param("bom.txt", codecs.BOM_UTF8 + b"   ", EmptyInputError, id="bom-and-spaces"),
        pytest.param("junk.bin", JUNK, UnsupportedFormatError, id="junk-without-suffix"),
        pytest.param(
            "old.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
            UnsupportedFormatError,
            id="legacy-doc",
        ),
    ],
)
def test_input_errors(tmp_path, name, data, error):
    path = write(tmp_path, name, data)
    with pytest.raises(error) as err:
        read(path)
    assert err.value.path == str(path)


def test_file_over_size_limit(tmp_path):
    path = write(tmp_path, "big.txt", "ก".encode() * 10)
    with pytest.raises(FileTooLargeError, match="30 bytes, more than the limit of 29"):
        read(path, Config(max_file_bytes=29))


def test_file_at_size_limit_is_read(tmp_path):
    path = write(tmp_path, "fits.txt", "ก".encode() * 10)
    assert texts(read(path, Config(max_file_bytes=30))) == ["ก" * 10]


def test_missing_file_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        read(tmp_path / "missing.txt")


# --- choosing the engine ------------------------------------------------------------------


@pytest.fixture
def samples(tmp_path, make_pdf, make_docx) -> dict[str, bytes]:
    return {
        "pdf": make_pdf(["ด่วนที่สุด"]).read_bytes(),
        "docx": make_docx(["ด่วนที่สุด"]).read_bytes(),
        "text": LETTER.encode("utf-8"),
        "png": PNG,
        "junk": JUNK,
    }


@pytest.mark.parametrize(
    ("kind", "name", "engine"),
    [
        pytest.param("pdf", "letter.pdf", "pdf", id="pdf"),
        pytest.param("pdf", "letter.txt", "pdf", id="pdf-named-txt"),
        pytest.param("pdf", "letter", "pdf", id="pdf-no-suffix"),
        pytest.param("docx", "letter.docx", "docx", id="docx"),
        pytest.param("docx", "letter.pdf", "docx", id="docx-named-pdf"),
        pytest.param("docx", "letter.bin", "docx", id="docx-by-zip-contents"),
        pytest.param("text", "letter.txt", "text", id="text"),
        pytest.param("text", "letter.dat", "text", id="text-other-suffix"),
        pytest.param("png", "scan.png", "image", id="png"),
        pytest.param("png", "scan.txt", "image", id="png-named-txt"),
        pytest.param("junk", "junk.txt", "text", id="junk-txt-by-suffix"),
        pytest.param("junk", "junk.pdf", "pdf", id="junk-pdf-by-suffix"),
        pytest.param("junk", "junk.docx", "docx", id="junk-docx-by-suffix"),
        pytest.param("junk", "junk.jpg", "image", id="junk-jpg-by-suffix"),
    ],
)
def test_choose_source_by_magic_bytes_then_suffix(tmp_path, samples, kind, name, engine):
    path = write(tmp_path, name, samples[kind])
    assert choose_source(path, CONFIG).name == engine


def test_pdf_named_txt_is_read_as_pdf(tmp_path, make_pdf):
    path = make_pdf(["สิ่งที่ส่งมาด้วย สำเนาหนังสือ จำนวน ๑ ชุด"], name="letter.txt")
    result = read(path)
    assert (texts(result), result.method) == (["สิ่งที่ส่งมาด้วย สำเนาหนังสือ จำนวน ๑ ชุด"], "text-layer")


@pytest.mark.parametrize("name", ["scan.png", "scan.jpg"])
def test_images_need_ocr_switched_on(tmp_path, name):
    with pytest.raises(EngineUnavailableError, match="OCR is switched off"):
        read(write(tmp_path, name, PNG))


def test_null_source_wins_when_it_bids_highest(tmp_path):
    null = NullSource(["หน้า ๑", "หน้า ๒"], score=1000)
    path = write(tmp_path, "letter.txt", b"anything")
    result = read_source(path, CONFIG, sources=[null])
    assert (texts(result), [p.method for p in result.pages], null.calls) == (
        ["หน้า ๑", "หน้า ๒"],
        ["text", "text"],
        [path],
    )


def test_null_source_keeps_given_pages(tmp_path):
    null = NullSource([Page(1, "", "ocr", 0.4)], method="ocr", needs_ocr=[1], warnings=["w"])
    result = read_source(write(tmp_path, "x.pdf", b"x"), CONFIG, sources=[null])
    assert (result.pages, result.method, result.needs_ocr, result.warnings) == (
        [Page(1, "", "ocr", 0.4)],
        "ocr",
        [1],
        ["w"],
    )


def test_no_engine_bids(tmp_path):
    path = write(tmp_path, "letter.txt", b"text")
    with pytest.raises(UnsupportedFormatError, match="not a text, DOCX or PDF file"):
        choose_source(path, CONFIG, sources=[NullSource(score=0)])


# --- DOCX ---------------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_order(make_docx):
    path = make_docx(
        [REF, [["ลำดับ", "ชื่อ"], ["๑", "นายสมชาย"]], "เรียน ผู้ว่าราชการจังหวัด"], tables=[[["โทร.", "๐ ๒๒๒๒ ๔๑๔๑"]]]
    )
    result = read(path)
    assert (texts(result), result.method, result.needs_ocr) == (
        [f"{REF}\nลำดับ\tชื่อ\n๑\tนายสมชาย\nเรียน ผู้ว่าราชการจังหวัด\nโทร.\t๐ ๒๒๒๒ ๔๑๔๑"],
        "docx",
        [],
    )


@pytest.mark.parametrize(
    ("paragraphs", "pages"),
    [
        pytest.param(["หน้าแรก", "\f", "หน้าสอง"], ["หน้าแรก", "หน้าสอง"], id="break-paragraph"),
        pytest.param(["ต้น\fท้าย"], ["ต้น", "ท้าย"], id="break-inside-paragraph"),
        pytest.param(["หนึ่ง", "\f", "สอง", "ต่อ\fสาม"], ["หนึ่ง", "สอง\nต่อ", "สาม"], id="two-breaks"),
        pytest.param(["หน้าเดียว", "\f"], ["หน้าเดียว"], id="trailing-break"),
        pytest.param(["ไม่มีตัวแบ่ง", "บรรทัดสอง"], ["ไม่มีตัวแบ่ง\nบรรทัดสอง"], id="no-break"),
    ],
)
def test_docx_page_breaks(make_docx, paragraphs, pages):
    assert texts(read(make_docx(paragraphs))) == pages


def test_docx_header_and_footer_kept_once(make_docx):
    path = make_docx(["หน้าแรก", "\f", "หน้าสอง"], header="ลับ", footer="กองคลัง\nโทร. ๐ ๒๒๔๑ ๙๐๐๐\n- ๑ -")
    assert texts(read(path)) == ["ลับ\nหน้าแรก", "หน้าสอง\nกองคลัง\nโทร. ๐ ๒๒๔๑ ๙๐๐๐"]


def test_empty_docx(make_docx):
    with pytest.raises(EmptyInputError, match="no text"):
        read(make_docx(["", "  "]))


def test_docx_nested_table_flattened_into_its_cell(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "ผู้รับ"
    inner = table.cell(0, 1).add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "ก", (0, 1): "ข", (1, 0): "ค", (1, 1): "ง"}.items():
        inner.cell(r, c).text = text
    doc.save(str(tmp_path / "nested.docx"))
    assert texts(read(tmp_path / "nested.docx")) == ["ผู้รับ\tก ข ค ง"]


def test_docx_with_only_a_picture_needs_ocr(make_docx):
    result = read(make_docx([], picture=True))
    assert (texts(result), result.method, result.needs_ocr) == ([""], "ocr", [1])
    assert "only pictures" in result.warnings[0]


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, text in members.items():
            z.writestr(name, text)
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        pytest.param(lambda p: write(p, "bad.docx", JUNK), "cannot be opened as DOCX", id="random-bytes"),
        pytest.param(
            lambda p: _zip(p / "bad.docx", {"hello.txt": "hi"}),
            "cannot be opened as DOCX",
            id="zip-without-document",
        ),
        pytest.param(
            lambda p: write(p, "half.docx", b"PK\x03\x04" + bytes(60)),
            "cannot be opened as DOCX",
            id="truncated-zip",
        ),
        pytest.param(
            lambda p: write(
                p,
                "locked.docx",
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100) + "EncryptionInfo".encode("utf-16-le"),
            ),
            "password-protected",
            id="encrypted",
        ),
    ],
)
def test_corrupt_docx(tmp_path, make, reason):
    path = make(tmp_path)
    with pytest.raises(CorruptFileError, match=reason) as err:
        read(path)
    assert err.value.path == str(path)


def test_truncated_real_docx(tmp_path, make_docx):
    data = make_docx(["ด่วนที่สุด"]).read_bytes()
    with pytest.raises(CorruptFileError, match="cannot be opened as DOCX"):
        read(write(tmp_path, "cut.docx", data[: len(data) // 2]))


# --- PDF ----------------------------------------------------------------------------------

PDF_PAGES = [
    "ด่วนที่สุด\nที่ มท ๐๘๑๒/ว ๘๙๖๓\nสิ่งที่ส่งมาด้วย สำเนาหนังสือ จำนวน ๑ ชุด",
    "น้ำท่วมฉับพลันในพื้นที่\n๒๕ กันยายน ๒๕๖๖",
]


@pytest.fixture
def thai_pdf(make_pdf) -> Path:
    return make_pdf(PDF_PAGES)


def test_pdf_text_layer_read_exactly(thai_pdf):
    result = read(thai_pdf)
    assert (texts(result), result.method, result.needs_ocr, result.warnings) == (
        PDF_PAGES,
        "text-layer",
        [],
        [],
    )
    assert [(p.number, p.method, p.confidence) for p in result.pages] == [
        (1, "text-layer", None),
        (2, "text-layer", None),
    ]


@pytest.mark.parametrize(
    ("page", "needle"),
    [
        pytest.param(1, "ด่วนที่สุด", id="urgency"),
        pytest.param(1, "สิ่งที่ส่งมาด้วย", id="enclosures"),
        pytest.param(1, REF, id="reference"),
        pytest.param(2, "น้ำ", id="sara-am-under-tone"),
        pytest.param(2, "๒๕ กันยายน ๒๕๖๖", id="thai-date"),
    ],
)
def test_pdf_thai_words(thai_pdf, page, needle):
    assert needle in read(thai_pdf).pages[page - 1].text


@pytest.mark.parametrize(
    ("pages", "needs_ocr", "method"),
    [
        pytest.param([PDF_PAGES[0], None], [2], "mixed", id="second-page-blank"),
        pytest.param([None, PDF_PAGES[0]], [1], "mixed", id="first-page-blank"),
        pytest.param([None, None], [1, 2], "ocr", id="all-blank"),
        pytest.param([PDF_PAGES[0], "ลงชื่อ"], [2], "mixed", id="too-few-characters"),
    ],
)
def test_pdf_pages_without_text_layer_need_ocr(make_pdf, pages, needs_ocr, method):
    result = read(make_pdf(pages))
    assert (result.needs_ocr, result.method) == (needs_ocr, method)
    assert [p.text for p in result.pages if p.number in needs_ocr] == [""] * len(needs_ocr)
    assert [w.split(":")[0] for w in result.warnings] == [f"page {n}" for n in needs_ocr]


def test_pdf_min_chars_comes_from_config(make_pdf):
    result = read(make_pdf(["ลงชื่อ"]), Config(text_layer_min_chars=3))
    assert (texts(result), result.method) == (["ลงชื่อ"], "text-layer")


def test_pdf_mojibake_layer_is_garbage(make_pdf):
    mojibake = LETTER.replace("\n", " ").encode("cp874").decode("latin-1")  # ·Õè Á· ...
    result = read(make_pdf([mojibake]))
    assert (texts(result), result.needs_ocr, result.method) == ([""], [1], "ocr")
    assert "garbage" in result.warnings[0]


def test_pdf_thai_pua_forms_mapped_back(make_pdf):
    result = read(make_pdf(["หนังสือฉบับนี้ส่งต\uf70aอให้ทุกจังหวัด ป\uf701ดประกาศ"]))
    assert texts(result) == ["หนังสือฉบับนี้ส่งต่อให้ทุกจังหวัด ปิดประกาศ"]


def test_pdf_truncated(tmp_path, thai_pdf):
    path = write(tmp_path, "cut.pdf", thai_pdf.read_bytes()[:200])
    with pytest.raises(CorruptFileError, match="cannot be opened as PDF: ") as err:
        read(path)
    assert err.value.path == str(path)


def test_pdf_suffix_with_junk_bytes(tmp_path):
    with pytest.raises(CorruptFileError, match="cannot be opened as PDF"):
        read(write(tmp_path, "junk.pdf", JUNK))


def test_pdf_password_protected(make_pdf):
    path = make_pdf([PDF_PAGES[0]], password="secret")
    with pytest.raises(CorruptFileError) as err:
        read(path)
    assert (err.value.reason, err.value.path) == ("password-protected", str(path))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_pdf_handles_closed(thai_pdf):
    read(thai_pdf)
    fds = Path("/proc/self/fd")
    open_files = {os.path.realpath(fds / fd) for fd in os.listdir(fds)}
    assert str(thai_pdf.resolve()) not in open_files


# --- text-layer judgement -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "share"),
    [
        pytest.param("ที่ มท ๐๘๑๒/ว ๘๙๖๓", 1.0, id="thai"),
        pytest.param("“ด่วน” – Page 1 •", 1.0, id="punctuation"),
        pytest.param("\ue000\ue001ก ข", 0.5, id="private-use"),
        pytest.param("´èÇ¹", 0.0, id="latin1-mojibake"),
        pytest.param("   ", 1.0, id="only-spaces"),
    ],
)
def test_sane_share(text, share):
    assert sane_share(text) == share


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param("", "no text layer", id="empty"),
        pytest.param("ลงชื่อ", "no text layer (6 characters)", id="short"),
        pytest.param("\ue000" * 30, "text layer is garbage (only 0% Thai/Latin characters)", id="pua"),
        pytest.param(PDF_PAGES[0], None, id="good"),
    ],
)
def test_judge_text_layer(text, reason):
    assert judge_text_layer(text, CONFIG) == reason


def test_repair_thai_pua_windows_and_mac_forms():
    assert repair_thai_pua("ต\uf70aอ ต\uf88bอ ป\uf701 \uf700าน") == "ต่อ ต่อ ปิ ฐาน"
