"""Re-reading Thai digits from their glyph images.

Debian's ``tha`` model cannot output ๔ ๖ ๗ ๘ ๙ (they are not in its character set), so
every digit tesseract reads as a Thai digit is cut out of the page image and classified
again by a small two-layer network over a normalised 24×24 glyph, trained on digits
rendered from the fonts-thai-tlwg fonts with scan-like degradation
(``scripts/train_digits.py`` writes ``circulars/data/thai_digits.npz``)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
REJECT = 10  # class index of "not a digit" (letters, pieces of two digits, halves)
SIZE = 24
INNER = 20
N_FEATURES = SIZE * SIZE + 3
MIN_PROB = 0.5


def ink_box(ink: np.ndarray) -> tuple[int, int, int, int] | None:
    """top, bottom, left, right (exclusive) of the non-zero pixels."""
    rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    if not len(rows):
        return None
    return rows[0], rows[-1] + 1, cols[0], cols[-1] + 1


def glyph_features(ink: np.ndarray, ref_height: float | None = None) -> np.ndarray | None:
    """Feature vector of one glyph (ink = non-zero): the glyph scaled to fit 20×20
    (aspect kept) centred in 24×24, its log aspect ratio, and its height and width over
    ``ref_height`` (the height of the tallest digit of its run; the glyph's own height
    when not given)."""
    import cv2

    box = ink_box(ink)
    if box is None:
        return None
    top, bottom, left, right = box
    glyph = (ink[top:bottom, left:right] > 0).astype(np.float32)
    h, w = glyph.shape
    scale = INNER / max(h, w)
    nh, nw = max(1, round(h * scale)), max(1, round(w * scale))
    small = cv2.resize(glyph, (nw, nh), interpolation=cv2.INTER_AREA)
    canvas = np.zeros((SIZE, SIZE), np.float32)
    y, x = (SIZE - nh) // 2, (SIZE - nw) // 2
    canvas[y : y + nh, x : x + nw] = small
    ref = float(ref_height or h)
    return np.concatenate([canvas.ravel(), [np.log(h / w), h / ref, w / ref]]).astype(np.float32)


@dataclass
class DigitModel:
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray
    mean: np.ndarray
    std: np.ndarray

    def proba(self, x: np.ndarray) -> np.ndarray:
        h = np.maximum(0, ((x - self.mean) / self.std) @ self.w1 + self.b1)
        z = h @ self.w2 + self.b2
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    def classify(self, ink: np.ndarray, ref_height: float | None = None) -> tuple[str | None, float] | None:
        """(digit, probability), the digit None when the glyph is more likely not a digit."""
        feats = glyph_features(ink, ref_height)
        if feats is None:
            return None
        p = self.proba(feats[None, :])[0]
        k = int(p.argmax())
        return (THAI_DIGITS[k] if k < len(THAI_DIGITS) else None), float(p[k])

    def save(self, path) -> None:
        """Weights as float16 (half the size; the answers do not change)."""
        np.savez_compressed(path, **{k: getattr(self, k).astype(np.float16) for k in self.__dataclass_fields__})


def load_model(path=None) -> DigitModel:
    src = path or resources.files("circulars.data") / "thai_digits.npz"
    with resources.as_file(src) if path is None else _nullctx(path) as p, np.load(p) as data:
        return DigitModel(**{k: data[k].astype(np.float32) for k in DigitModel.__dataclass_fields__})


class _nullctx:
    def __init__(self, value):
        self.value = value

    def __enter__(self):
        return self.value

    def __exit__(self, *exc):
        return False


@lru_cache(maxsize=1)
def default_model() -> DigitModel | None:
    try:
        return load_model()
    except (FileNotFoundError, OSError, KeyError):
        return None


_PLAIN_LETTERS = set("กคงจชซดตถทนบพมรลวสหอ")  # consonants without a head or tail above or below the line
MIN_AREA = 6  # px: specks smaller than this are noise, not parts of a glyph
SLASH = 0.7  # a glyph narrower than this × its height is "/" (Thai digits are wider)
WIDE = 1.3  # a glyph group wider than this × the run's digit height may be two touching digits
PAIR = 1.05  # one wider than this may be a digit and the slash it touches (๕/)


def split_glyphs(ink: np.ndarray) -> list[np.ndarray]:
    """The glyphs of a word crop left to right: connected components, those overlapping
    mostly in x merged (a digit broken by the threshold), specks dropped."""
    return [g for _, g in glyph_groups(ink)]


def glyph_groups(ink: np.ndarray) -> list[tuple[int, np.ndarray]]:
    """(left column, mask) of the glyph groups of ``ink`` left to right (see split_glyphs)."""
    import cv2

    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    comps = sorted((stats[i, 0], stats[i, 0] + stats[i, 2], i) for i in range(1, n) if stats[i, 4] >= MIN_AREA)
    groups: list[list] = []
    for left, right, i in comps:
        if groups:
            gl, gr, ids = groups[-1]
            overlap = min(gr, right) - max(gl, left)
            if overlap >= 0.8 * min(gr - gl, right - left):
                groups[-1] = [min(gl, left), max(gr, right), [*ids, i]]
                continue
        groups.append([left, right, [i]])
    return [(gl, np.isin(labels[:, gl:gr], ids)) for gl, gr, ids in groups]


def main_glyph(ink: np.ndarray) -> np.ndarray:
    """The glyph of a one-character crop: its biggest glyph group (neighbours' edges and
    specks dropped)."""
    pieces = split_glyphs(ink)
    return max(pieces, key=lambda p: p.sum()) if pieces else ink


NUMERIC_PUNCT = "./-,:"


SPECKS = "ะ'‘’“”\"`|@%"  # what tesseract makes of a speck glued to a number (never a consonant: ว๑๙๘ keeps its ว)


DIGIT_SIGNS = "«»"  # signs tesseract writes for a Thai digit it cannot output (๙ as «)


def is_numeric_unit(text: str) -> bool:
    """A unit made only of digits and number punctuation, with at least one Thai digit
    (a Latin digit or ``«`` among Thai ones is a Thai digit misread); a speck read as ``ะ``
    or a quote at one end of two digits or more is allowed (``ะ๑๕ มีนาคม``)."""
    if sum(c in THAI_DIGITS for c in text) >= 2 and len(text) >= 3:
        text = text[1:] if text[0] in SPECKS else text[:-1] if text[-1] in SPECKS else text
    return any(c in THAI_DIGITS for c in text) and all(
        c in THAI_DIGITS or c in NUMERIC_PUNCT or c in DIGIT_SIGNS or "0" <= c <= "9" for c in text)


def digit_heavy(text: str) -> bool:
    """A unit of several characters that is mostly Thai digits with a consonant or two among
    them (``๓ฒ๑๑๐`` for ``๗๑๓๐``): what the Thai re-read of a Latin word makes of a number
    (tesseract's own Thai units are one cluster each; ``๒ค`` for ``๒๙``). At most as many
    consonants as digits, nothing else but number punctuation; its glyphs decide."""
    digits = sum(c in THAI_DIGITS for c in text)
    letters = sum("\u0e01" <= c <= "\u0e2e" for c in text)
    rest = len(text) - digits - letters - sum(c in NUMERIC_PUNCT for c in text)
    return len(text) >= 2 and 0 < letters <= digits and rest == 0


_GUESS_SIGNS = "|$§©®@"  # signs the English model makes of a Thai digit (๑ as © or ®)
_LATIN_GUESS = re.compile(rf"[A-Za-z][A-Za-z0-9()'‘’{_GUESS_SIGNS}«»,.\-/]{{0,6}}"
                          rf"|\.?[()'‘’{_GUESS_SIGNS}«»][A-Za-z0-9()'‘’{_GUESS_SIGNS}«»,.\-/]{{0,6}}")
SURE = 0.9  # a Latin word is taken for digits only when every glyph is a digit this surely


def latin_guesses(text: str, words: list) -> list:
    """Short Latin "words" that may be Thai digits read by the English model (๒ → lo,
    ๓ → on, ๖๗ → del), or one of its signs for a digit with the stop before it in the unit
    (``ค.@)`` for ``ค.๔)``): checked glyph by glyph by :func:`reread_guess`."""
    return [w for w in words if w.offset >= 0 and _LATIN_GUESS.fullmatch(w.text)
            and any(c.isalpha() or c in _GUESS_SIGNS + DIGIT_SIGNS for c in w.text)]


_YEAR_TAIL = re.compile("[\u0e01-\u0e4e'‘’“”]{1,3}")  # what tesseract makes of a year's last two digits (๒๕ วลๆ)


def year_tails(text: str, words: list) -> list[tuple[int, int, object]]:
    """A Buddhist-era year cut in two, ``๒๕`` and its last two digits read as letters in a
    unit of their own after a space (``พฤษภาคม ๒๕ วลๆ`` for ``๒๕๖๗``): (start of the space, end
    of the unit, the unit), for :func:`reread_guess` to check glyph by glyph."""
    units = [w for w in words if w.offset >= 0]
    out = []
    for a, b in itertools.pairwise(units):
        start, end = a.offset + len(a.text), b.offset + len(b.text)
        if (a.line == b.line and a.text.endswith("๒๕") and text[start : b.offset].isspace()
                and _YEAR_TAIL.fullmatch(b.text)):
            out.append((start, end, b))
    return out


# a page number between dashes read as letters (``- ใต -``, ``-ใด-`` for ``- ๒ -``); the English
# model's ``- lo -`` is a Latin guess already
_PAGE_NUMBER = re.compile(r"^[ \t]*[-–—][ \t]*([\u0e01-\u0e4e]{1,3})[ \t]*[-–—][ \t]*$", re.MULTILINE)


def page_number_guesses(text: str, words: list) -> list[tuple[int, int, list]]:
    """(start, end, units) of each page number between dashes that tesseract read as Thai
    letters: the units over the letters (one unit may hold the dashes too)."""
    out = []
    for m in _PAGE_NUMBER.finditer(text):
        a, b = m.span(1)
        units = [w for w in words if w.offset >= 0 and w.offset < b and w.offset + len(w.text) > a]
        if units:
            out.append((units[0].offset, units[-1].offset + len(units[-1].text), units))
    return out


_MARKS = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")


def one_letter(text: str) -> bool:
    """One Thai consonant, with at most one mark over or under it (``ฒ่``: a ๗ whose
    tail tesseract read as a tone mark)."""
    return (1 <= len(text) <= 2 and "\u0e01" <= text[0] <= "\u0e2e"
            and (len(text) == 1 or text[1] in _MARKS))


DIGIT_LIKE_VOWELS = {"เ", "แ"}  # a ๖ or ๙ whose top tail tesseract gave a unit of its own (๒๕'เ๗ for ๒๕๖๗)


def letter_neighbours(text: str, words: list, run: list) -> list[list]:
    """The single-consonant units touching a numeric run (no space between), nearest
    first on each side: a ๗ read as ฆ or ฒ่, a ๘ as ส, a ๓ as ต, a ๖ as เ. Each comes as a list of
    units: the consonant, with the unit of a lone mark glued after it when tesseract gave
    the mark a unit of its own (``ค`` + ``่`` for a ๙ whose tail it read as a tone mark)."""
    index = {id(w): i for i, w in enumerate(words)}
    out: list[list] = []

    def glued(a, b) -> bool:
        return a.offset >= 0 and b.offset >= 0 and a.line == b.line and text[a.offset + len(a.text) : b.offset] == ""

    for step, edge in ((-1, run[0]), (1, run[-1])):
        i = index.get(id(edge), -1) + step
        cur = edge
        while 0 <= i < len(words) and len(out) < 6:
            group = [words[i]]
            far = i + step  # the unit past the group, on the side away from the run
            if step > 0 and far < len(words) and _lone_mark(words[far]) and glued(words[i], words[far]):
                group.append(words[far])
                far += step
            elif step < 0 and _lone_mark(words[i]) and i > 0 and glued(words[i - 1], words[i]):
                group.insert(0, words[i - 1])
                far -= 1
            a, b = (group[-1], cur) if step < 0 else (cur, group[0])
            joined = "".join(w.text for w in group)
            if not glued(a, b) or not (one_letter(joined) or joined in DIGIT_LIKE_VOWELS):
                break
            out.append(group)
            cur, i = (group[0] if step < 0 else group[-1]), far
    return out


def _lone_mark(w) -> bool:
    return 0 < len(w.text) <= 1 and w.text in _MARKS


SLIVER = 0.3  # a piece narrower than this × the digit height is a broken-off stroke, not a glyph
STROKE = 2.5  # a sliver is at least this many times as high as wide (a stop is about square)


def between_digits(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` has a Thai digit right before and right after it."""
    return 0 < start and end < len(text) and text[start - 1] in THAI_DIGITS and text[end] in THAI_DIGITS


