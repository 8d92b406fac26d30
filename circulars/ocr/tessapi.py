"""Tesseract in this process, through the C API of ``libtesseract`` (installed with Debian's
``tesseract-ocr``), called with :mod:`ctypes`.

Same recognition as the ``tesseract`` program (same library, same models, same text), but:

- a loaded model is kept and reused: no process start and model load per page or per
  re-read crop;
- the page goes in as pixels: no PNG written by us and decoded by tesseract;
- text, word boxes and confidences come from one walk over the result. The program's TSV
  renderer cost 0.2–0.3 s a page more than its text renderer on the real scans
  (``bench/ocr_bench.py speed``, docs/ocr.md), which was most of the pipeline's distance
  to plain tesseract.

ctypes releases the GIL during each call, so one handle per worker thread runs in parallel;
``OMP_THREAD_LIMIT=1`` is set before the library is loaded so that each handle stays on
one core, as the program does with it in its environment. Handles are pooled per language
string and ended when the process exits. Diagnostics the library prints (``Estimating
resolution as …``) go to ``/dev/null``: the library never prints."""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import os
import threading
import time
from functools import lru_cache

import numpy as np

from ..errors import EngineUnavailableError
from .engine import OcrPage, Word, link_offsets
from .tesswalk import RIL_BLOCK, RIL_PARA, RIL_TEXTLINE, RIL_WORD, layout_methods, layout_result, unit_word
from .tesswalk import take_string as _string

LIBRARY_NAMES = ("libtesseract.so.5", "libtesseract.so.4")
_P, _I, _S = ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p
_INT_P = ctypes.POINTER(ctypes.c_int)
_SIGNATURES = {  # name: (argument types, result type)
    "TessVersion": ([], _S),
    "TessBaseAPICreate": ([], _P),
    "TessBaseAPIInit3": ([_P, _S, _S], _I),
    "TessBaseAPISetVariable": ([_P, _S, _S], _I),
    "TessBaseAPISetPageSegMode": ([_P, _I], None),
    "TessBaseAPISetImage": ([_P, _P, _I, _I, _I, _I], None),
    "TessBaseAPIRecognize": ([_P, _P], _I),
    "TessBaseAPIGetUTF8Text": ([_P], _P),
    "TessBaseAPIGetIterator": ([_P], _P),
    "TessBaseAPIClear": ([_P], None),
    "TessBaseAPIEnd": ([_P], None),
    "TessBaseAPIDelete": ([_P], None),
    "TessDeleteText": ([_P], None),
    "TessMonitorCreate": ([], _P),
    "TessMonitorSetDeadlineMSecs": ([_P, _I], None),
    "TessMonitorDelete": ([_P], None),
    "TessResultIteratorGetPageIterator": ([_P], _P),
    "TessResultIteratorGetUTF8Text": ([_P, _I], _P),
    "TessResultIteratorConfidence": ([_P, _I], ctypes.c_float),
    "TessResultIteratorNext": ([_P, _I], _I),
    "TessResultIteratorDelete": ([_P], None),
    "TessPageIteratorIsAtBeginningOf": ([_P, _I], _I),
    "TessPageIteratorBoundingBox": ([_P, _I, _INT_P, _INT_P, _INT_P, _INT_P], _I),
    "TessPageIteratorBlockType": ([_P], _I),
    "TessBaseAPIGetBoolVariable": ([_P, _S, _INT_P], _I),
}


@lru_cache(maxsize=1)
def load_library() -> ctypes.CDLL:
    """libtesseract with its C API declared; OSError when it is not installed."""
    os.environ["OMP_THREAD_LIMIT"] = "1"  # read by libgomp when it loads with the library
    names = [*LIBRARY_NAMES, ctypes.util.find_library("tesseract")]
    errors = []
    for name in filter(None, names):
        try:
            lib = ctypes.CDLL(name)
        except OSError as exc:
            errors.append(str(exc))
            continue
        for fn, (args, result) in _SIGNATURES.items():
            getattr(lib, fn).argtypes = args
            getattr(lib, fn).restype = result
        return lib
    raise OSError("; ".join(errors) or "libtesseract not found")


class HandlePool:
    """Initialised ``TessBaseAPI`` handles per language string, lent to one thread at a time."""

    def __init__(self, lib: ctypes.CDLL):
        self.lib = lib
        self.free: dict[str, list[int]] = {}
        self.made: list[int] = []
        self.lock = threading.Lock()

    def take(self, languages: str) -> int:
        with self.lock:
            if self.free.get(languages):
                return self.free[languages].pop()
        api = self.lib.TessBaseAPICreate()
        if self.lib.TessBaseAPIInit3(api, None, languages.encode()):
            self.lib.TessBaseAPIDelete(api)
            raise EngineUnavailableError(f"tesseract has no model for {languages!r} "
                                         "(apt install tesseract-ocr-tha)")
        self.lib.TessBaseAPISetVariable(api, b"debug_file", os.devnull.encode())
        with self.lock:
            self.made.append(api)
        return api

    def give(self, languages: str, api: int) -> None:
        self.lib.TessBaseAPIClear(api)
        with self.lock:
            self.free.setdefault(languages, []).append(api)

    def close(self) -> None:
        with self.lock:
            made, self.made, self.free = self.made, [], {}
        for api in made:
            self.lib.TessBaseAPIEnd(api)
            self.lib.TessBaseAPIDelete(api)


