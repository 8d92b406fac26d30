"""OCR of scanned pages: Tesseract ``tha+eng`` behind a small engine interface, page
preprocessing, a Thai-digit re-reader, dictionary post-correction and a parallel
page runner. See docs/ocr.md for how it works and what was measured."""

from __future__ import annotations

from ..config import Config
from ..errors import EngineUnavailableError
from .engine import NullOcrEngine, OcrEngine, OcrPage, TesseractEngine, Word
from .preprocess import Prep
from .runner import OcrSettings, read_page, run_pages, settings_from, worker_count
from .tessapi import TessApiEngine

__all__ = [
    "NullOcrEngine",
    "OcrEngine",
    "OcrPage",
    "OcrSettings",
    "Prep",
    "TessApiEngine",
    "TesseractEngine",
    "Word",
    "make_engine",
    "read_page",
    "require_engine",
    "run_pages",
    "settings_from",
    "worker_count",
]


def make_engine(config: Config) -> OcrEngine | None:
    """The engine ``config.ocr_engine`` names, or None when OCR is switched off.
    ``tesseract`` is the library in process when it loads, else the program;
    ``tesseract-cli`` is always the program."""
    if config.ocr_engine == "none":
        return None
    if config.ocr_engine == "tesseract":
        in_process = TessApiEngine()
        return in_process if in_process.available() is None else TesseractEngine()
    if config.ocr_engine == "tesseract-cli":
        return TesseractEngine()
    raise EngineUnavailableError(f"unknown OCR engine {config.ocr_engine!r} (tesseract, tesseract-cli or none)")


def require_engine(engine: OcrEngine | None, path=None) -> OcrEngine:
    """``engine`` if it can run, else EngineUnavailableError naming the file."""
    if engine is None:
        raise EngineUnavailableError("OCR is switched off (ocr_engine = none)", path=path)
    reason = engine.available()
    if reason:
        raise EngineUnavailableError(f"cannot OCR: {reason}", path=path)
    return engine
