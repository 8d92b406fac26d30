"""One page image → OcrPage (preprocess, tesseract, Thai-digit re-read, post-correction),
and the parallel runner that spreads the pages of a file over the cores.

Pages are produced lazily by the caller (a PDF page rendered, a TIFF frame decoded) and at
most ``2 × workers`` page images are queued or being read, so a 500-page batch holds a
handful of page images at a time; a free worker takes the fullest page waiting (so the
last pages end together); pages after a slow one go on being read while it finishes (at
most ``8 × workers`` results wait for it). Each tesseract (a libtesseract
handle in process, or the program) runs single-threaded (``OMP_THREAD_LIMIT=1``); the
threads here spend most of their time in tesseract and OpenCV calls, which release the GIL."""

from __future__ import annotations

import heapq
import os
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


def page_cost(image) -> float:
    """How long tesseract will take on a page, roughly: its share of dark pixels (on an
    eighth-size copy; 2 ms). Tesseract's time grows with the text on the page: 1.1 s for
    the emptiest real sample, 3.9 s for the fullest (docs/ocr.md)."""
    import numpy as np

    small = image.convert("L").reduce(8) if image.mode != "L" else image.reduce(8)
    return float(np.count_nonzero(np.asarray(small) < 128)) / max(1, small.width * small.height)


def _read_in_order(images: Iterable, engine: OcrEngine, settings: OcrSettings, n: int) -> Iterator[OcrPage]:
    """Pages read by ``n`` workers and yielded in page order. At most ``n`` pages wait for a
    worker besides the ``n`` being read, and a free worker takes the fullest of them: the
    last pages of a file then end together instead of one core reading a long page alone
    (the floor's ``xargs`` takes pages in order)."""
    source = iter(images)
    waiting: list[tuple[float, int, object]] = []  # (-cost, page index, image): a heap
    running: dict[Future, int] = {}
    done: dict[int, OcrPage] = {}
    pulled = head = 0
    exhausted = False
    with ThreadPoolExecutor(max_workers=n, thread_name_prefix="ocr") as pool:
        while True:
            # a slow page at the head must not idle the other cores: pages after it go on
            # being read while its result is awaited (at most HELD_RESULTS × n results wait)
            while not exhausted and len(waiting) < n and len(done) < HELD_RESULTS * n:
                image = next(source, None)
                if image is None:
                    exhausted = True
                    break
                heapq.heappush(waiting, (-page_cost(image), pulled, image))
                pulled += 1
                del image
                _start(pool, waiting, running, engine, settings, n)
            _start(pool, waiting, running, engine, settings, n)
            while head in done:
                yield done.pop(head)
                head += 1
            if not running:
                if exhausted and not waiting:
                    return
                continue
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                done[running.pop(future)] = future.result()
            _start(pool, waiting, running, engine, settings, n)  # before the next page is rendered


def _start(pool: ThreadPoolExecutor, waiting: list, running: dict, engine: OcrEngine,
           settings: OcrSettings, n: int) -> None:
    """Free workers take the fullest waiting pages."""
    while waiting and len(running) < n:
        _, index, image = heapq.heappop(waiting)
        running[pool.submit(read_page, image, engine, settings)] = index
