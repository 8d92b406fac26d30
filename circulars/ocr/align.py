"""Which OCR unit each character of a page's final text came from.

Tesseract's units (:class:`circulars.ocr.Word`) are listed in text order, but the page
text then changes: the digit re-reader and the Latin re-reader replace spans, the
post-correction composes ``ํา`` into ``ำ`` and restores tone marks, and the pipeline's
normalisation strips spaces, fixes header words, month names and ``ที่`` labels. Rather than
make every one of those rules carry offsets, the units' texts are aligned with the final
text character by character, spaces left out on both sides (the rules move spaces most).

The alignment walks both strings while they agree; at a difference it looks for the
nearest point, at most ``reach`` characters ahead on either side, from which ``run``
characters agree again, and gives the characters of the gap to the units of the gap
(an inserted tone mark to the unit before it). The texts differ only in a few places,
so this is linear in the page's length: about 1–2 ms for a 3,000-character page."""

from __future__ import annotations

from collections.abc import Sequence

REACH = 12
RUN = 3


def unit_stream(words: Sequence) -> tuple[str, list[int]]:
    """The non-space characters of the units' texts in order, and the unit of each."""
    chars: list[str] = []
    owner: list[int] = []
    for k, w in enumerate(words):
        for c in w.text:
            if not c.isspace():
                chars.append(c)
                owner.append(k)
    return "".join(chars), owner


def _resync(a: str, b: str, i: int, j: int, reach: int, run: int) -> tuple[int, int] | None:
    """The smallest (di, dj) from which ``run`` characters of a[i+di:] and b[j+dj:] agree."""
    na, nb = len(a), len(b)
    for d in range(1, 2 * reach + 1):
        # at equal total cost prefer a substitution (di == dj) over an insertion and a deletion
        for di in sorted(range(max(0, d - reach), min(d, reach) + 1), key=lambda x: abs(2 * x - d)):
            dj = d - di
            ii, jj = i + di, j + dj
            if ii > na or jj > nb:
                continue
            n = min(run, na - ii, nb - jj)
            if (n == run or na - ii == nb - jj == n) and a[ii:ii + n] == b[jj:jj + n]:
                return di, dj
    return None


def align(a: str, b: str, *, reach: int = REACH, run: int = RUN) -> list[int]:
    """For each character of ``b``, the index of the character of ``a`` it came from (-1 for
    none: text after the end of ``a``)."""
    out = [-1] * len(b)
    i = j = 0
    na, nb = len(a), len(b)
    while j < nb and i < na:
        if a[i] == b[j]:
            out[j] = i
            i += 1
            j += 1
            continue
        step = _resync(a, b, i, j, reach, run)
        di, dj = step if step else (1, 1)
        di, dj = min(di, na - i), min(dj, nb - j)
        for t in range(dj):
            out[j + t] = i + (t * di) // dj if di else max(i - 1, 0)
        i += di
        j += dj
    return out


def char_units(words: Sequence, text: str) -> list[int]:
    """For each character of ``text``, the index in ``words`` of the unit it was read from;
    -1 for spaces and for characters no unit accounts for."""
    stream, owner = unit_stream(words)
    positions = [p for p, c in enumerate(text) if not c.isspace()]
    hits = align(stream, "".join(text[p] for p in positions))
    out = [-1] * len(text)
    for p, h in zip(positions, hits):
        if h >= 0:
            out[p] = owner[h]
    return out
