"""Post-correction of OCR text.

- ``ํา`` → ``ำ`` (tesseract's ``tha`` model writes sara am decomposed);
- dropped tone marks: a Thai word that is not in PyThaiNLP's bundled word list becomes the
  form with ่ or ้ added after its upper vowel (or its consonant) when exactly one such
  form is a word; and ``ที`` standing before a space, a digit or a line end is ``ที่``
  (``วันที ๑๒``, ``ลงวันที ๘``, ``รับที ๑๑๒``, ``ที มท ...``: ``ที`` alone is not Thai usage
  there); two
  neighbouring words whose join lost a tone (``แต่งตัง`` → ``แต่งตั้ง``) are joined back the
  same way;
- a line that opens with ``ท`` and a few letters or marks that make no word, then a reference
  number (``ท อบ ๐๐๓๓``, ``ทื ๒๘๗/๒๕๖๘``, ``ทสี่.ซ่ ๒๑๐๗/ ๒๕๖๘``, ``ท ||นย๐๐๒๓.๕/ว``), opens with
  the label ``ที่``: the header's ที่ lost its marks or gained specks;
- a digit look-alike letter of ``glyph_confusions.tsv`` inside a Buddhist-era year, beside
  the digit it is mistaken for, is the same glyph read twice and goes (``๒๕๖ส๘`` → ``๒๕๖๘``);
- the fixed header words are then corrected by :func:`circulars.normalize.fix_header_words`
  with the data file ``ocr_confusions.tsv`` in the normal pipeline."""

from __future__ import annotations

import re
from functools import lru_cache

from ..normalize import compose_sara_am, to_arabic_digits
from .wordprefix import SortedWords

TONES = "\u0e48\u0e49"  # ่ ้
UPPER = "\u0e34\u0e35\u0e36\u0e37\u0e31"  # ิ ี ึ ื ั
_THAI_RUN = re.compile(r"[\u0e01-\u0e4e]+")
_TI = re.compile(r"(?<![\u0e01-\u0e4e])((?:ลงวัน|วัน|หมู่|ครั้ง|ข้อ|หน้า|เลขรับ|รับ|เลข)?)ที(?=[ \t]|[๐-๙0-9]|$)",
                 re.MULTILINE)


# an office code or order number and its slash, in either digits (``๐๐๓๓.๐๐๙/``, ``1003/``,
# ``๒๘๗/``): where a reference number's digits begin (also used by ``mixed``)
NUMBER_SLASH = r"[๐-๙0-9]{2,6}(?:\.[๐-๙0-9]{1,3}){0,3}[ \t]*/"
_DAMAGED_THI = re.compile(rf"^([ \t]*)ท(?P<rest>[^\s๐-๙0-9]{{0,6}}?)[ \t|]*(?=(?:[ก-ฮ]{{2}}\.?[ \t]*)?{NUMBER_SLASH})",
                          re.MULTILINE)


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


@lru_cache(maxsize=1)
def dictionary() -> SortedWords:
    return SortedWords(words())


def tokenize(run: str) -> list[str]:
    """``run`` cut into words by PyThaiNLP's newmm over its word list."""
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(run, engine="newmm", custom_dict=dictionary())


def tone_candidates(word: str) -> list[str]:
    """``word`` with one tone mark added after an upper vowel, or after a consonant without one."""
    out = []
    for i, ch in enumerate(word):
        nxt = word[i + 1] if i + 1 < len(word) else None  # not "": "" is in every string
        if nxt is not None and (nxt in TONES or nxt in UPPER) or ch in TONES:
            continue
        if ch in UPPER or "\u0e01" <= ch <= "\u0e2e":
            out.extend(word[: i + 1] + t + word[i + 1 :] for t in TONES)
    return out


def restore_tone(token: str) -> str:
    vocab = words()
    if len(token) < 2 or token in vocab or any(t in token for t in TONES):
        return token
    found = [c for c in tone_candidates(token) if c in vocab]
    return found[0] if len(found) == 1 else token


def restore_pair_tones(tokens: list[str]) -> list[str]:
    """Two neighbouring words that are each Thai but together lost a tone mark
    (``แต่ง`` + ``ตัง`` for ``แต่งตั้ง``, ``มัน`` + ``คง`` for ``มั่นคง``): joined, they become
    the one form with a tone added that is a word, when the join as read is not one."""
    vocab, out, i = words(), [], 0
    while i < len(tokens):
        if i + 1 < len(tokens):
            joined = tokens[i] + tokens[i + 1]
            if len(joined) >= 4 and joined not in vocab:
                found = [c for c in tone_candidates(joined) if c in vocab]
                if len(found) == 1:
                    out.append(found[0])
                    i += 2
                    continue
        out.append(tokens[i])
        i += 1
    return out


BELOW = "\u0e38\u0e39"  # ุ ู: a leader dot touching a glyph's foot is read as one


def _unknown_letters(run: str) -> int:
    """Consonants of ``run`` outside dictionary words (marks not counted, so dropping one
    lowers the count only when a word comes out)."""
    vocab = words()
    return sum(sum("\u0e01" <= c <= "\u0e2e" for c in t) for t in tokenize(run) if t not in vocab)


def drop_stray_marks(run: str) -> str:
    """``run`` without the below vowels that make it fail the dictionary (``นายทหารุประทวุน``
    → ``นายทหารประทวน``): each ุ/ู whose removal puts more consonants into dictionary words
    goes, the best first, a few at most; a run that reads as words keeps its marks."""
    for _ in range(3):
        if not any(c in BELOW for c in run):
            return run
        base = _unknown_letters(run)
        if base == 0:
            return run
        best = min(((_unknown_letters(cand), cand) for i, c in enumerate(run) if c in BELOW
                    for cand in [run[:i] + run[i + 1:]]), default=None)
        if best is None or best[0] >= base:
            return run
        run = best[1]
    return run


