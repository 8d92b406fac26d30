"""One page image → OcrPage (preprocess, tesseract, Thai-digit re-read, post-correction),
and the parallel runner that spreads the pages of a file over the cores.

Pages are produced lazily by the caller (a PDF page rendered, a TIFF frame decoded) and at
most ``2 × workers`` page images are queued or being read, so a 500-page batch holds a
handful of page images at a time; pages after a slow one go on being read while it
finishes (at most ``8 × workers`` results wait for it). Each tesseract (a libtesseract
handle in process, or the program) runs single-threaded (``OMP_THREAD_LIMIT=1``); the
threads here spend most of their time in tesseract and OpenCV calls, which release the GIL."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from ..progress import Progress, null_progress
from .correct import correct_text
from .digits import reread_digits
from .engine import OcrEngine, OcrPage
from .layout import column_fields, drop_junk_lines, reading_order, split_fields
from .mixed import reread_latin
from .preprocess import Prep, binarize, prepare
from .refnum import reread_references

BLANK_WARNING = "OCR found no text (blank page?)"
HELD_RESULTS = 8  # per worker: read pages waiting for a slower page before them to be yielded


@dataclass(frozen=True)
class OcrSettings:
    languages: str = "tha+eng"
    psm: int = 3
    prep: Prep = field(default_factory=Prep)
    digits: bool = True
    latin: bool = True  # short Latin words among Thai re-read with the Thai model
    correct: bool = True
    order: bool = True  # text blocks put in top-to-bottom order, lines of marks and specks dropped
    fields: bool = True  # a form row's header fields on lines of their own, signature-table columns too


def settings_from(config) -> OcrSettings:
    return OcrSettings(languages=config.ocr_languages, psm=config.ocr_psm, digits=config.ocr_digits,
                       correct=config.ocr_correct)


def worker_count(requested: int = 0) -> int:
    """``requested`` if positive, else one per usable core."""
    if requested > 0:
        return requested
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def read_page(image, engine: OcrEngine, settings: OcrSettings = OcrSettings()) -> OcrPage:
    """OCR one page image."""
    from PIL import Image

    arr = prepare(image, settings.prep)
    # a binarised page goes to tesseract as a 1-bit image (read faster than 8-bit grey)
    page = engine.recognize(Image.fromarray(arr >= 128) if settings.prep.binarize else Image.fromarray(arr),
                            languages=settings.languages, psm=settings.psm)
    if settings.order:
        page = drop_junk_lines(reading_order(page))
    if settings.fields:
        page = column_fields(page)
    if settings.latin or settings.digits:
        binary = arr if settings.prep.binarize else binarize(arr)
    if settings.latin and "+" in settings.languages:
        page = reread_latin(page, binary, engine, languages=settings.languages.split("+")[0])
    if settings.digits:
        page = reread_references(reread_digits(page, binary), binary)
    if settings.correct:
        page.text = correct_text(page.text)
    if settings.fields:
        page = split_fields(page)
    if not page.text.strip():
        page.warnings.append(BLANK_WARNING)
    return page


def run_pages(
    images: Iterable,
    engine: OcrEngine,
    settings: OcrSettings = OcrSettings(),
    *,
    workers: int = 0,
    progress: Progress = null_progress,
    path: str = "",
) -> Iterator[OcrPage]:
    """OCR pages in parallel, yielding results in page order. ``images`` is consumed lazily."""
    for done, page in enumerate(_read_in_order(images, engine, settings, worker_count(workers)), 1):
        yield page
        progress("ocr", path=path, done=done)


def _read_in_order(images: Iterable, engine: OcrEngine, settings: OcrSettings, n: int) -> Iterator[OcrPage]:
    with ThreadPoolExecutor(max_workers=n, thread_name_prefix="ocr") as pool:
        pending: deque[Future] = deque()
        for image in images:
            pending.append(pool.submit(read_page, image, engine, settings))
            del image
            while True:
                while pending and pending[0].done():
                    yield pending.popleft().result()
                # a slow page at the head must not idle the other cores: pages after it go
                # on being read while its result is awaited (their results are small)
                running = [f for f in pending if not f.done()]
                if len(running) < 2 * n and len(pending) < HELD_RESULTS * n:
                    break
                wait(running, return_when=FIRST_COMPLETED)
        while pending:
            yield pending.popleft().result()