LONE_WORDS = set("ณ")  # one-letter words of running text, never taken for a digit


TONE_MARKS = set("\u0e48\u0e49\u0e4a\u0e4b")  # ่ ้ ๊ ๋


def lone_letters(text: str, words: list) -> list:
    """Units that are one consonant standing alone between spaces (or line ends), with at
    most a tone mark over it: a digit misread as a letter (๗ ธันวาคม read as ฆ ธันวาคม;
    ๗'s tail read as a tone mark: วันที่ ญ่ พฤศจิกายน), since Thai seldom writes a lone
    consonant (``ก็`` keeps its ็; ``ณ`` is a word); or one unit of a consonant and า
    (``ชุดที่ ศา หมู่ที่`` for ``๓``): words such as ``มา`` or ``ตา`` are two glyphs, and a unit
    is re-read only when it is one glyph."""
    out = []
    for w in words:
        if (w.offset < 0 or not 1 <= len(w.text) <= 2 or not "\u0e01" <= w.text[0] <= "\u0e2e"
                or w.text in LONE_WORDS or (len(w.text) == 2 and w.text[1] not in TONE_MARKS | {"า"})):
            continue
        before = text[w.offset - 1] if w.offset > 0 else "\n"
        after = text[w.offset + len(w.text)] if w.offset + len(w.text) < len(text) else "\n"
        if before.isspace() and after.isspace():
            out.append(w)
    return out


