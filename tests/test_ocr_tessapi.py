"""libtesseract in process (circulars/ocr/tessapi.py): the same text, units, boxes and
confidences as the tesseract program on the same page, pixels handed over right, threads
reading at once, and nothing printed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from circulars.config import Config
from circulars.errors import EngineUnavailableError
from circulars.ocr import OcrSettings, Prep, TessApiEngine, TesseractEngine, make_engine, read_page
from circulars.ocr.tessapi import page_pixels

ROOT = Path(__file__).resolve().parents[1]
needs_library = pytest.mark.skipif(TessApiEngine().available() is not None or shutil.which("tesseract") is None,
                                   reason="libtesseract / tesseract is not installed")


@pytest.fixture(scope="module")
def scan(scan_of):
    return scan_of(1)


def units(page):
    return [(w.text, w.box, w.confidence, w.line, w.offset) for w in page.words]


@pytest.mark.parametrize(
    ("mode", "pixels", "depth", "row_bytes"),
    [
        ("1", [[1, 0, 1, 1, 1, 1, 1, 1, 0, 1]], 0, 2),  # packed, high bit first, 1 = white
        ("L", [[255, 0, 128]], 1, 3),
    ],
    ids=["one-bit-packed", "grey-as-is"],
)
def test_page_pixels(mode, pixels, depth, row_bytes):
    arr = np.array(pixels, dtype=np.uint8)
    image = Image.fromarray(arr.astype(bool)) if mode == "1" else Image.fromarray(arr)
    data, got_depth, got_row = page_pixels(image)
    assert (got_depth, got_row) == (depth, row_bytes)
    if mode == "1":
        assert data.tolist() == [[0b10111111, 0b01000000]]
    else:
        assert data.tolist() == pixels


def test_rgb_page_goes_in_as_grey():
    data, depth, row = page_pixels(Image.new("RGB", (4, 2), (255, 255, 255)))
    assert (data.shape, depth, row, int(data.min())) == ((2, 4), 1, 4, 255)


@needs_library
@pytest.mark.parametrize("binarize", [True, False], ids=["one-bit-page", "grey-page"])
def test_same_reading_as_the_tesseract_program(scan, binarize):
    settings = OcrSettings(prep=Prep(binarize=binarize))
    program = read_page(scan, TesseractEngine(), settings)
    in_process = read_page(scan, TessApiEngine(), settings)
    assert in_process.text == program.text and units(in_process) == units(program)
    assert "มท ๐๘๑๒/ว ๘๙๖๓" in in_process.text and "saraban@moi.go.th" in in_process.text


@needs_library
def test_pages_read_at_once_in_threads_match_one_at_a_time(scan):
    engine = TessApiEngine()
    small = scan.resize((scan.width // 2, scan.height // 2))
    alone = [engine.recognize(im, languages="tha+eng", psm=3) for im in (scan, small)]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda im: engine.recognize(im, languages="tha+eng", psm=3), [scan, small] * 2))
    assert [p.text for p in together] == [p.text for p in alone] * 2
    assert [units(p) for p in together] == [units(p) for p in alone] * 2


@needs_library
def test_a_missing_model_names_the_language():
    with pytest.raises(EngineUnavailableError, match="no model for 'xyz'"):
        TessApiEngine().recognize(Image.new("L", (40, 40), 255), languages="xyz", psm=3)


@needs_library
def test_the_library_prints_nothing(tmp_path):
    """Not on stdout or stderr, not while reading, not when the process ends (handles are
    ended at exit, so tesseract's object cache reports no leak)."""
    image = tmp_path / "page.png"
    Image.new("L", (300, 120), 255).save(image)
    code = ("import sys; from PIL import Image; from circulars.ocr import TessApiEngine; "
            f"p = TessApiEngine().recognize(Image.open({str(image)!r}), languages='tha+eng', psm=3); "
            "sys.exit(0 if p.text.strip() == '' else 3)")
    done = subprocess.run([sys.executable, "-c", code], check=False, cwd=ROOT, capture_output=True, timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"")


@pytest.mark.parametrize(
    ("name", "engine"),
    [("tesseract", "tesseract-api"), ("tesseract-cli", "tesseract")],
    ids=["default-in-process", "program"],
)
@needs_library
def test_engine_chosen_by_config(name, engine):
    assert make_engine(Config(ocr_engine=name)).name == engine


def test_unknown_engine_is_refused():
    with pytest.raises(EngineUnavailableError, match="tesseract, tesseract-cli or none"):
        make_engine(Config(ocr_engine="abbyy"))
