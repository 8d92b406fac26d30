"""Text normalisation as small named rules chained in one function.

``normalize_text`` is what every source's text goes through before segmentation; it
keeps Thai digits (the raw letter text), while ``to_arabic_digits`` is applied to the
fields the contract normalises (reference numbers, dates, counts, phones). Every rule
takes and returns a string and is tested alone in ``tests/test_normalize.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from . import data
from .agencies import readable_codes

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)

NIKHAHIT = "\u0e4d"  # ํ
SARA_AA = "\u0e32"  # า
SARA_AM = "\u0e33"  # ำ
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
UPPER_LOWER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47"  # ั ิ ี ึ ื ุ ู ็
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def to_arabic_digits(text: str) -> str:
    """๐๘๑๒ → 0812 (for normalised fields; the letter text keeps its digits)."""
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    """0812 → ๐๘๑๒ (for display to people)."""
    return text.translate(_TO_THAI)


def unify_newlines(text: str) -> str:
    """CRLF and CR line ends become LF; form feeds (page breaks) are kept."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strip_zero_width(text: str) -> str:
    """Remove zero-width spaces/joiners, BOMs and soft hyphens that PDFs and Word insert."""
    return _ZERO_WIDTH.sub("", text)


def compose_sara_am(text: str) -> str:
    """ํ + า (nikhahit then sara aa, as OCR and some fonts emit) → ำ; a tone mark may sit between."""
    text = re.sub(f"{NIKHAHIT}([{TONE_MARKS}]?){SARA_AA}", lambda m: m.group(1) + SARA_AM, text)
    # the tone mark belongs before sara am: น ํ ้ า was turned into น ้ ำ above
    return text


def fix_double_sara_e(text: str) -> str:
    """เ + เ (two sara e typed for sara ae) → แ."""
    return text.replace("เเ", "แ")


def reorder_marks(text: str) -> str:
    """Thai mark order is consonant, upper/lower vowel, tone mark: a tone typed or read
    before the vowel is moved after it (ก่ี → กี่), and a doubled mark is kept once."""
    text = re.sub(f"([{TONE_MARKS}])([{UPPER_LOWER_VOWELS}])", r"\2\1", text)
    return re.sub(f"([{TONE_MARKS}{UPPER_LOWER_VOWELS}])\\1+", r"\1", text)


_TABLE_RULE = re.compile(r"(?m)^[ \t]*(?:-[ \t]*)?\|[-|: \t]*$")
_TABLE_ROW = re.compile(r"(?m)^[ \t]*\|(.*?)\|?[ \t]*$")


def strip_table_markup(text: str) -> str:
    """Markdown-style table rows some OCR tools emit (``| สิ่งที่ส่งมาด้วย | ๑. … | จำนวน ๑ ชุด |``)
    become tab-separated cells; rule rows (``|----|---|``) become empty lines."""
    text = _TABLE_RULE.sub("", text)
    return _TABLE_ROW.sub(lambda m: "\t".join(c.strip() for c in m.group(1).split("|")).strip("\t"), text)


_STRAY_RULE = re.compile(r"(?m)[ \t]{2,}[|!;]+[ \t]*$|^[ \t]*[|!;]+[ \t]{2,}")


def strip_stray_rules(text: str) -> str:
    """A table rule or speck OCR read as ``|``, ``!`` or ``;`` alone at a line's end or
    start, across a column gap (``เลขรับ ๑๐๔๗                |``), is dropped: it hides the
    line's shape (a stamp's number line) from the parser."""
    return _STRAY_RULE.sub("", text)


def collapse_spaces(text: str) -> str:
    """No-break and other Unicode spaces become spaces; a wide gap inside a line (three or
    more spaces: a column of a PDF layout, ``ที่ มท …      กรม…``) becomes a tab, other runs
    one space; lines lose leading and trailing spaces. Tabs and newlines are kept."""
    text = re.sub("[\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", text)
    text = re.sub("(?m)^ +| +$", "", text)
    text = re.sub(" {3,}", "\t", text)
    return re.sub(" {2,}", " ", text)