@lru_cache(maxsize=1)
def shared_pool() -> HandlePool:
    pool = HandlePool(load_library())
    atexit.register(pool.close)
    return pool


def read_words(lib: ctypes.CDLL, api: int) -> list[Word]:
    """The recognised units with boxes, confidences (0–1) and (block, paragraph, line)
    numbers counted as tesseract's TSV counts them."""
    it = lib.TessBaseAPIGetIterator(api)
    if not it:
        return []
    page = lib.TessResultIteratorGetPageIterator(it)
    line_box = [ctypes.c_int() for _ in range(4)]
    line_refs = [ctypes.byref(b) for b in line_box]
    block = para = line = 0
    last_line: tuple[int, ...] = ()
    words = []
    try:
        while True:
            # the iterator's own line-start test costs more than its Next(); a unit whose line
            # box is its predecessor's is not at a line start, so only the others are asked
            lib.TessPageIteratorBoundingBox(page, RIL_TEXTLINE, *line_refs)
            this_line = tuple(b.value for b in line_box)
            if this_line != last_line and lib.TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE):
                if lib.TessPageIteratorIsAtBeginningOf(page, RIL_BLOCK):  # blocks and paragraphs start on a line
                    block, para, line = block + 1, 0, 0
                if lib.TessPageIteratorIsAtBeginningOf(page, RIL_PARA):
                    para, line = para + 1, 0
                line += 1
            last_line = this_line
            text = _string(lib, lib.TessResultIteratorGetUTF8Text(it, RIL_WORD))
            if text.strip() and (word := unit_word(lib, it, page, text, (block, para, line))):
                words.append(word)
            if not lib.TessResultIteratorNext(it, RIL_WORD):
                break
    finally:
        lib.TessResultIteratorDelete(it)
    return words


def page_result(lib: ctypes.CDLL, api: int) -> tuple[str, list[Word]]:
    """(page text, units) of the recognised page: one walk in layout order where the library
    allows it (:mod:`.tesswalk`), else the C API's text and walk."""
    methods = layout_methods(lib)
    found = layout_result(lib, api, methods) if methods else None
    if found is not None:
        return found
    return _string(lib, lib.TessBaseAPIGetUTF8Text(api)), read_words(lib, api)


def page_pixels(image) -> tuple[np.ndarray, int, int]:
    """(pixels, bytes per pixel, bytes per row) as ``TessBaseAPISetImage`` takes them. A
    1-bit image goes in packed, eight pixels a byte, first pixel in the high bit, 1 = white
    (tesseract then skips its own thresholding: 0.05–0.1 s a page); anything else as 8-bit grey."""
    if image.mode == "1":
        packed = np.packbits(np.asarray(image, dtype=bool), axis=1)
        return np.ascontiguousarray(packed), 0, packed.shape[1]
    grey = np.ascontiguousarray(np.asarray(image if image.mode == "L" else image.convert("L"), dtype=np.uint8))
    return grey, 1, grey.shape[1]


class TessApiEngine:
    """libtesseract in process (see the module text); the default when the library loads."""

    name = "tesseract-api"

    def __init__(self, timeout: float = 300):
        self.timeout = timeout

    def available(self) -> str | None:
        try:
            load_library()
        except OSError as exc:
            return f"libtesseract cannot be loaded ({exc}; apt install tesseract-ocr)"
        return None

    def recognize(self, image, *, languages: str, psm: int) -> OcrPage:
        reason = self.available()
        if reason:
            raise EngineUnavailableError(reason)
        pool = shared_pool()
        lib = pool.lib
        pixels, depth, row_bytes = page_pixels(image)
        height, width = image.height, image.width
        api = pool.take(languages)
        monitor = lib.TessMonitorCreate()
        try:
            lib.TessBaseAPISetPageSegMode(api, psm)
            lib.TessBaseAPISetImage(api, pixels.ctypes.data, width, height, depth, row_bytes)
            lib.TessMonitorSetDeadlineMSecs(monitor, int(self.timeout * 1000))
            started = time.monotonic()
            failed = lib.TessBaseAPIRecognize(api, monitor)
            if time.monotonic() - started >= self.timeout:
                raise EngineUnavailableError(f"tesseract gave up after {self.timeout:.0f} s on a "
                                             f"{width}×{height} page")
            if failed:
                raise EngineUnavailableError(f"tesseract could not read a {width}×{height} page")
            text, words = page_result(lib, api)
        finally:
            lib.TessMonitorDelete(monitor)
            pool.give(languages, api)
        text = text.replace("\f", "").rstrip() + "\n"
        return OcrPage(text, link_offsets(text, words))
