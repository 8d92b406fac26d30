"""The word list PyThaiNLP's newmm tokenizer asks for prefixes, without building a trie.

newmm asks its dictionary one question: which words begin ``text`` at ``start``
(``prefixes``). PyThaiNLP answers from a trie of its 62,106 words, which took 1.06 s to
build, once per process, on the first OCRed page (in pure Python, holding the interpreter
lock; measured on 2026-12-07 against 0.10 s for this list). Here the words are one sorted
list: the words that begin with a string lie in one range of it, found by bisection within
the range of the string one letter shorter and kept, so each prefix is looked up once. The
answers are the trie's (tests/test_ocr_correct.py)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

LAST = "\U0010ffff"  # sorts after every character: prefix + LAST bounds the words with that prefix
MAX_KEPT = 500_000  # ranges kept before the memo starts again (a long-running inbox)


class SortedWords:
    """``prefixes(text, start)`` and ``in`` over a sorted word list (words stripped, as the
    trie stores them)."""

    def __init__(self, words: Iterable[str]):
        self.words = sorted({w.strip() for w in words} - {""})
        self.members = frozenset(self.words)
        self.ranges: dict[str, tuple[int, int]] = {}

    def __len__(self) -> int:
        return len(self.words)

    def __contains__(self, word: str) -> bool:
        return word in self.members

    def _range(self, prefix: str, lo: int, hi: int) -> tuple[int, int]:
        found = self.ranges.get(prefix)
        if found is None:
            if len(self.ranges) >= MAX_KEPT:
                self.ranges.clear()
            start = bisect_left(self.words, prefix, lo, hi)
            found = self.ranges[prefix] = (start, bisect_left(self.words, prefix + LAST, start, hi))
        return found

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words that ``text`` has at ``start``, shortest first."""
        out = []
        lo, hi = 0, len(self.words)
        for end in range(start + 1, len(text) + 1):
            prefix = text[start:end]
            lo, hi = self._range(prefix, lo, hi)
            if lo == hi:
                break
            if self.words[lo] == prefix:  # a word sorts before every longer word it begins
                out.append(prefix)
        return out