_LIST_MARK = re.compile(r"^[ \t]*(\S{1,5})(?=[ \t]+\S|[ \t]*$)", re.MULTILINE)  # text after it, or alone
_THAI_WORD = re.compile("[\u0e01-\u0e4e]+")
_ABBREVIATION = re.compile("(?:[\u0e01-\u0e2e][\u0e30-\u0e4e]*\\.){2,}")  # ต.ค., พ.ศ.
_ALREADY_NUMBERED = re.compile(r"\(?[๐-๙0-9]+(?:\.[๐-๙0-9]+)*[.)]?")
_N = "[๑-๙][๐-๙]?"
ITEM_NUMBER = re.compile(rf"\({_N}\)|{_N}(?:\.{_N})*[.)]|{_N}(?:\.{_N})+")  # (๒)  ๓.  ๔)  ๓.๑


def list_markers(text: str, words: list) -> list[tuple[int, int, list]]:
    """Item numbers opening a line that tesseract read as something else (``๓.`` as
    ``ต.`` or ``ตา.``, ``๑.`` as ``6).``, ``(๓)`` as ``(cn)``, ``๓.๑`` as ``ตา.@``):
    (start, end, units) of the first token of a line, up to five characters with text
    after it, that is neither a Thai word, an abbreviation (ต.ค.) nor already a number,
    for :func:`read_item_number` to check glyph by glyph."""
    out = []
    for m in _LIST_MARK.finditer(text):
        token = m.group(1)
        if (_THAI_WORD.fullmatch(token) or _ABBREVIATION.fullmatch(token)
                or _ALREADY_NUMBERED.fullmatch(token)):
            continue
        start, end = m.span(1)
        units = [w for w in words if w.offset >= 0 and start <= w.offset < end]
        if units and units[0].offset == start and units[-1].offset + len(units[-1].text) == end:
            out.append((start, end, units))
    return out


DASH = 0.25  # × the digit height: a dash is at least this long (a speck of a stop, 2 × 5 px, is no dash)
PAREN = 0.5  # a piece narrower than this × its height at either end of an item number is a bracket


def read_item_number(glyphs: list[np.ndarray], model: DigitModel, height: float | None = None) -> str | None:
    """An item number (``๓.``, ``๓.๑``, ``(๒)``, ``๔)``) read from the glyphs of a line's
    first token: every piece a sure digit, a stop (a low piece) or a bracket (a narrow
    piece at either end), the whole an item number; else None."""
    if not glyphs:
        return None
    ref = _ref(glyphs, height)
    pieces = [p for g in glyphs for p in split_touching(g, ref, model)]
    slash = bool(pieces) and _slash(pieces[0], ref, model)  # "/๒. ให้…": the next page's first item
    pieces = above_foot(pieces[1:] if slash else pieces, ref, model)
    if not pieces or len(pieces) > 6:
        return None
    read = read_pieces(pieces, ref, height, model, SURE, ends="()")
    number = "".join(read) if read else ""
    return ("/" if slash else "") + number if ITEM_NUMBER.fullmatch(number) else None


FOOT_SLACK = 0.15  # × the digit height: how far below the digits' foot a stop's ink may reach


def above_foot(pieces: list[np.ndarray], ref: float, model: DigitModel) -> list[np.ndarray]:
    """The pieces of an item number without the next line's ink its band caught: pieces
    wholly below the foot of its sure digits go (a bracket's or a tone mark's top), and a
    piece standing on the foot and reaching far below it (the stop with the tone mark under
    it glued on) is cut at the foot. Unchanged when no piece is a sure digit."""
    rows = [np.flatnonzero(p.any(axis=1)) for p in pieces]
    feet = [int(r[-1]) for p, r in zip(pieces, rows, strict=True)
            if len(r) and _box(p)[0] >= 0.45 * ref and _sure_digit(p, ref, None, model, SURE)]
    if not feet:
        return pieces
    foot = max(feet)
    out = []
    for p, r in zip(pieces, rows, strict=True):
        if not len(r) or r[0] > foot:
            continue
        if r[-1] > foot + FOOT_SLACK * ref:
            p = main_glyph(np.where(np.arange(p.shape[0])[:, None] <= foot, p, False))
        out.append(p)
    return out


def read_pieces(pieces: list[np.ndarray], ref: float, height: float | None, model: DigitModel, sure: float,
                ends: str = "") -> list[str] | None:
    """Each piece a stop or dash (a low one), a bracket (a narrow one first or last, where
    ``ends`` opens with ``(`` or closes with ``)``) or a digit at least ``sure``; None as soon as
    one is none of these."""
    read = []
    for i, p in enumerate(pieces):
        h, w = _box(p)
        bracket = _end_bracket(ends, i, len(pieces))
        if h < 0.45 * ref:  # a low piece: a dash if long, else a stop (or a speck left of one)
            read.append("-" if w > 1.8 * h and w >= DASH * ref else ".")
        elif bracket and w < PAREN * h:
            read.append(bracket)
        else:
            got = _sure_digit(p, ref, height, model, sure)
            if got is None:
                return None
            read.append(got)
    return read


def _sure_digit(piece: np.ndarray, ref: float, height: float | None, model: DigitModel, sure: float) -> str | None:
    """The digit ``piece`` surely is, tried again without a next line's mark glued under it."""
    def sure_of(got) -> bool:
        return bool(got) and got[0] is not None and got[1] >= sure

    got = model.classify(piece, ref)
    if not sure_of(got):
        cut = cut_below_digit(piece, height or ref)
        got = model.classify(cut, ref) if cut is not None else None
    if not sure_of(got) and height:
        above = above_baseline(piece, height)
        got = model.classify(above, ref) if above is not None else None
    return got[0] if sure_of(got) else None