@cache
def _confusion_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for c in sorted(data.ocr_confusions(), key=lambda c: -len(c.wrong)):
        # never inside a longer syllable: the wrong form must not be followed by a Thai mark
        word = re.escape(c.wrong) + "(?![\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])"
        if c.scope == "line":
            # at a line start, as a whole word (followed by a space, a digit, a label end or EOL)
            pat = re.compile(rf"(?m)^([ \t]*){word}(?=[ \t]|$|[0-9๐-๙])")
            out.append((pat, r"\g<1>" + c.right.replace("\\", "\\\\")))
        else:
            out.append((re.compile(word), c.right.replace("\\", "\\\\")))
    return tuple(out)


def fix_header_words(text: str) -> str:
    """Known OCR confusions of the fixed header words (data/ocr_confusions.tsv):
    ความที่สด → ด่วนที่สุด, เรือง → เรื่อง (only opening a line), สิงทีส่งมาด้วย → สิ่งที่ส่งมาด้วย."""
    for pattern, right in _confusion_patterns():
        text = pattern.sub(right, text)
    return text


LABEL_SKELETON_MIN = 3  # letters a label keeps without its marks before a bare form is taken for it


def _is_mark(ch: str) -> bool:
    return re.fullmatch(_MARK, ch) is not None  # _MARK: the marks above and below the line


@cache
def _bare_labels() -> tuple[re.Pattern[str], dict[str, str]]:
    """A line-start pattern for the header labels written without some of their marks, and
    bare form → label (only for labels that need marks and keep enough letters without them)."""
    groups = ("reference", "date", "subject", "recipient", "cites", "copies", "enclosures", "unit", "sender")
    labels = {w for g in groups for w in data.keywords()["labels"][g] if " " not in w}
    bare: dict[str, str] = {}
    # a label with more marks first: a bare form reached from a label and from a variant
    # of it with a mark missing (สิ่งทีส่งมาด้วย is listed too) takes the full label
    for label in sorted(labels, key=lambda w: (-sum(map(_is_mark, w)), w)):
        marks = [i for i, c in enumerate(label) if _is_mark(c)]
        if not marks or len(label) - len(marks) < LABEL_SKELETON_MIN:
            continue
        for keep in range(1 << len(marks)):  # every subset of the marks dropped, but not none
            if keep == (1 << len(marks)) - 1:
                continue
            dropped = {m for k, m in enumerate(marks) if not keep >> k & 1}
            form = "".join(c for i, c in enumerate(label) if i not in dropped)
            if form not in labels:
                bare.setdefault(form, label)
    alts = "|".join(map(re.escape, sorted(bare, key=len, reverse=True)))
    return re.compile(rf"(?m)^([ \t]*)({alts})(?=[ \t]|$)"), bare


def fix_label_marks(text: str) -> str:
    """A header label opening a line with its upper or lower marks lost (OCR: ``เรยน`` for
    เรียน, ``สิงทีส่งมาดวย`` for สิ่งที่ส่งมาด้วย) becomes the label; only as a whole word,
    and only labels of three letters or more without their marks (a bare ``ท`` stays)."""
    pattern, bare = _bare_labels()
    return pattern.sub(lambda m: m.group(1) + bare[m.group(2)], text)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions of one character)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


_DATE_SLOT = re.compile(r"(?<=[๐-๙0-9][ \t])([\u0e00-\u0e7f]{5,12})(?=[ \t]+(?:พ\.ศ\.[ \t]*)?[๐-๙0-9]{2,4}(?![๐-๙0-9]))")


