"""Thai digits rendered from the installed fonts with scan-like degradation: the training
and test material of the digit classifier (used by scripts/train_digits.py and the tests;
needs fonts-thai-tlwg, not needed at run time)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .digits import THAI_DIGITS, glyph_features, main_glyph

FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
FONTS = (
    "Laksaman.ttf", "Laksaman-Bold.ttf", "Garuda.ttf", "Garuda-Bold.ttf", "Loma.ttf", "Loma-Bold.ttf",
    "Kinnari.ttf", "Kinnari-Bold.ttf", "Norasi.ttf", "Norasi-Bold.ttf", "Sawasdee.ttf", "TlwgTypo.ttf",
    "Waree.ttf", "Umpush.ttf", "TlwgTypist.ttf", "TlwgMono.ttf", "Laksaman-Italic.ttf",
)


def available_fonts(names=FONTS) -> list[Path]:
    return [FONT_DIR / n for n in names if (FONT_DIR / n).exists()]


def render_digit(digit: str, font_path: Path, rng: np.random.Generator) -> np.ndarray:
    """One degraded, thresholded digit as an ink mask (True = ink)."""
    import cv2
    from PIL import Image, ImageDraw, ImageFont

    size = int(rng.integers(36, 78))  # 16 pt at 160–350 dpi
    font = ImageFont.truetype(str(font_path), size)
    img = Image.new("L", (size * 2, size * 2), 255)
    ImageDraw.Draw(img).text((size // 2, size // 4), digit, font=font, fill=int(rng.integers(0, 90)))
    img = img.rotate(float(rng.uniform(-2, 2)), resample=Image.BILINEAR, fillcolor=255)
    arr = np.asarray(img, np.float32)
    blur = rng.uniform(0, 1.6)
    if blur > 0.3:
        arr = cv2.GaussianBlur(arr, (0, 0), blur)
    arr = arr + rng.normal(0, rng.uniform(0, 18), arr.shape)
    arr = np.clip(arr, 0, 255).astype(np.uint8)
    _, binary = cv2.threshold(cv2.medianBlur(arr, 3), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = (binary < 128).astype(np.uint8)
    morph = rng.random()
    if morph < 0.15:
        ink = cv2.erode(ink, np.ones((2, 2), np.uint8))
    elif morph < 0.3:
        ink = cv2.dilate(ink, np.ones((2, 2), np.uint8))
    return ink > 0


def digit_dataset(per_font: int, seed: int, fonts: list[Path] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of ``per_font`` samples of every digit in every font."""
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for font in fonts or available_fonts():
        for label, digit in enumerate(THAI_DIGITS):
            for _ in range(per_font):
                feats = glyph_features(main_glyph(render_digit(digit, font, rng)))
                if feats is not None:
                    xs.append(feats)
                    ys.append(label)
    return np.array(xs, np.float32), np.array(ys, np.int64)
