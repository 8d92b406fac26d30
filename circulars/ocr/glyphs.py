"""Training and test material of the digit classifier: strings of Thai digits (with
letters and punctuation among them) rendered from the installed fonts at scan
resolutions, degraded as a scanner would (blur, paper tone, noise, JPEG, resampling to
300 dpi), binarised like a page, and cut into glyphs the way the re-reader cuts a numeric
run: connected components, and components spanning two characters (touching digits) cut
at the boundary between them, give or take a few pixels. Besides the ten digits, class
10 ("not a digit") holds letters, two touching digits left whole and halves of digits.
Used by scripts/train_digits.py and the tests; needs fonts-thai-tlwg, not needed at run
time."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import numpy as np

from .digits import REJECT, THAI_DIGITS, glyph_features

FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
FONTS = (
    "Laksaman.ttf", "Laksaman-Bold.ttf", "Garuda.ttf", "Garuda-Bold.ttf", "Loma.ttf", "Loma-Bold.ttf",
    "Kinnari.ttf", "Kinnari-Bold.ttf", "Norasi.ttf", "Norasi-Bold.ttf", "Sawasdee.ttf", "TlwgTypo.ttf",
    "Waree.ttf", "Umpush.ttf", "TlwgTypist.ttf", "TlwgMono.ttf", "Laksaman-Italic.ttf",
)
# letters that stand next to digits in letters (ว in มท ๐๘๑๒/ว ๘๙๖๓, month abbreviations, ...)
LETTERS = "กขคงจฉชซญฎฐฑฒณดตถทธนบปผพฟภมยรลวศษสหอฮะาเแโ" + "abcdefghlnoprstuwxyzABCDEGHLNOSTW()0123456789"
PUNCT = "./-"


def available_fonts(names=FONTS) -> list[Path]:
    return [FONT_DIR / n for n in names if (FONT_DIR / n).exists()]


def random_string(rng: np.random.Generator) -> str:
    n = int(rng.integers(2, 7))
    chars = []
    for _ in range(n):
        r = rng.random()
        chars.append(rng.choice(list(LETTERS)) if r < 0.12 else rng.choice(list(PUNCT)) if r < 0.2
                     else rng.choice(list(THAI_DIGITS)))
    return "".join(chars)


def render_string(text: str, font_path: Path, rng: np.random.Generator):
    """(ink mask at 300 dpi, column interval of every character's own ink) of ``text``
    drawn as on a scanned page."""
    import cv2
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    from .preprocess import binarize

    dpi = int(rng.choice((150, 200, 200, 250, 300, 300)))
    size = round(float(rng.uniform(14, 20)) * dpi / 72)
    font = ImageFont.truetype(str(font_path), size)
    spacing = float(rng.choice((0, 0, 0, -0.04, -0.08, 0.05))) * size  # tight fonts make digits touch
    width = int(font.getlength(text) + len(text) * (abs(spacing) + 2) + size)
    img = Image.new("L", (width, size * 2), 255)
    draw = ImageDraw.Draw(img)
    x, y, spans = size / 2, size / 4, []
    fill = int(rng.integers(0, 80))
    for ch in text:
        alone = Image.new("L", img.size, 255)
        ImageDraw.Draw(alone).text((x, y), ch, font=font, fill=0)
        cols = np.nonzero((np.asarray(alone) < 128).any(axis=0))[0]
        spans.append((cols[0], cols[-1] + 1) if len(cols) else (int(x), int(x) + 1))
        draw.text((x, y), ch, font=font, fill=fill)
        x += font.getlength(ch) + spacing
    angle = float(rng.uniform(-1.5, 1.5))
    img = img.rotate(angle, resample=Image.BILINEAR, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(float(rng.uniform(0.2, 1.1)) * dpi / 300))
    arr = np.asarray(img, np.float32) * 0.93 + 12 + rng.normal(0, rng.uniform(3, 15), (img.height, img.width))
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=int(rng.integers(50, 92)))
    gray = np.asarray(Image.open(buf).convert("L"))
    scale = 300 / dpi
    if scale != 1:
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_LINEAR)
    ink = binarize(gray) < 128
    return ink, [(int(a * scale), int(np.ceil(b * scale))) for a, b in spans]


def cut_pieces(ink: np.ndarray, spans: list[tuple[int, int]], rng: np.random.Generator) -> list[np.ndarray]:
    """One mask per character: the components mostly within its span; a component over
    two spans (touching glyphs) is cut at the boundary between them ± a few pixels."""
    import cv2

    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    bounds = [(r + l2) / 2 for (_, r), (l2, _) in itertools.pairwise(spans)]
    height = max(1, int(np.percentile(stats[1:, 3], 90))) if n > 1 else 1
    cuts = [0] + [round(b + rng.normal(0, 0.04 * height)) for b in bounds] + [ink.shape[1]]
    pieces = [np.zeros(ink.shape, bool) for _ in spans]
    for i in range(1, n):
        if stats[i, 4] < 6:
            continue
        a, w = stats[i, 0], stats[i, 2]
        share = [max(0, min(a + w, r) - max(a, lft)) / w for lft, r in spans]
        comp = labels == i
        k = int(np.argmax(share))
        if share[k] >= 0.85:
            pieces[k] |= comp
            continue
        for k in range(len(spans)):
            part = comp.copy()
            part[:, : max(0, cuts[k])] = False
            part[:, cuts[k + 1] :] = False
            pieces[k] |= part
    return pieces


def string_samples(text: str, font: Path, rng: np.random.Generator) -> tuple[list, list]:
    """Features and labels of the characters of one rendered string (punctuation left
    out, it is read by its shape), plus negatives: two neighbouring digits left whole and
    the halves of a digit."""
    ink, spans = render_string(text, font, rng)
    pieces = cut_pieces(ink, spans, rng)
    digit = [i for i, ch in enumerate(text) if ch in THAI_DIGITS and pieces[i].any()]
    if not digit:
        return [], []
    from .digits import _box

    ref = max(_box(pieces[i])[0] for i in digit)
    xs, ys = [], []

    def add(mask, label):
        f = glyph_features(mask, ref) if mask.any() else None
        if f is not None:
            xs.append(f)
            ys.append(label)

    for i, ch in enumerate(text):
        if ch in PUNCT or not pieces[i].any():
            continue
        add(pieces[i], THAI_DIGITS.index(ch) if ch in THAI_DIGITS else REJECT)
    for i in digit:
        if i + 1 < len(text) and text[i + 1] in THAI_DIGITS and rng.random() < 0.3:
            add(pieces[i] | pieces[i + 1], REJECT)
        if rng.random() < 0.25:
            cols = np.nonzero(pieces[i].any(axis=0))[0]
            mid = int(cols[0] + (cols[-1] - cols[0]) * rng.uniform(0.3, 0.6))
            half = pieces[i].copy()
            if rng.random() < 0.5:
                half[:, mid:] = False
            else:
                half[:, :mid] = False
            add(half, REJECT)
    return xs, ys


def digit_dataset(per_font: int, seed: int, fonts: list[Path] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of the glyphs of ``per_font`` rendered strings in every font
    (the Laksaman faces, which stand for TH Sarabun, twice as many)."""
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for font in fonts or available_fonts():
        count = per_font * (2 if font.name.startswith("Laksaman") else 1)
        for _ in range(count):
            x, y = string_samples(random_string(rng), font, rng)
            xs.extend(x)
            ys.extend(y)
    return np.array(xs, np.float32), np.array(ys, np.int64)