def fix_month_names(text: str) -> str:
    """A damaged full month name between a day and a year (OCR: ๗ จั้นวาคม ๒๕๖๖) becomes
    the one month name within two edits of it (at most a third of its length), as written or
    with marks dropped (``มอฤนายน`` for มิถุนายน); a word as near to two months, or to none,
    is left alone."""
    fulls = [full for _n, full, _a in data.months()]

    def fix(m: re.Match) -> str:
        word = m.group(1)
        if word in fulls:
            return word
        for key in (lambda w: w, _skeleton):  # as written, then letters only (marks lost or misread)
            dists = sorted((edit_distance(key(word), key(full)), full) for full in fulls)
            (d, best), (d2, _) = dists[0], dists[1]
            if d <= min(2, len(best) // 3) and d2 > d:
                return best
        return word

    return _DATE_SLOT.sub(fix, text)


@cache
def _label_leader() -> re.Pattern[str]:
    labels = {w for group in data.keywords()["labels"].values() for w in group}
    alts = "|".join(map(re.escape, sorted(labels, key=len, reverse=True)))
    return re.compile(rf"(?m)^([ \t]*(?:{alts}))[ \t]*[.…_]+[ \t]*(?=[^\s.…_])")


def strip_label_leaders(text: str) -> str:
    """What is left of a form's dotted leader between a header label and its value
    (``ส่วนราชการ...กธก.ศซบ.ทหาร``, ``เรื่อง .ขอความเห็นชอบ``) becomes one space."""
    return _label_leader().sub(r"\1 ", text)


_ABBR_SLOT = re.compile(r"(?<=[๐-๙0-9][ \t])([\u0e01-\u0e4e][\u0e01-\u0e4e.,:;'`’ ]{1,6}?)"
                        r"(?=[ \t]+(?:พ\.ศ\.[ \t]*)?[๐-๙0-9]{2,4}(?![๐-๙0-9]))")


def fix_month_abbreviations(text: str) -> str:
    """A month abbreviation between a day and a year whose dots OCR read as other marks
    (``๙ พ,ค. ๖๗``, ``๓ มี:ค ๖๘``, ``๑ ก.ย, ๖๘``, ``๖ กุย. ๖๗``) becomes the abbreviation, when its letters
    are exactly those of one."""
    abbrs = {re.sub(r"\.", "", a): a for _n, _f, a in data.months()}

    def fix(m: re.Match) -> str:
        word = m.group(1)
        return abbrs.get(re.sub(r"[.,:;'`’ \u0e38\u0e39]", "", word), word)  # a dot read as ุ/ู: กุย.

    return _ABBR_SLOT.sub(fix, text)


@cache
def _reference_labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    codes = "|".join(sorted((re.escape(c) for c in readable_codes() if len(c) == 2), key=len, reverse=True))
    number = rf"(?:{codes})[ \t.]*[๐-๙0-9]"
    damaged = r"(?:[A-Za-z|!\]\[]{1,3}|ท[\u0e34-\u0e37]?|ท[ก-ฮ][\u0e48-\u0e4c])"  # ทฑ์: ี่ read as ฑ์ (the mark is there)
    # an order's own number (ที่ ๓๘/๒๕๖๘) after ท or ที alone at a line start
    order_number = r"[ \t]+[๐-๙0-9]{1,5}[ \t]*/[ \t]*[๐-๙0-9]{2,4}(?![๐-๙0-9/])"
    return (re.compile(rf"(?m)^[ \t]*(?:{damaged}(?=[ \t]+{number})|ท\u0e35?(?={order_number}))"),
            re.compile(rf"(?<![\u0e00-\u0e7f])ท[\u0e34\u0e35]?\u0e48?(?=(?:{codes})[ \t]?[๐-๙0-9])"))


_MARK = "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"
_MARKED_CODE = re.compile(rf"(?m)((?:^|(?<=[ \t]))ท(?:ี่?)?[ \t]+)([ก-ฮ]{_MARK}?[ก-ฮ]{_MARK}?)(?=[ \t]*[๐-๙0-9])")


def strip_code_marks(text: str) -> str:
    """A stray vowel or tone mark OCR put on an agency code after ``ที่`` (``ที่ ขูก ๐๐๓๓``,
    the dotted leader's speck under ข) is dropped when the bare letters are a code and the
    marked ones not a word (``ที่ สุข ๓ คน`` stays)."""

    from .ocr.correct import words

    def fix(m: re.Match) -> str:
        token = m.group(2)
        bare = re.sub(_MARK, "", token)
        return m.group(1) + (bare if bare != token and bare in readable_codes() and token not in words() else token)

    return _MARKED_CODE.sub(fix, text)


_LEADING_SPECK = re.compile(r"(?m)^[ \t]*[,.'`’]{1,2}[ \t]*(?=[\u0e01-\u0e2e])")


def strip_leading_specks(text: str) -> str:
    """A comma or stop alone at a line start before Thai (a speck OCR read: ``, กุมภาพันธ์
    ๒๕๖๘``) is dropped."""
    return _LEADING_SPECK.sub("", text)


def _skeleton(text: str) -> str:
    """Letters only: marks above and below the line, spaces and stops dropped (what OCR
    keeps of a damaged fixed phrase)."""
    return re.sub(rf"{_MARK}|[ \t.]", "", text.replace("\u0e33", "\u0e32"))


@cache
def _issue_labels() -> tuple[dict[str, str], re.Pattern[str]]:
    closing = data.keywords()["closing"]
    labels = {_skeleton(w): w for w in closing["order"][:1] + closing["announcement"][:1]}
    return labels, re.compile(r"(?m)^([ \t]*)([\u0e01-\u0e4e][\u0e01-\u0e4e \t.]{4,24}?)[ \t]*(?=[๐-๙0-9])")


def fix_issue_date_label(text: str) -> str:
    """An order's or announcement's closing date label that OCR damaged (``สง ณวนท ๖ ก.ย.``
    for ``สั่ง ณ วันที่``): a line opening with letters whose skeleton is the label's, right
    before a number, gets the label; for an order's, also one that lost its ณ (``สัง วันที่``,
    written with ั so that ``ส่ง วันที่`` stays)."""
    labels, pattern = _issue_labels()

    def fix(m: re.Match) -> str:
        found = m.group(2)
        bones = _skeleton(found)
        label = labels.get(bones)
        if label is None and found.startswith("สั"):  # ณ lost too (สัง วันที่); ส่ง วันที่ is another word
            label = labels.get(bones[:2] + "ณ" + bones[2:])
        return f"{m.group(1)}{label} " if label and label != found.strip() else m.group(0)

    return pattern.sub(fix, text)


@cache
def _month_alternatives() -> str:
    names = sorted({w for _n, full, abbr in data.months() for w in (full, abbr)}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in names)


@cache
def _stop_in_day() -> re.Pattern[str]:
    return re.compile(rf"(?<![๐-๙0-9.,/])([๐-๙0-9])\.([๐-๙0-9])(?=[ \t]*(?:{_month_alternatives()}))")


def drop_stop_in_day(text: str) -> str:
    """A stop OCR put inside a two-digit day (a speck: ``๑.๓ มกราคม ๒๕๖๘``) is dropped: a
    day, not a numbered item, stands right before a month name."""
    return _stop_in_day().sub(r"\1\2", text)


@cache
def _short_year() -> re.Pattern[str]:
    return re.compile(rf"(?<=[๐-๙0-9][ \t])((?:{_month_alternatives()})[ \t]*(?:พ\.ศ\.[ \t]*)?)([๕5])"
                      r"(?=[๐-๙0-9]{2}(?![๐-๙0-9.:]))")


def restore_year_two(text: str) -> str:
    """A Buddhist-era year after a day and month that lost its leading two (``๑๘ มีนาคม ๕๖๘``:
    no three-digit year is written) gets it back."""
    return _short_year().sub(lambda m: m.group(1) + ("๒" if m.group(2) == "๕" else "2") + m.group(2), text)


_DASH_IN_YEAR = re.compile(r"(?<=/)([๒2])[-–]([๕5][๐-๙0-9]{2})(?![๐-๙0-9])")


def drop_dash_in_year(text: str) -> str:
    """A dash OCR read into the year after a number's slash (``ครั้งที่ ๒/๒-๕๖๗``: a speck
    after the first digit, glued on both sides) is dropped: ``/๒๕๖๗``; no number after a slash
    is written ``2-5xx``, and a range has spaces (``๒ - ๕๐๐``)."""
    return _DASH_IN_YEAR.sub(r"\1\2", text)


@cache
def _latin_date_label() -> re.Pattern[str]:
    return re.compile(rf"(?m)^([ \t]*)[A-Za-z]{{2,4}}[ \t]+(?=[๐-๙0-9]{{1,2}}[ \t]*(?:{_month_alternatives()}))")


def fix_latin_date_label(text: str) -> str:
    """``วันที่`` that the English model read as a short Latin word (a stamp's ``Jun 13 ม.ค.
    2568``): a Latin word opening a line right before a day and a Thai month name."""
    return _latin_date_label().sub(r"\1วันที่ ", text)


_LATIN_IN_CODE = re.compile(r"(?m)(^[ \t]*ที่[ \t]*)([ก-ฮA-Za-z0-9]{2})(?=[ \t]*[๐-๙])")


def fix_latin_in_code(text: str) -> str:
    """An agency code after ``ที่`` with one letter read as its Latin look-alike
    (data/latin_lookalikes.tsv: ``ที่ ศ5 ๐๔๐๐๗`` for ``ศธ``) becomes the code, when that
    gives a known one and the number after it is in Thai digits."""
    look = data.latin_lookalikes()

    def fix(m: re.Match) -> str:
        token = m.group(2)
        latin = [c for c in token if c.isascii()]
        if len(latin) != 1 or latin[0] not in look:
            return m.group(0)
        code = token.replace(latin[0], look[latin[0]])
        return m.group(1) + code if code in readable_codes() else m.group(0)

    return _LATIN_IN_CODE.sub(fix, text)


def fix_reference_label(text: str) -> str:
    """``ที่`` damaged by OCR before an agency code and a number: read as one to three Latin
    letters or as ท/ที at a line start (``N นม ๐๐๒๓/ว ๒๑๔๕``, ``ท มท ๐๒๑๑.๓``) becomes ``ที่``,
    as does ท/ที at a line start before an order's number (``ท ๓๘ /๒๕๖๘``);
    glued to the code (``ทีมท ๐๘๑๙.๒``) it becomes ``ที่ มท``."""
    line_start, glued = _reference_labels()
    return glued.sub("ที่ ", line_start.sub("ที่", text))


RULES: tuple[Callable[[str], str], ...] = (
    unify_newlines,
    strip_zero_width,
    strip_table_markup,
    strip_stray_rules,
    fix_double_sara_e,
    compose_sara_am,
    reorder_marks,
    collapse_spaces,
    fix_header_words,
    fix_label_marks,
    strip_label_leaders,
    strip_leading_specks,
    strip_code_marks,
    fix_reference_label,
    fix_latin_in_code,
    fix_issue_date_label,
    fix_latin_date_label,
    drop_stop_in_day,
    fix_month_names,
    fix_month_abbreviations,
    restore_year_two,
    drop_dash_in_year,
)


def normalize_text(text: str) -> str:
    """Apply every rule of ``RULES`` in order. Thai digits are kept."""
    for rule in RULES:
        text = rule(text)
    return text


def normalize_field(text: str) -> str:
    """A field value as the contract prints it: normalised text, Arabic digits, single-spaced, trimmed."""
    text = to_arabic_digits(normalize_text(text))
    return re.sub(r"\s+", " ", text).strip()