def restore_tones(text: str) -> str:
    def fix_run(m: re.Match) -> str:
        tokens = [restore_tone(t) for t in tokenize(drop_stray_marks(m.group(0)))]
        return "".join(restore_pair_tones(tokens))

    text = _TI.sub(lambda m: m.group(1) + "ที่", text)
    return _THAI_RUN.sub(fix_run, text)


_TOKEN = re.compile(r"(?<!\S)[\u0e01-\u0e4e]{5,24}(?!\S)")


@lru_cache(maxsize=1)
def fixed_words() -> tuple[str, ...]:
    from importlib.resources import files

    text = files("circulars.data").joinpath("header_words.txt").read_text("utf-8")
    return tuple(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def skeleton(word: str) -> str:
    """``word`` without the marks above and below the line (tesseract drops them), ำ as า."""
    return _MARKS.sub("", word.replace("\u0e33", "\u0e32"))


def nearest_fixed_word(token: str) -> str:
    """``token`` if it is a fixed word or a dictionary word; else the one fixed word within
    one edit (tokens under 8 letters) or two (longer), or whose skeleton (marks dropped) is
    the token's skeleton, or one substitution from it for skeletons of 8 letters or more, when
    exactly one fixed word is that near."""
    from ..normalize import edit_distance

    fixed = fixed_words()
    if token in fixed or token in words():
        return token
    limit = 1 if len(token) < 8 else 2
    sk = skeleton(token)
    sk_limit = 0 if len(sk) < 8 else 1

    def near(w: str) -> bool:
        if abs(len(w) - len(token)) <= limit and edit_distance(token, w) <= limit:
            return True
        ws = skeleton(w)
        # same skeleton length: a trailing word glued on (…ด่วนที่) is not eaten
        return len(ws) == len(sk) and edit_distance(sk, ws) <= sk_limit

    found = [w for w in fixed if near(w)]
    return found[0] if len(found) == 1 else token


def fix_fixed_words(text: str) -> str:
    """Header words standing between spaces matched fuzzily against ``header_words.txt``."""
    return _TOKEN.sub(lambda m: nearest_fixed_word(m.group(0)), text)


def restore_reference_label(text: str) -> str:
    """``ท…`` before a reference number at a line's start → ``ที่ `` unless ``ท…`` is a word
    other than ``ที`` (``ทุก ๑๒/…``, ``ทั้งนี้ ๑๒/…`` stay)."""
    def fix(m: re.Match) -> str:
        head = "ท" + m.group("rest")
        return m.group(0) if head in words() and head != "ที" else f"{m.group(1)}ที่ "

    return _DAMAGED_THI.sub(fix, text)


ORDER_YEARS = (2540, 2589)  # Buddhist-era years an order number's year after its slash may be


def drop_doubled_digit_glyphs(text: str) -> str:
    """``๒๕๖ส๘`` → ``๒๕๖๘``: in a Buddhist-era year, ส (a look-alike of ๘) beside a ๘ is that ๘
    read twice. Only years: elsewhere (``๘ส๖๓``) the letter may stand for a second ๘. After a
    slash (an order's number, ``๒๘๗/๒ด๕๖๘``) the look-alike goes wherever it stands when
    what is left is a year of ``ORDER_YEARS``."""
    looks, pattern = _digit_lookalikes()

    def fix(m: re.Match) -> str:
        head, letter, tail = m.group(1), m.group(2), m.group(3)
        year = head + tail
        if len(year) != 4 or not year.startswith("๒๕"):
            return m.group(0)
        doubled = looks[letter] in (head[-1], tail[0])
        ordered = m.start() > 0 and text[m.start() - 1] == "/" and \
            ORDER_YEARS[0] <= int(to_arabic_digits(year)) <= ORDER_YEARS[1]
        return year if doubled or ordered else m.group(0)

    return pattern.sub(fix, text) if pattern else text


@lru_cache(maxsize=1)
def _digit_lookalikes() -> tuple[dict[str, str], re.Pattern[str] | None]:
    """(letter → the digit it is misread for, a Thai-digit run with one such letter inside)."""
    from ..agencies import confusions

    looks = confusions()[1]
    if not looks:
        return looks, None
    return looks, re.compile(f"(?<![๐-๙])([๐-๙]+)([{''.join(looks)}])([๐-๙]+)(?![๐-๙])")


_STRAY_BEFORE_SERIES = re.compile(r"(?<=[๐-๙0-9]/)[7|lI](?=ว\s*[๐-๙0-9])")
_STRAY_AFTER_SERIES = re.compile(r"(?<=[๐-๙]/ว)[0-9|,.'‘’](?=[ \t]+[๐-๙])")


def drop_strays_at_series(text: str) -> str:
    """``๐๐๒๓.๓/7ว ๑๘๔๗๒`` → ``๐๐๒๓.๓/ว ๑๘๔๗๒``: the foot of the slash read as a Latin
    ``7`` or ``|`` before the series letter ว (no reference number has a sign there); and
    ``๐๓๑๐.๑/ว3 ๑๔๗๗`` → ``๐๓๑๐.๑/ว ๑๔๗๗``: half of the ว read as a Latin digit (or a speck
    read as a comma or stop, ``/ว, ๘๘๒``), glued to it before the Thai running number."""
    return _STRAY_AFTER_SERIES.sub("", _STRAY_BEFORE_SERIES.sub("", text))


def correct_text(text: str) -> str:
    text = restore_reference_label(restore_tones(compose_sara_am(text)))
    return fix_fixed_words(drop_strays_at_series(drop_doubled_digit_glyphs(text)))
