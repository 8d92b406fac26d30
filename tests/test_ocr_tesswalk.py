"""The layout-order walk over tesseract's result (circulars/ocr/tesswalk.py) gives what the C
API's text and walk give: same page text, units, boxes, confidences and line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from circulars.ocr import Prep, TessApiEngine, tesswalk
from circulars.ocr.preprocess import prepare
from circulars.ocr.tessapi import _string, load_library, page_pixels, page_result, read_words, shared_pool

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "samples" / "scans" / "Board-004-2.pdf"  # a message form: rule blocks
pytestmark = pytest.mark.skipif(TessApiEngine().available() is not None, reason="libtesseract is not installed")


@pytest.fixture(scope="module")
def generated(scan_of):
    return scan_of(3)


@pytest.fixture(scope="module")
def real():
    if not SAMPLE.exists():
        pytest.skip("../shared/samples/scans is not here")
    import pypdfium2 as pdfium

    return pdfium.PdfDocument(str(SAMPLE))[0].render(scale=300 / 72, grayscale=True).to_pil()


class Recognised:
    """A page recognised by a pooled handle, to be read both ways."""

    def __init__(self, image, languages: str):
        from PIL import Image

        self.lib, self.languages = load_library(), languages
        binary = Image.fromarray(prepare(image, Prep()) >= 128)
        self.pixels, depth, row_bytes = page_pixels(binary)
        self.api = shared_pool().take(languages)
        self.lib.TessBaseAPISetPageSegMode(self.api, 3)
        self.lib.TessBaseAPISetImage(self.api, self.pixels.ctypes.data, binary.width, binary.height, depth, row_bytes)
        assert self.lib.TessBaseAPIRecognize(self.api, None) == 0

    def c_api(self):
        return _string(self.lib, self.lib.TessBaseAPIGetUTF8Text(self.api)).rstrip(), read_words(self.lib, self.api)

    def close(self):
        shared_pool().give(self.languages, self.api)


@pytest.mark.parametrize("page", ["generated", "real"])
@pytest.mark.parametrize("languages", ["tha+eng", "eng"], ids=["tha-eng-spaces-preserved", "eng-one-space"])
def test_layout_walk_reads_what_the_c_api_reads(request, page, languages):
    done = Recognised(request.getfixturevalue(page), languages)
    try:
        methods = tesswalk.layout_methods(done.lib)
        assert methods is not None  # Debian's libtesseract 5 exports them
        text, words = tesswalk.layout_result(done.lib, done.api, methods)
        assert (text.rstrip(), words) == done.c_api()
        assert len(words) > 20
    finally:
        done.close()


def test_the_preserved_spaces_of_a_column_gap_are_kept(real):
    done = Recognised(real, "tha+eng")
    try:
        text, _ = tesswalk.layout_result(done.lib, done.api, tesswalk.layout_methods(done.lib))
        assert "      " in text  # the message form's columns, as tesseract writes them
    finally:
        done.close()


def test_without_the_methods_the_c_api_is_read(generated, monkeypatch):
    done = Recognised(generated, "tha+eng")
    try:
        monkeypatch.setattr("circulars.ocr.tessapi.layout_methods", lambda lib: None)
        text, words = page_result(done.lib, done.api)
        assert (text.rstrip(), words) == done.c_api()
    finally:
        done.close()


def test_a_right_to_left_letter_falls_back_to_the_c_api(generated, monkeypatch):
    """No model here writes Hebrew or Arabic; every letter is taken for one to reach the fallback."""
    done = Recognised(generated, "tha+eng")
    try:
        monkeypatch.setattr(tesswalk, "RTL", tesswalk.re.compile("."))
        assert tesswalk.layout_result(done.lib, done.api, tesswalk.layout_methods(done.lib)) is None
        text, words = page_result(done.lib, done.api)
        assert (text.rstrip(), words) == done.c_api()
    finally:
        done.close()
