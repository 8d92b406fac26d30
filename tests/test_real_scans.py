"""Real scanned memos in ../shared/samples/scans read by the pipeline's own OCR (every text
layer ignored), when that folder exists and tesseract is installed. Header fields that the
OCR now gets exactly right on a real page are held here, so a change that loses them fails."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from circulars.config import Config
from circulars.contract import document_json
from circulars.pipeline import extract_file

SCANS = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "scans"
pytestmark = [
    pytest.mark.skipif(not SCANS.is_dir(), reason="../shared/samples/scans is not here"),
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed"),
]


@pytest.fixture(scope="module")
def memo():
    """Letter-000-2: a บันทึกข้อความ whose urgency stamp and title share a row, reference and
    date share the next one, all on dotted leaders, full stops typed on the leaders."""
    doc = document_json(extract_file(SCANS / "Letter-000-2.pdf", Config(text_layer_min_chars=10**9)))
    assert doc["source"]["method"] == "ocr"
    return doc


def test_the_memo_is_found_with_its_kind_and_urgency(memo):
    assert [(x["kind"], x["urgency"]) for x in memo["letters"]] == [("internal", "ด่วนมาก")]


def test_reference_read_whole_with_its_dots(memo):
    assert memo["letters"][0]["reference"]["text"] == "กห 0301.10.1/260"


def test_date_with_a_month_abbreviation_the_english_model_took(memo):
    assert memo["letters"][0]["date"] == "2024-05-03"


def test_label_leader_left_out_of_the_subject(memo):
    assert memo["letters"][0]["subject"].startswith("ขอความเห็นชอบ")


@pytest.fixture(scope="module")
def message_form():
    """Board-004-2: a กระดาษเขียนข่าวร่วม message form, its header in table cells with
    vertical rules, the releasing officer in a column of the signature table."""
    doc = document_json(extract_file(SCANS / "Board-004-2.pdf", Config(text_layer_min_chars=10**9)))
    return doc["letters"]


def test_form_reference_cut_out_of_its_table_row(message_form):
    assert [x["reference"]["text"] for x in message_form] == ["กห 0302/2463"]


def test_form_releasing_officer_read_down_its_column(message_form):
    assert message_form[0]["signatory"] == {"name": "สัมพันธ์ รงศ์จำเริญ",
                                            "position": "รอง จก.กพ.ทหาร ทำการแทน จก.กพ.ทหาร"}
    assert (message_form[0]["kind"], message_form[0]["urgency"]) == ("fax", "ด่วนมาก")
