"""The scan generator: image-only PDFs and images with exact ground truth."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
scangen = pytest.importorskip("corpus.scangen")

if not scangen.FONT.exists():
    pytest.skip("fonts-thai-tlwg is not installed", allow_module_level=True)

MEMO = "บันทึกข้อความ\nส่วนราชการ สำนักปลัด โทร. ๐ ๔๔๓๘ ๑๕๐๖\nที่ นม ๘๑๒๐๑/๑๔๒ วันที่ ๑๒ ธันวาคม ๒๕๖๖\n" \
       "เรื่อง ขออนุมัติ\n\nเรียน นายก\n\nด้วยงานป้องกันได้สำรวจแล้ว"


def test_pdf_is_image_only_with_truth(tmp_path):
    from circulars.sources.pdf import read_text_layers

    out = tmp_path / "scan.pdf"
    truth = scangen.render_letter_pdf(MEMO, out, scangen.ScanStyle(dpi=200, seed=1))
    assert read_text_layers(out) == [""]
    assert truth.split("\n")[:3] == ["บันทึกข้อความ", "ส่วนราชการ สำนักปลัด โทร. ๐ ๔๔๓๘ ๑๕๐๖",
                                     "ที่ นม ๘๑๒๐๑/๑๔๒ วันที่ ๑๒ ธันวาคม ๒๕๖๖"]


def test_form_feed_and_overflow_make_pages(tmp_path):
    text = "\n".join(["ด้วยงานป้องกันและบรรเทาสาธารณภัยได้สำรวจแล้ว"] * 40) + "\f" + "หน้าสุดท้าย"
    truth = scangen.render_letter_pdf(text, tmp_path / "long.pdf", scangen.ScanStyle(dpi=200))
    assert truth.count("\f") == 2 and truth.endswith("หน้าสุดท้าย")


def test_random_styles_stay_in_range():
    styles = [scangen.ScanStyle.random(seed) for seed in range(50)]
    assert all(0.3 <= abs(s.skew) <= 1.5 and 200 <= s.dpi <= 300 and 55 <= s.jpeg <= 85 for s in styles)
    assert {s.stamp for s in styles} == {True, False}


def test_multipage_tiff(tmp_path):
    from PIL import Image

    out = tmp_path / "scan.tif"
    scangen.render_letter_image("หน้าแรก\fหน้าสอง", out, scangen.ScanStyle(dpi=200))
    with Image.open(out) as im:
        assert im.n_frames == 2


def test_wrap_breaks_long_thai_between_words():
    lines = scangen.wrap("ประชาชนในช่วงฤดูแล้ง" * 6, 300, lambda s: len(s) * 10.0)
    assert "".join(lines) == "ประชาชนในช่วงฤดูแล้ง" * 6 and all(len(x) <= 30 for x in lines)