def above_baseline(piece: np.ndarray, height: float) -> np.ndarray | None:
    """``piece`` (a glyph in its line's band) without the parts that begin under the
    baseline: a mark of the next line standing apart under a digit (``@)`` for ``๑)``),
    taken into the digit's glyph because they overlap in x. None when there is none."""
    import cv2

    n, parts, stats, _ = cv2.connectedComponentsWithStats(piece.astype(np.uint8), connectivity=8)
    base = piece.shape[0] - BAND_FOOT * height
    under = [i for i in range(1, n) if stats[i, 1] > base]
    if not under or len(under) == n - 1:
        return None
    above = (parts > 0) & ~np.isin(parts, under)
    h, w = _box(above)
    # lower than the short digits (๐ ๑ ๓) or narrower than any: a speck or a stroke of handwriting
    return above if h >= SHORT_DIGIT * height and w >= SLASH * h else None


def reread_guess(text: str, glyphs: list[np.ndarray], model: DigitModel, height: float | None = None,
                 single: bool = False, sure: float = SURE, most: int = 0) -> str:
    """A Latin word's (or, ``single``, one letter's) glyphs read as digits, if every one
    is a digit with probability ``sure`` or number punctuation and there is a digit; else
    ``text`` unchanged. ``most``: at most that many glyphs (0: any number)."""
    if not glyphs:
        return text
    ref = _ref(glyphs, height)
    pieces = [p for g in glyphs for p in split_touching(g, ref, model)]
    if single:
        pieces = _without_edge_slivers(pieces, ref)
    if (single and len(pieces) != 1) or (most and len(pieces) > most):
        return text
    read = read_pieces(pieces, ref, height, model, sure, ends=text)
    return "".join(read) if read and any(c in THAI_DIGITS for c in read) else text


def _without_edge_slivers(pieces: list[np.ndarray], ref: float) -> list[np.ndarray]:
    """``pieces`` without a sliver first or last (narrower than SLIVER × ``ref`` and at
    least STROKE times as high as wide, unlike a stop): the edge of the neighbouring digit,
    broken off its glyph by the threshold, that the letter's box reaches over (``๓ญ่``
    for ``๓๗``: a stroke of the ๓ beside the ๗)."""
    def sliver(p: np.ndarray) -> bool:
        h, w = _box(p)
        return w < SLIVER * ref and h >= STROKE * w

    while len(pieces) > 1 and sliver(pieces[0]):
        pieces = pieces[1:]
    while len(pieces) > 1 and sliver(pieces[-1]):
        pieces = pieces[:-1]
    return pieces


def _end_bracket(text: str, i: int, n: int) -> str | None:
    """The bracket the ``i``-th of ``n`` pieces is when it is narrow: ``(`` first and ``)``
    last where ``text`` (tesseract's) has them (``lo)`` for ``๒)``, ``(cn)`` for ``(๓)``)."""
    if i == 0 and text.startswith("("):
        return "("
    return ")" if i == n - 1 and text.endswith(")") else None


def _box(piece: np.ndarray) -> tuple[int, int]:
    rows, cols = np.nonzero(piece.any(axis=1))[0], np.nonzero(piece.any(axis=0))[0]
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


def _digit_logp(pieces: list[np.ndarray], ref: float, model: DigitModel) -> np.ndarray:
    """log of the best digit probability of each piece (-inf for an empty one, or one
    that read_glyph would take for punctuation by its shape)."""
    feats = [glyph_features(p, ref) for p in pieces]
    ok = []
    for i, f in enumerate(feats):
        if f is not None:
            h, w = _box(pieces[i])
            if w >= SLASH * h and h >= 0.45 * ref:  # else read by its shape, never as a digit
                ok.append(i)
    out = np.full(len(pieces), -np.inf)
    if ok:
        prob = model.proba(np.stack([feats[i] for i in ok]))
        out[ok] = np.log(prob[:, : len(THAI_DIGITS)].max(axis=1) + 1e-9)
    return out


def split_touching(glyph: np.ndarray, ref: float, model: DigitModel) -> list[np.ndarray]:
    """A wide glyph group cut into the digits it holds: over cut columns every
    ``ref``/16 px, the cutting into k pieces (each 0.4–1.4 × ``ref`` wide) whose best digit
    probabilities have the highest mean log, found by dynamic programming for every k;
    the group stays whole when it reads better as one glyph."""
    w = _box(glyph)[1]
    if w <= WIDE * ref:
        return [glyph]
    cols = np.nonzero(glyph.any(axis=0))[0]
    x0, x1 = int(cols[0]), int(cols[-1]) + 1
    pos = [*range(x0, x1 - 1, max(1, round(ref / 16))), x1]
    spans = [(i, j) for i in range(len(pos)) for j in range(i + 1, len(pos))
             if 0.4 * ref <= pos[j] - pos[i] <= 1.4 * ref]
    if not spans:
        return [glyph]
    logp = _digit_logp([glyph[:, pos[i] : pos[j]] for i, j in spans], ref, model)
    kmax = min(8, int(w / (0.4 * ref)) + 1)
    best = np.full((kmax + 1, len(pos)), -np.inf)
    back = np.zeros((kmax + 1, len(pos)), int)
    best[0, 0] = 0.0
    for (i, j), lp in sorted(zip(spans, logp, strict=True), key=lambda t: t[0][1]):
        for k in range(1, kmax + 1):
            if best[k - 1, i] + lp > best[k, j]:
                best[k, j], back[k, j] = best[k - 1, i] + lp, i
    end = len(pos) - 1
    means = [best[k, end] / k if k >= 2 else -np.inf for k in range(kmax + 1)]
    k = int(np.argmax(means))
    whole = _digit_logp([glyph], ref, model)[0]
    if not np.isfinite(means[k]) or means[k] <= whole:
        return [glyph]
    cuts, j = [], end
    for kk in range(k, 0, -1):
        cuts.append(j)
        j = back[kk, j]
    cuts = [0, *reversed(cuts)]
    return [glyph[:, pos[a] : pos[b]] for a, b in itertools.pairwise(cuts)]


def read_glyph(piece: np.ndarray, height: float, model: DigitModel) -> str | None:
    """A glyph of a numeric run: punctuation by its shape, else a digit by the classifier
    (None when it is not a digit or not sure)."""
    h, w = _box(piece)
    if h < 0.45 * height:
        return "-" if w > 1.8 * h else "."
    if w < SLASH * h:
        return "/" if 0.8 * height <= h <= 1.6 * height else None
    got = model.classify(piece, height)
    return got[0] if got and got[0] and got[1] >= MIN_PROB else None


