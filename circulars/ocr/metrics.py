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


def alignment(a: str, b: str) -> list[tuple[str | None, str | None]]:
    """A minimal-edit alignment of ``a`` and ``b`` (Levenshtein, unit costs): pairs of
    characters, ``None`` on the side of an insertion or deletion. Holds the whole cost
    matrix: meant for short sequences (the digits of a page), not whole pages."""
    n, m = len(a), len(b)
    cost = np.empty((n + 1, m + 1), np.int32)
    cols = np.arange(m + 1, dtype=np.int32)
    cost[0] = cols
    bv = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32) if b else np.zeros(0, np.uint32)
    for i, ch in enumerate(a, 1):
        prev = cost[i - 1]
        cand = np.empty(m + 1, np.int32)
        cand[0] = i
        cand[1:] = np.minimum(prev[:-1] + (bv != ord(ch)), prev[1:] + 1)
        cost[i] = cols + np.minimum.accumulate(cand - cols)
    pairs: list[tuple[str | None, str | None]] = []
    i, j = n, m
    while i or j:
        if i and j and cost[i, j] == cost[i - 1, j - 1] + (a[i - 1] != b[j - 1]):
            pairs.append((a[i - 1], b[j - 1]))
            i, j = i - 1, j - 1
        elif i and cost[i, j] == cost[i - 1, j] + 1:
            pairs.append((a[i - 1], None))
            i -= 1
        else:
            pairs.append((None, b[j - 1]))
            j -= 1
    return pairs[::-1]


_DIGIT_RUNS = re.compile(f"[{THAI_DIGITS}0-9]+")


def digit_sequence(text: str) -> str:
    """The digits (Thai and Latin) of ``text`` in order, ``|`` between runs of digits."""
    return "|".join(_DIGIT_RUNS.findall(comparable(text)))


def digit_pairs(hypothesis: str, truth: str) -> tuple[int, int]:
    """(Thai digits of ``truth`` read right, Thai digits in ``truth``): the digit sequences
    of both texts (runs separated by ``|``) aligned by edit distance, a truth digit being
    right when it is aligned with the same digit. A missing or extra digit costs only
    itself; a Thai digit read as a Latin one or as a letter is wrong. Texts holding form
    feeds (pages) on both sides with the same count are aligned page by page."""
    if "\f" in truth and hypothesis.count("\f") == truth.count("\f"):
        got = [digit_pairs(h, t) for h, t in zip(hypothesis.split("\f"), truth.split("\f"))]
        return sum(g[0] for g in got), sum(g[1] for g in got)
    pairs = alignment(digit_sequence(truth), digit_sequence(hypothesis))
    right = sum(1 for t, h in pairs if t is not None and t in THAI_DIGITS and t == h)
    return right, sum(1 for t, _ in pairs if t is not None and t in THAI_DIGITS)
