"""The real letters in ../shared/seeds (OCR text of scanned bundles), when that folder exists.

Expected values are facts read off the letters by a person (not copied text)."""

import datetime as dt
import json
from pathlib import Path

import pytest

from circulars.contract import document_json, validate
from circulars.pipeline import extract_file

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} not present")


def _doc(name: str):
    (path,) = SEEDS.glob(f"{name}_*.txt")
    return extract_file(path)


@pytest.fixture(scope="module")
def bundle():
    return _doc("000")


@pytest.fixture(scope="module")
def gecc():
    return _doc("002")


def test_every_seed_is_schema_valid():
    for path in sorted(SEEDS.glob("*.txt")):
        obj = document_json(extract_file(path))
        validate(obj)
        json.dumps(obj, ensure_ascii=False)


def test_bundle_letters_in_forwarding_order(bundle):
    refs = [letter.reference.text for letter in bundle.letters]
    assert refs[:3] == ["ชย 0023.14/2566", "ชย 0023.1/13039", "มท 0812/ว 5228"]
    assert [letter.date for letter in bundle.letters] == [
        dt.date(2023, 10, 27), dt.date(2023, 10, 21), dt.date(2023, 10, 12), dt.date(2023, 9, 26),
        dt.date(2023, 9, 25)]
    assert all(letter.urgency == "ด่วนที่สุด" for letter in bundle.letters)


def test_bundle_ocr_prefix_corrected(bundle):
    ref = bundle.letters[0].reference
    assert (ref.prefix, ref.corrected_from, ref.agency) == ("ชย", "ขย", "ชัยภูมิ")


def test_bundle_cover_letter_fields(bundle):
    cover = bundle.letters[0]
    assert cover.sender == "ที่ว่าการอำเภอเทพสถิต"
    assert cover.recipients == ["นายเทศมนตรีตำบลเทพสถิต", "นายกองค์การบริหารส่วนตำบลทุกแห่ง"]
    assert cover.signatory.name == "นางสาวภรณีสรีย์ จันทร์สิทธิ์"
    assert cover.signatory.position == "ปลัดอำเภอ รักษาการแทน นายอำเภอเทพสถิต"
    assert [c.reference.text for c in cover.enclosures] == ["ชย 0023.1/13038"]


def test_bundle_province_letter_stamp_and_sender(bundle):
    province = bundle.letters[1]
    assert province.sender == "ศาลากลางจังหวัดชัยภูมิ"
    assert [(s.number, s.date) for s in province.received] == [("304", dt.date(2023, 10, 27))]
    assert [c.reference.text for c in province.enclosures] == ["มท 0812/ว 8963", "มท 0812/ว 3988", "มท 0812/ว 4228"]
    assert province.signatory.name == "นายสมบัติ ไตรศักดิ์"


def test_bundle_department_letter_contact_and_cites(bundle):
    dept = bundle.letters[2]
    assert [(c.reference.text, c.date) for c in dept.cites] == [
        ("มท 0812/ว 8963", dt.date(2023, 9, 25)), ("มท 0812/ว 3948", dt.date(2023, 9, 26))]
    assert dept.contact.emails == ["saraban@dla.go.th"]
    assert dept.contact.coordinator == "นางสาวโชติรส ล้วนเส้ง"
    assert dept.contact.phones[0] == "0 2241 9000 ต่อ 1251-2"


def test_bundle_links_survive_ocr_damage(bundle):
    links = {(lk.source, lk.target, lk.relation) for lk in bundle.links}
    assert (0, 1, "encloses") in links  # ๑๓๐๓๘ ลว. ๒๐ vs header ๑๓๐๓๙ ลว. ๒๑: off by one digit each
    assert (1, 2, "encloses") in links  # cited ว ๔๒๒๘, header read as ว ๕๒๒๘, same date


def test_bundle_furniture_kept_out_of_fields(bundle):
    kinds = {f.kind for f in bundle.furniture}
    assert {"stamp", "catchword", "motto"} <= kinds
    assert all("เลขที่" not in (letter.sender or "") for letter in bundle.letters)


def test_gecc_letters(gecc):
    cover, fax = gecc.letters[:2]
    assert cover.reference.text == "สน 0018.1/ว 1044"
    assert cover.date == dt.date(2021, 1, 27)
    assert cover.sender == "ศาลากลางจังหวัดสกลนคร"
    assert len(cover.enclosures) == 5
    assert [c.quantity for c in cover.enclosures] == ["1 ชุด"] * 5
    assert fax.kind == "fax"
    assert (fax.reference.text, fax.date, fax.sender) == ("มท 0305.1/ว 1964", dt.date(2021, 1, 22), "อธิบดีกรมการปกครอง")
    assert fax.recipients == ["ปลัดจังหวัด ทุกจังหวัด"]
    assert fax.signatory.name == "นายธนาคม คงจิระ"


def test_guideline_only_file_is_an_attachment():
    doc = _doc("001")
    assert doc.letters == []
    assert len(doc.attachments) == 1
    assert doc.attachments[0].title.startswith("แนวทางการดำเนินการ")