def slanted(piece: np.ndarray) -> bool:
    """The glyph leans right like ``/``: the ink of its top quarter lies right of that of its
    bottom quarter by more than a third of its width."""
    rows = np.nonzero(piece.any(axis=1))[0]
    cols = np.nonzero(piece.any(axis=0))[0]
    if len(rows) < 4 or not len(cols):
        return False
    q = max(1, len(rows) // 4)
    top = np.nonzero(piece[rows[0] : rows[0] + q].any(axis=0))[0].mean()
    bottom = np.nonzero(piece[rows[-1] - q + 1 : rows[-1] + 1].any(axis=0))[0].mean()
    return top - bottom > (cols[-1] - cols[0] + 1) / 3


def _slash(piece: np.ndarray, ref: float, model: DigitModel) -> bool:
    return piece.any() and read_glyph(piece, ref, model) == "/" and slanted(piece)


def split_slash(piece: np.ndarray, ref: float, model: DigitModel) -> list[str] | None:
    """A digit and the slash it touches (``๓/`` inked as one glyph), read as the two, or
    None: of the vertical cuts that leave a slanted slash on one side, the one whose other
    side reads as a digit most surely."""
    cols = np.nonzero(piece.any(axis=0))[0]
    if not len(cols):
        return None
    x0, x1 = int(cols[0]), int(cols[-1]) + 1
    best, best_p = None, MIN_PROB
    for c in range(x0 + (x1 - x0) // 3, x1 - max(2, (x1 - x0) // 8)):
        for digit_part, slash_part, slash_first in ((piece[:, :c], piece[:, c:], False),
                                                     (piece[:, c:], piece[:, :c], True)):
            if not _slash(slash_part, ref, model):
                continue
            got = model.classify(digit_part, ref)
            if got and got[0] and got[1] > best_p:
                best, best_p = (["/", got[0]] if slash_first else [got[0], "/"]), got[1]
    return best


PAD_X = 40  # px: how far outside tesseract's (imprecise) boxes glyphs are looked for
PAD_Y = 4


TRAILING_SPECKS = "@%"  # after a number: its last digit read twice (๑๙@ เมษายน), or a ๗ (๒๕๖%)


def numeric_runs(text: str, words: list) -> list[list]:
    """Runs of consecutive numeric or punctuation units on one line with nothing between
    them in the text, holding at least one Thai digit; a ``«`` unit may open one. Glued to a run, a unit of specks
    (``“``, ``@``) or digits with a speck at one end (``“๓``) is part of it: between digits
    (``๒๕๓“๓``), or ``@`` at its end (``๑๙@``)."""
    runs: list[list] = []
    for w in words:
        if w.offset < 0 or not w.text:
            continue
        last = runs[-1][-1] if runs else None
        glued = bool(last and last.line == w.line and text[last.offset + len(last.text) : w.offset] == "")
        member = is_numeric_unit(w.text) or set(w.text) <= set(NUMERIC_PUNCT) or digit_heavy(w.text)
        if glued and (member or set(w.text) <= set(SPECKS) or is_numeric_unit(w.text.strip(SPECKS))):
            runs[-1].append(w)
        elif member or set(w.text) <= set(DIGIT_SIGNS):  # «๐๑๒: the run starts at the sign
            runs.append([w])
    return [r for r in map(_trim, runs) if r]


def _trim(run: list) -> list:
    """The run up to its last unit with a Thai digit, or a trailing ``@`` right after it."""
    digit = [i for i, w in enumerate(run) if any(c in THAI_DIGITS for c in w.text)]
    if not digit:
        return []
    end = digit[-1] + 1
    return run[: end + 1] if end < len(run) and run[end].text in TRAILING_SPECKS else run[:end]


DIGIT_OVER_LETTER = 1.1  # a tall Thai digit's height over a plain consonant's (1.07–1.17 measured)
MIN_LETTERS = 10


def page_digit_height(words: list) -> float | None:
    """The height of a tall Thai digit on the page: the median box height of the units
    tesseract read as ๒ or ๕ (the tall digits it knows; most boxes are right even though
    some stretch into the next line), else 1.45 × that of ๐ ๑ ๓. Checked against the
    page's plain consonants (many, and their boxes seldom stretch): when the digits give
    none, or one far from 1.1 × the consonants' median height (a few stretched boxes on a
    page with little number), that is taken."""
    tall = sorted(w.box[3] for w in words if w.text in ("๒", "๕"))
    short = sorted(w.box[3] for w in words if w.text in ("๐", "๑", "๓"))
    letters = sorted(w.box[3] for w in words if len(w.text) == 1 and w.text in _PLAIN_LETTERS)
    found = (float(tall[len(tall) // 2]) if len(tall) >= 3
             else 1.45 * short[len(short) // 2] if len(short) >= 3 else None)
    if len(letters) < MIN_LETTERS:
        return found
    expected = DIGIT_OVER_LETTER * letters[len(letters) // 2]
    return found if found and 0.8 * expected <= found <= 1.4 * expected else float(expected)


_BASE_CONSONANTS = set("กขคฆงจฉชซฌณดตถทธนบปผพฟภมยรลวศษสหฬอฮ")  # no descender (ฎ ฏ ฐ ญ ฤ have one)


def line_baselines(words: list, height: float | None) -> dict[tuple[int, int, int], float]:
    """The baseline of each text line: the median bottom of its units that are one plain
    consonant (with upper marks at most) of a plausible size; tesseract's boxes of such
    units are the most reliable on a Thai line."""
    if not height:
        return {}
    bottoms: dict[tuple[int, int, int], list[int]] = {}
    for w in words:
        if (w.text and w.text[0] in _BASE_CONSONANTS and not any(c in "ฺุู" for c in w.text)
                and 0.5 * height <= w.box[3] <= 1.1 * height):
            bottoms.setdefault(w.line, []).append(w.box[1] + w.box[3])
    return {line: float(sorted(b)[len(b) // 2]) for line, b in bottoms.items() if len(b) >= 2}


SHORT_DIGIT = 0.6  # × the digit height: ๐ ๑ ๓ stand about 0.7 of the tall digits' height
BAND_FOOT = 0.2  # × the digit height: how far under the baseline a run's band reaches


def _line_band(run: list, height: float | None = None, base: float | None = None) -> tuple[int, int] | None:
    """Top and bottom of the run's digits. With the page's digit height: from the
    baseline of the units whose boxes have a digit's height (boxes stretched into the
    next line ignored), else from the line's baseline ``base``; None when neither is
    known; without a height, from the boxes themselves."""
    if height:
        ok = [w for w in run if 0.4 * height <= w.box[3] <= 1.3 * height]
        if ok:
            bases = sorted(w.box[1] + w.box[3] for w in ok)
            base = bases[(len(bases) - 1) // 2]  # the lower median: a box stretches down when ink below is glued on
        if base is None:
            return None
        return max(0, round(base - 1.2 * height)), round(base + BAND_FOOT * height)
    heights = sorted(w.box[3] for w in run)
    med = heights[len(heights) // 2]
    core = [w for w in run if w.box[3] <= 1.6 * med] or run
    return max(0, min(w.box[1] for w in core) - PAD_Y), max(w.box[1] + w.box[3] for w in core) + PAD_Y


def ink_baseline(ink: np.ndarray, run: list, height: float) -> float | None:
    """Where the run's digits stand when its boxes do not say (each stretched over two
    lines): the bottom of the digit-high band of rows, inside the boxes' height, that
    holds the most ink under the boxes."""
    top = max(0, min(w.box[1] for w in run))
    bottom = max(w.box[1] + w.box[3] for w in run)
    left, right = min(w.box[0] for w in run), max(w.box[0] + w.box[2] for w in run)
    rows = ink[top:bottom, max(0, left) : right].sum(axis=1)
    size = round(height)
    if len(rows) < size or not rows.any():
        return None
    windows = np.convolve(rows, np.ones(size), mode="valid")
    return float(top + int(windows.argmax()) + size)


def run_glyphs(ink: np.ndarray, run: list, spaced: tuple[bool, bool] = (False, False),
               height: float | None = None, strict: bool = False, base: float | None = None,
               beside: tuple[float, float] | None = None) -> list[np.ndarray]:
    """The glyph groups under a run: whole components overlapping its boxes (tesseract's
    boxes are imprecise and cut glyphs), merged and split left to right. Where the text
    has a space before/after the run, its box is widened by half a glyph on that side.
    ``beside``: the x range between the neighbouring units' boxes; a component wholly
    inside it that touches or follows the run is the run's too (a digit tesseract left
    out of every box: ``๖๗`` read as ``๖``). Components in the top half of the band
    reaching its top edge (the marks and tails of the line above) are left out."""
    import cv2

    band = _line_band(run, height, base)
    if band is None and height:  # every box stretched over two lines and no baseline known
        band = _line_band(run, height, ink_baseline(ink, run, height))
    if band is None:
        return []
    top, bottom = band
    # half a glyph: from the one-glyph units (a unit tesseract read as a Latin word is wide)
    # (a run of one unit of several characters, from a Latin word's re-read: from the height)
    widths = sorted(w.box[2] for w in run if len(w.text) == 1)
    half = widths[len(widths) // 2] // 2 if widths else round(0.45 * (height or max(w.box[3] for w in run)))
    left = min(w.box[0] for w in run) - (half if spaced[0] else 0)
    right = max(w.box[0] + w.box[2] for w in run) + (half if spaced[1] else 0)
    # the crop reaches past the boxes (and ``beside``) so that a glyph crossing an edge is
    # taken whole, not cut down to fit (strict or not: strict only asks for more overlap)
    x0 = max(0, min(left - PAD_X, int(beside[0]) - PAD_X if beside else left))
    x1 = max(right + PAD_X, int(beside[1]) + PAD_X if beside else 0)
    crop = ink[top:bottom, x0:x1].astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(crop, connectivity=8)
    inside = []
    for i in range(1, n):
        a, w = stats[i, 0] + x0, stats[i, 2]
        over = min(right, a + w) - max(left, a) >= (0.6 if strict else 0.4) * w
        alone = beside is not None and beside[0] <= a and a + w <= beside[1]
        if stats[i, 4] < MIN_AREA or not (over or alone):
            continue
        if height and stats[i, 1] == 0 and stats[i, 1] + stats[i, 3] < 0.5 * (bottom - top):
            continue
        inside.append(i)
    if not inside:
        return []
    lo = min(stats[i, 0] for i in inside)
    hi = max(stats[i, 0] + stats[i, 2] for i in inside)
    return split_glyphs(np.isin(labels[:, lo:hi], inside))


GLUED_BELOW = 1.1  # a glyph taller than this × the digit height reaching the band's foot may hold a mark of the next line


def cut_below_digit(glyph: np.ndarray, height: float) -> np.ndarray | None:
    """A glyph without the ink of the next line glued under it (an upper vowel or tone
    mark of the line below touching the foot of ๒): only a digit's height from its top,
    the biggest piece of that. None when the glyph does not reach the foot of the band or
    is not taller than a digit. Thai digits have no descender, so nothing of a digit is
    lost; but a slash does reach below, so this is tried only on a glyph that cannot be
    read whole."""
    import cv2

    rows = np.flatnonzero(glyph.any(axis=1))
    if (not len(rows) or rows[-1] < glyph.shape[0] - 1 - FOOT_SLACK * height
            or rows[-1] - rows[0] + 1 <= GLUED_BELOW * height):
        return None
    top = glyph.copy()
    top[rows[0] + round(1.02 * height):] = False
    n, parts, stats, _ = cv2.connectedComponentsWithStats(top.astype(np.uint8), connectivity=8)
    return parts == 1 + int(stats[1:, 4].argmax()) if n > 1 else None


def run_height(glyphs: list[np.ndarray]) -> float:
    """The run's digit height: its tallest glyph group that is not a slash (tall digits
    ๒ ๔ ๕ ๖ ๗ ๘ ๙ are all about this high, ๐ ๑ ๓ lower)."""
    boxes = [_box(g) for g in glyphs]
    return float(max([h for h, w in boxes if w >= SLASH * h] or [h for h, _ in boxes]))


def _ref(glyphs: list[np.ndarray], height: float | None) -> float:
    """The run's digit height, kept near the page's (a run of ๐ ๑ ๓ only is lower)."""
    ref = run_height(glyphs)
    return float(np.clip(ref, 0.75 * height, 1.3 * height)) if height else ref


def read_run(glyphs: list[np.ndarray], model: DigitModel, height: float | None = None) -> list[str | None]:
    """What each glyph of a run reads, touching digits cut apart first, a digit and the
    slash it touches read as the two."""
    if not glyphs:
        return []
    ref = _ref(glyphs, height)
    out: list[str | None] = []
    for g in glyphs:
        read = read_group(g, ref, model)
        cut = cut_below_digit(g, height or ref) if None in read else None
        out.extend(read_group(cut, ref, model) if cut is not None else read)
    return out


def read_group(glyph: np.ndarray, ref: float, model: DigitModel) -> list[str | None]:
    """What one glyph group reads: touching digits cut apart first, a digit and the
    slash it touches read as the two."""
    out: list[str | None] = []
    for p in split_touching(glyph, ref, model):
        pair = split_slash(p, ref, model) if _box(p)[1] > PAIR * ref else None
        out.extend(pair or [read_glyph(p, ref, model)])  # a digit inked into its slash: ๕/ read as ๙
    return out


def reread_run(text: str, glyphs: list[np.ndarray], model: DigitModel, height: float | None = None) -> str:
    """A numeric run rebuilt from its glyphs (tesseract may give a digit two characters).
    Pieces at either end that are not digits (a neighbour caught by the widened box) are
    dropped; an unreadable piece inside keeps tesseract's text for the run, or, when there
    is one piece for each of its characters, tesseract's character at that place."""
    read = read_run(glyphs, model, height)
    while read and read[0] in (None, "-", "."):
        read.pop(0)
    while read and read[-1] is None:
        read.pop()
    if read and read[-1] == "/" and "/" not in text:
        read.pop()  # the edge of the next word caught, not a slash tesseract saw
    digits = sum(1 for c in read if c and c in THAI_DIGITS)
    if digits and None in read and len(read) == len(text) and read.count(None) < digits:
        # one glyph per character of tesseract's text: its character where a glyph is unreadable
        read = [r if r is not None else t for r, t in zip(read, text)]
    plausible = digits and None not in read and len(read) <= len(text) + 2 and read.count("/") <= min(2, digits)
    return "".join(read) if plausible else text  # else boxes over a table or a drawing, not a number


BOX_SLACK = 0.2


def uncovered(words: list, run: list, height: float | None, index: dict[int, int]) -> tuple[float, float] | None:
    """The x range around ``run`` that no other unit of its line covers: from the right
    edge of the unit before it to the left edge of the unit after it (give or take a fifth
    of a digit height), at most
    1.5 digit heights out on each side (None without a digit height). ``index``: each
    unit's position in ``words`` by ``id``."""
    if not height:
        return None
    first, last = index[id(run[0])], index[id(run[-1])]
    left = min(w.box[0] for w in run) - 1.5 * height
    right = max(w.box[0] + w.box[2] for w in run) + 1.5 * height
    before = next((w for w in reversed(words[:first]) if w.offset >= 0), None)
    after = next((w for w in words[last + 1 :] if w.offset >= 0), None)
    slack = BOX_SLACK * height  # a neighbour's box (a tone mark's) may reach over the gap's edge
    if before is not None and before.line == run[0].line:
        left = max(left, before.box[0] + before.box[2] - slack)
    if after is not None and after.line == run[-1].line:
        right = min(right, after.box[0] + slack)
    return left, right


def trim_repeated(text: str, start: int, end: int, read: str) -> str:
    """``read`` (the re-read of ``text[start:end]``) without a stop, comma or dash at
    either end that the text already has just outside the run (the widened box caught
    the ``.`` of ``๓.``, which would come out ``๓..``)."""
    if len(read) > 1 and read[-1] in NUMERIC_PUNCT and text[end : end + 1] == read[-1]:
        read = read[:-1]
    if len(read) > 1 and read[0] in NUMERIC_PUNCT and start > 0 and text[start - 1] == read[0]:
        read = read[1:]
    return read


def page_geometry(page, binary: np.ndarray) -> tuple[np.ndarray, float | None, dict]:
    """(ink mask, digit height, line baselines) of a page for re-reading its glyphs."""
    height = page_digit_height(page.words)
    return binary < 128, height, line_baselines(page.words, height)


def reread_digits(page, binary: np.ndarray, model: DigitModel | None = None):
    """``page`` with every run of Thai digits re-read from ``binary`` (the image tesseract
    read). Word offsets are moved to the new text; a run's units share its new text."""
    from .engine import replace_spans

    model = model or default_model()
    if model is None:
        return page
    ink, height, bases = page_geometry(page, binary)
    new_text: dict[int, tuple[int, str]] = {}  # offset of a run's first unit → (end, text)
    index = {id(w): i for i, w in enumerate(page.words)}
    for run in numeric_runs(page.text, page.words):
        start, end = run[0].offset, run[-1].offset + len(run[-1].text)
        spaced = (start == 0 or page.text[start - 1].isspace(), end >= len(page.text) or page.text[end].isspace())
        glyphs = run_glyphs(ink, run, spaced, height, base=bases.get(run[0].line),
                            beside=uncovered(page.words, run, height, index))
        new_text[start] = (end, trim_repeated(page.text, start, end,
                                              reread_run(page.text[start:end], glyphs, model, height)))
    for run in numeric_runs(page.text, page.words):
        for units in letter_neighbours(page.text, page.words, run):
            start, end = units[0].offset, units[-1].offset + len(units[-1].text)
            read = page.text[start:end]
            glyphs = run_glyphs(ink, units, height=height, strict=True, base=bases.get(units[0].line))
            if between_digits(page.text, start, end) and not any(_box(g)[1] >= SLIVER * (height or 0) for g in glyphs):
                new_text[start] = (end, "")  # no glyph of its own, slivers at most: read from its neighbours' ink
                break
            got = reread_guess(read, glyphs, model, height, single=True, sure=MIN_PROB)
            if got == read:  # a letter's box over two digits (๒๕ว for ๒๕๖๗): each must be sure
                got = reread_guess(read, glyphs, model, height, most=3)
            if got == read:
                break
            new_text[start] = (end, got)
            for w in units[1:]:
                new_text.pop(w.offset, None)
    for w in latin_guesses(page.text, page.words):
        start, end = w.offset, w.offset + len(w.text)
        if start not in new_text:
            if height and w.box[3] > 2.2 * height:
                continue  # big type (ด่วนที่สุด, a title): not a number
            glyphs = run_glyphs(ink, [w], height=height, base=bases.get(w.line))
            new_text[start] = (end, reread_guess(w.text, glyphs, model, height))
    for start, end, w in year_tails(page.text, page.words):
        if w.offset not in new_text:
            glyphs = run_glyphs(ink, [w], height=height, base=bases.get(w.line))
            got = reread_guess(w.text, glyphs, model, height, most=3)
            if got != w.text and len(got) == 2 and all(c in THAI_DIGITS for c in got):
                new_text[start] = (end, got)
    for start, end, units in page_number_guesses(page.text, page.words):
        if start not in new_text:
            glyphs = run_glyphs(ink, units, height=height, base=bases.get(units[0].line))
            new_text[start] = (end, reread_guess(page.text[start:end], glyphs, model, height))
    for w in lone_letters(page.text, page.words):
        if w.offset not in new_text:
            glyphs = run_glyphs(ink, [w], height=height, strict=True, base=bases.get(w.line))
            got = reread_guess(w.text, glyphs, model, height, single=True)
            if got == w.text:  # its box over part of the glyph only: the glyph between its neighbours
                glyphs = run_glyphs(ink, [w], (True, True), height, base=bases.get(w.line),
                                    beside=uncovered(page.words, [w], height, index))
                got = reread_guess(w.text, glyphs, model, height, single=True)
            new_text[w.offset] = (w.offset + len(w.text), got)
    for start, end, units in list_markers(page.text, page.words):
        if start not in new_text or new_text[start][1] == page.text[start : new_text[start][0]]:  # none or unchanged
            glyphs = run_glyphs(ink, units, height=height, strict=True, base=bases.get(units[0].line))
            got = read_item_number(glyphs, model, height)
            if got:
                for w in units[1:]:  # the token's other units are in its new text
                    new_text.pop(w.offset, None)
                new_text[start] = (end, got)
    if height:
        new_text.update(_joined_gaps(page.text, page.words, new_text, height))
        found = gap_digits(page.text, page.words, ink, height, bases, model)
        found.update(head_items(page.text, page.words, ink, height, bases, model))
        new_text.update({k: v for k, v in found.items() if k not in new_text})
    return replace_spans(page, new_text)


GAP_MIN = 0.6  # a space between units narrower than this × the digit height holds no glyph
GAP_SURE = 0.95  # each glyph found in a gap must be a digit this surely


def gap_digits(text: str, words: list, ink: np.ndarray, height: float, bases: dict, model: DigitModel) -> dict:
    """Digits tesseract gave no unit at all (``ภายใน ๗ วัน`` read ``ภายใน วัน``): glyphs of
    a digit's size wholly inside the space between two units of a line, every one a digit
    at least ``GAP_SURE`` surely. Returned as replacements of that space by the digits with a
    space either side."""
    out = {}
    for a, b in itertools.pairwise(w for w in words if w.offset >= 0):
        start, end = a.offset + len(a.text), b.offset
        x0, x1 = a.box[0] + a.box[2], b.box[0]
        if (a.line != b.line or end <= start or not text[start:end].isspace() or x1 - x0 < GAP_MIN * height
                or text[start - 1] in THAI_DIGITS or text[end] in THAI_DIGITS):
            continue  # beside a number its run's re-read takes the glyphs no box covers
        band = _line_band([a, b], height, bases.get(a.line))
        if band is None:
            continue
        crop = ink[band[0] : band[1], max(0, x0) : x1]
        if not crop.any():
            continue
        read = _gap_glyphs(crop, height, model)
        if read:
            out[start] = (end, f" {read} ")
    return out


HEAD_REACH = 3.0  # × the digit height: how far left of a line's first unit a left-out item number is looked for


def head_items(text: str, words: list, ink: np.ndarray, height: float, bases: dict, model: DigitModel) -> dict:
    """Item numbers tesseract gave no unit at all, opening a line (``๑. ให้อำเภอ…`` read
    ``ให้อำเภอ…``): the glyphs wholly inside the space left of the line's first unit, read as
    an item number by :func:`read_item_number` (sure digits, a stop or bracket, the shape of
    ``๓.``, ``๓.๑``, ``(๒)``). Returned as the line break before that unit replaced by the
    break and the number."""
    out = {}
    units = [w for w in words if w.offset > 0]
    for prev, w in zip([None, *units], units, strict=False):
        if (prev is not None and prev.line == w.line) or text[w.offset - 1] != "\n" or w.text[:1] in THAI_DIGITS:
            continue
        band = _line_band([w], height, bases.get(w.line))
        x1, x0 = w.box[0] - 1, max(0, round(w.box[0] - 1 - HEAD_REACH * height))
        if band is None or x1 - x0 < height:
            continue
        crop = ink[band[0] : band[1], x0:x1]
        inner = _inner_ink(crop) if crop.any() else None
        got = read_item_number(split_glyphs(inner), model, height) if inner is not None else None
        if got:
            out[w.offset - 1] = (w.offset, f"\n{got} ")
    return out


def _inner_ink(crop: np.ndarray) -> np.ndarray | None:
    """The components of ``crop`` that touch neither of its sides (those that do belong to
    a neighbour), specks left out; None when there is none."""
    import cv2

    n, labels, stats, _ = cv2.connectedComponentsWithStats(crop.astype(np.uint8), connectivity=8)
    keep = [i for i in range(1, n) if stats[i, 4] >= MIN_AREA and stats[i, 0] > 0
            and stats[i, 0] + stats[i, 2] < crop.shape[1]]
    return np.isin(labels, keep) if keep else None


def _gap_glyphs(crop: np.ndarray, height: float, model: DigitModel) -> str | None:
    """The digits of a gap's crop, or None: components touching its sides are a neighbour's
    (a glyph crossing into a neighbour's box is left to tesseract);
    glyphs lower than 0.55 × a digit (marks, specks) are left out, and there are one to four."""
    inner = _inner_ink(crop)
    if inner is None:
        return None
    glyphs = [g for g in split_glyphs(inner) if _box(g)[0] >= 0.55 * height]
    if not 1 <= len(glyphs) <= 4 or any(_box(g)[0] > 1.25 * height for g in glyphs):
        return None
    read = [model.classify(g, height) for g in glyphs]
    if any(not r or r[0] is None or r[1] < GAP_SURE for r in read):
        return None
    return "".join(r[0] for r in read)


def _joined_gaps(text: str, words: list, new_text: dict[int, tuple[int, str]], height: float) -> dict:
    """Spaces tesseract put inside a number (``๐๐๒๓. ๑๗/ว``): between a unit ending in
    ``.`` or ``/`` and one starting with a digit (or the reverse), on one line, less than
    half a digit's height apart on the page. Returned as replacements by nothing."""
    ends = {end: t for end, t in new_text.values() if t}

    def last(w):
        end = w.offset + len(w.text)
        return ends.get(end, w.text)[-1:]

    def first(w):
        return new_text[w.offset][1][:1] if w.offset in new_text else w.text[:1]

    out = {}
    for a, b in itertools.pairwise(w for w in words if w.offset >= 0):
        gap_start, gap_end = a.offset + len(a.text), b.offset
        if a.line != b.line or gap_end <= gap_start or not text[gap_start:gap_end].isspace():
            continue
        left, right = last(a), first(b)
        number_gap = (left in "./" and right in THAI_DIGITS) or (left in THAI_DIGITS and right in "./")
        if left and right and number_gap and b.box[0] - (a.box[0] + a.box[2]) < 0.5 * height:
            out[gap_start] = (gap_end, "")
    return out
