"""Images (PNG, JPEG, TIFF with any number of pages, GIF, BMP, WebP) read by OCR.

Frames are decoded one at a time as the OCR runner asks for them; an image that Pillow
cannot decode is a CorruptFileError naming the file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..config import Config
from ..errors import CorruptFileError, EmptyInputError
from ..models import Page
from ..ocr import OcrEngine, make_engine, require_engine, run_pages, settings_from
from .base import IMAGE_MAGICS, IMAGE_SUFFIXES, MAGIC, SUFFIX, SourceResult, clean_page_text

MAX_PIXELS = 200_000_000


def open_image(path: Path):
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(path)
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as e:
        raise CorruptFileError(f"cannot be read as an image: {e}", path=path) from e
    if image.width * image.height > MAX_PIXELS:
        raise CorruptFileError(f"image too large ({image.width}×{image.height} pixels)", path=path)
    return image


def frames(image, path: Path) -> Iterator:
    """Each frame of a (multi-page) image as its own RGB/L image."""
    count = getattr(image, "n_frames", 1)
    for i in range(count):
        try:
            image.seek(i)
            frame = image.convert("RGB") if image.mode not in ("L", "RGB", "1") else image.copy()
        except (OSError, ValueError, EOFError) as e:
            raise CorruptFileError(f"frame {i + 1} cannot be read: {e}", path=path) from e
        yield frame


class ImageSource:
    name = "image"

    def __init__(self, engine: OcrEngine | None = None):
        self.engine = engine

    def score(self, path: Path, head: bytes) -> int:
        if head.startswith(IMAGE_MAGICS) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
            return MAGIC
        return SUFFIX if path.suffix.lower() in IMAGE_SUFFIXES else 0

    def read(self, path: Path, config: Config) -> SourceResult:
        engine = require_engine(self.engine or make_engine(config), path)
        image = open_image(path)
        with image:
            results = list(run_pages(frames(image, path), engine, settings_from(config),
                                     workers=config.ocr_workers, path=str(path)))
        if not results:
            raise EmptyInputError("the image has no frames", path=path)
        pages = [Page(i, clean_page_text(r.text), "ocr", r.confidence) for i, r in enumerate(results, 1)]
        warnings = [f"page {i}: {w}" for i, r in enumerate(results, 1) for w in r.warnings]
        words = {i: r.words for i, r in enumerate(results, 1)}
        return SourceResult(pages=pages, method="ocr", warnings=warnings, ocr_words=words)
