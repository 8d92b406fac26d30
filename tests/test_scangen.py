"""The scan generator: image-only PDFs and images with exact ground truth."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
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


def test_a_wrapped_paragraph_goes_on_over_the_page_not_past_its_margin():
    long_line = " ".join(["ด้วยงานป้องกันและบรรเทาสาธารณภัยได้สำรวจความเสียหายแล้ว"] * 6)
    text = "\n".join(["เรื่อง ขอความร่วมมือ"] + [long_line] * 8)
    pages = scangen.layout(text, scangen.ScanStyle(dpi=200, stamp=False, note=False))
    assert len(pages) == 2
    for page in pages:
        ink = np.asarray(page.image) < 128
        assert not ink[round(page.bottom) :].any()  # nothing in the bottom margin or past the page
    drawn = [line for page in pages for line in page.truth]
    assert "".join(drawn).replace(" ", "") == "".join(text.split("\n")).replace(" ", "")


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


@pytest.mark.parametrize(("natural", "width", "expected"), [
    ([50, 100, 120], 400, [50, 100, 120]),  # all fit
    ([50, 100, 400], 300, [50, 100, 150]),  # the wide one takes what is left
    ([50, 400, 500], 350, [50, 150, 150]),  # two wide ones share it
    ([300, 300], 400, [200, 200]),
], ids=["fit", "one-wide", "two-wide", "all-wide"])
def test_column_widths(natural, width, expected):
    assert scangen.column_widths(natural, width) == expected


def test_tab_separated_lines_are_a_ruled_table_row_by_row(tmp_path):
    """Cells are drawn in columns with borders (no tab glyph); a long cell wraps and the
    truth has a line per drawn line, its cells' pieces joined by tabs."""
    text = "ตาราง\nที่\tกิจกรรม\tวันที่\n๑\t" + "ตรวจสอบข้อมูลนักเรียนและสนามสอบในระบบ" * 3 + "\t๖ มกราคม ๒๕๖๘\nจบ"
    pages = scangen.layout(text, scangen.ScanStyle(dpi=200))
    truth = pages[0].truth
    assert truth[:2] == ["ตาราง", "ที่\tกิจกรรม\tวันที่"] and truth[-1] == "จบ"
    row = truth[2:-1]
    assert len(row) > 1 and row[0].startswith("๑\t") and row[0].endswith("\t๖ มกราคม ๒๕๖๘")
    assert "".join(line.split("\t")[-1] if i else line.split("\t")[1] for i, line in enumerate(row)) \
        == "ตรวจสอบข้อมูลนักเรียนและสนามสอบในระบบ" * 3
    ink = np.asarray(pages[0].image) < 128
    top = round(scangen.Canvas(200).y + pages[0].line_height)  # under the first line, the table's top border
    assert ink[top - 5 : top + 40].sum(axis=1).max() > 0.6 * (pages[0].right - pages[0].left)
