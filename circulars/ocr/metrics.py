"""Character error rate and Thai-digit accuracy, for tests and the benchmark."""

from __future__ import annotations

import re

import numpy as np

from ..normalize import compose_sara_am
from .digits import THAI_DIGITS

_SPACE = re.compile(r"\s+")


def comparable(text: str) -> str:
    """Text as compared: ํา composed to ำ, all whitespace removed (Thai has no word spaces
    and ground truths differ in line breaks and column spacing)."""
    return _SPACE.sub("", compose_sara_am(text))


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, one numpy row at a time."""
    if not a or not b:
        return max(len(a), len(b))
    bv = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    cols = np.arange(len(b) + 1)
    prev = cols.copy()
    for i, ch in enumerate(a, 1):
        sub = prev[:-1] + (bv != ord(ch))
        cand = np.empty_like(prev)
        cand[0] = i
        cand[1:] = np.minimum(sub, prev[1:] + 1)
        prev = cols + np.minimum.accumulate(cand - cols)
    return int(prev[-1])


def cer(hypothesis: str, truth: str) -> float:
    ref = comparable(truth)
    return edit_distance(comparable(hypothesis), ref) / max(1, len(ref))


def digit_pairs(hypothesis: str, truth: str) -> tuple[int, int]:
    """(Thai digits of ``truth`` read right, Thai digits in ``truth``), by aligning the
    runs of digits of both texts in order (runs of equal length only)."""
    runs_t = re.findall(f"[{THAI_DIGITS}]+", comparable(truth))
    runs_h = re.findall(f"[{THAI_DIGITS}]+", comparable(hypothesis))
    total = sum(len(r) for r in runs_t)
    right, j = 0, 0
    for run in runs_t:
        k = next((x for x in range(j, min(j + 3, len(runs_h))) if len(runs_h[x]) == len(run)), None)
        if k is None:
            continue
        right += sum(1 for x, y in zip(run, runs_h[k]) if x == y)
        j = k + 1
    return right, total
