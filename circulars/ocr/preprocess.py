"""Page-image preprocessing before OCR, each step a small function on numpy arrays
(uint8, text dark on white). Which steps run is chosen by :class:`Prep`; the defaults
are the ones measured best on the sample scans (see docs/ocr.md)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DOT_MAX = 9  # px at 300 dpi: a leader dot of "ส่วนราชการ......" is smaller than this
DOT_RUN = 8  # dots in one row before it counts as a dotted rule
DOT_TALLER = 2  # px: a member this much taller than its rule's median dot is a full stop on it
SOLID_MIN = 0.12  # a solid rule is at least this share of the page width
VERTICAL_MIN = 90  # px at 300 dpi: a vertical table rule (message forms) is taller than any glyph


@dataclass(frozen=True)
class Prep:
    binarize: bool = True
    remove_lines: bool = True
    remove_vertical: bool = False  # table borders of message forms: measured worse (docs/ocr-layout.md)
    deskew_above: float | None = 1.0  # degrees; None never deskews


def to_gray(image) -> np.ndarray:
    return np.asarray(image if image.mode == "L" else image.convert("L"), dtype=np.uint8)


def binarize(gray: np.ndarray) -> np.ndarray:
    """Otsu threshold after a light median blur (removes salt-and-pepper noise)."""
    import cv2

    smooth = cv2.medianBlur(gray, 3)
    _, out = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return out


def _solid_rules(ink: np.ndarray) -> np.ndarray:
    """Mask of solid horizontal rules: a morphological opening with a long horizontal
    line, run only on the strips of rows that hold enough ink for one (fast)."""
    import cv2

    length = max(40, int(ink.shape[1] * SOLID_MIN))
    out = np.zeros(ink.shape, np.uint8)
    rows = np.count_nonzero(ink, axis=1) >= length
    if not rows.any():
        return out
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1))
    padded = np.concatenate([[False], rows, [False]])
    starts = np.nonzero(padded[1:] & ~padded[:-1])[0]
    ends = np.nonzero(~padded[1:] & padded[:-1])[0]
    for a, b in zip(starts, ends, strict=True):
        out[a:b] = cv2.morphologyEx(ink[a:b], cv2.MORPH_OPEN, kernel)
    return out


def _chains(points: list[tuple[float, float, int]]) -> list[list[int]]:
    """Chains of points sorted by x, each point joining the chain whose last point is
    within 30 px to its left and 4 px in height."""
    chains: list[list] = []  # [last x, last y, ids]
    for x, y, i in sorted(points):
        for chain in chains:
            if 0 < x - chain[0] <= 30 and abs(y - chain[1]) <= 4:
                chain[0], chain[1] = x, y
                chain[2].append(i)
                break
        else:
            chains.append([x, y, [i]])
    return [c[2] for c in chains]


def _rule_rows(chain: list[int], stats: np.ndarray) -> dict[int, tuple[int, int]]:
    """Which rows of each member of a dotted rule to white out. Leader dots go whole; a
    full stop typed on the rule (``๐๓๐๑.๑๐.๑``, ``พ.ค.``) joins the chain but is taller than
    the rule's flat dots, often merged with the dot under it: only its part inside the
    rule's band goes, and the stop stays."""
    tops, bottoms = stats[chain, 1], stats[chain, 1] + stats[chain, 3]
    height = float(np.median(stats[chain, 3]))
    band = (int(np.median(tops)) - 1, int(np.median(bottoms)) + 1)
    out = {}
    for i in chain:
        y, h = int(stats[i, 1]), int(stats[i, 3])
        out[i] = (y, y + h) if h <= height + DOT_TALLER else band
    return out


def _dot_rows(ink: np.ndarray) -> np.ndarray:
    """Mask of small components lined up in long horizontal runs (dotted leaders)."""
    import cv2

    n, labels, stats, cents = cv2.connectedComponentsWithStats(ink, connectivity=8)
    small = [(cents[i, 0], cents[i, 1], i) for i in range(1, n)
             if stats[i, 2] <= DOT_MAX and stats[i, 3] <= DOT_MAX]
    mask = np.zeros(ink.shape, bool)
    for chain in _chains(small):
        if len(chain) < DOT_RUN:
            continue
        for i, (top, bottom) in _rule_rows(chain, stats).items():
            x, w = stats[i, 0], stats[i, 2]  # painted within its own box (cheaper than the whole page)
            mask[top:bottom, x : x + w] |= labels[top:bottom, x : x + w] == i
    return mask


def _vertical_rules(ink: np.ndarray) -> np.ndarray:
    """Mask of vertical rules: an opening with a vertical line taller than any glyph."""
    import cv2

    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (1, VERTICAL_MIN))
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel) > 0


def remove_rules(binary: np.ndarray, vertical: bool = False) -> np.ndarray:
    """White out solid horizontal rules and dotted leaders (form header underlines), and
    with ``vertical`` the vertical rules of form tables."""
    ink = (binary < 128).astype(np.uint8) * 255
    mask = (_solid_rules(ink) > 0) | _dot_rows(ink)
    if vertical:
        mask |= _vertical_rules(ink)
    out = binary.copy()
    out[mask] = 255
    return out


def estimate_skew(gray: np.ndarray, limit: float = 3.0, step: float = 0.2) -> float:
    """Skew in degrees by maximising the variance of the row profile of a downscaled page."""
    import cv2

    small = cv2.resize(gray, None, fx=0.15, fy=0.15, interpolation=cv2.INTER_AREA)
    ink = (small < 128).astype(np.float32)
    h, w = ink.shape
    best, best_score = 0.0, -1.0
    for angle in np.arange(-limit, limit + step / 2, step):
        m = cv2.getRotationMatrix2D((w / 2, h / 2), float(angle), 1.0)
        score = float(np.var(cv2.warpAffine(ink, m, (w, h)).sum(axis=1)))
        if score > best_score:
            best, best_score = float(angle), score
    return round(best, 2)


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    import cv2

    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def prepare(image, prep: Prep = Prep()) -> np.ndarray:
    """The page ready for OCR (uint8 array)."""
    gray = to_gray(image)
    if prep.deskew_above is not None:
        angle = estimate_skew(gray)
        if abs(angle) > prep.deskew_above:
            gray = rotate(gray, angle)
    if not prep.binarize:
        return gray
    binary = binarize(gray)
    return remove_rules(binary, prep.remove_vertical) if prep.remove_lines else binary
