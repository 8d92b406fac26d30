"""OCR post-correction: sara am, tone marks, fixed header words matched fuzzily."""

import re
from pathlib import Path

import pytest

from circulars.ocr.correct import correct_text, fix_fixed_words, nearest_fixed_word, skeleton, tokenize
from circulars.ocr.wordprefix import SortedWords

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("word, expected", [
    ("ลำดับความเร่งด่วน", "ลาดบความเรงดวน"),
    ("ชั้นความลับ", "ชนความลบ"),
    ("ผู้เขียนข่าว", "ผเขยนขาว"),
])
def test_skeleton(word, expected):
    assert skeleton(word) == expected


@pytest.mark.parametrize("token, expected", [
    ("ลาดบความเรงดวน", "ลำดับความเร่งด่วน"),  # all marks dropped
    ("ลำตดับความเร่งด่วน", "ลำดับความเร่งด่วน"),  # one letter inserted
    ("ขันความลับ", "ชั้นความลับ"),
    ("ชนความลบ", "ชั้นความลับ"),
    ("ผู้เขียข่ว", "ผู้เขียนข่าว"),
    ("นายทหารอบุมัติข่าว", "นายทหารอนุมัติข่าว"),
    ("บนทกขอความ", "บันทึกข้อความ"),
    ("ดวนมาก", "ด่วนมาก"),
    ("ความลับ", "ความลับ"),  # a dictionary word stays
    ("ส่วนราชการ", "ส่วนราชการ"),  # already right
    ("ประชาชน", "ประชาชน"),  # far from every fixed word
])
def test_nearest_fixed_word(token, expected):
    assert nearest_fixed_word(token) == expected


@pytest.mark.parametrize("text, expected", [
    ("ลาดบความเรงดวน   ชนความลบ", "ลำดับความเร่งด่วน   ชั้นความลับ"),
    ("| ผู้เขียข่ว | x", "| ผู้เขียนข่าว | x"),
    ("ลาดบความเรงดวนที่", "ลาดบความเรงดวนที่"),  # not a token between spaces
])
def test_fix_fixed_words(text, expected):
    assert fix_fixed_words(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("จํานวน ๑ ฉบับ", "จำนวน ๑ ฉบับ"),
    ("วันที ๙ พ.ค. ๖๗", "วันที่ ๙ พ.ค. ๖๗"),
    ("หน้าที ๑ ของ ๒ หน้า", "หน้าที่ ๑ ของ ๒ หน้า"),
    ("ที กห ๐๓๐๒/๖๔", "ที่ กห ๐๓๐๒/๖๔"),
    ("รับที ๑๑๒", "รับที่ ๑๑๒"),
    ("ลงวันที ๘ มกราคม ๒๕๖๘", "ลงวันที่ ๘ มกราคม ๒๕๖๘"),
    ("เลขที ๕", "เลขที่ ๕"),
    ("มีที ๕", "มีที ๕"),
    ("ท อบ ๐๐๓๓.๐๐๙/ว ๓๒๑๐", "ที่ อบ ๐๐๓๓.๐๐๙/ว ๓๒๑๐"),
    ("ทื ๒๘๗/๒๕๖๘", "ที่ ๒๘๗/๒๕๖๘"),
    ("ทสี่.ซ่ ๒๑๐๗/ ๒๕๖๘", "ที่ ๒๑๐๗/ ๒๕๖๘"),
    ("ท ||นย๐๐๒๓.๕/ว ๘๑๒", "ที่ นย๐๐๒๓.๕/ว ๘๑๒"),
    ("ทีกห ๐๔๘๓.๒๓.๑/๒๘๗", "ที่ กห ๐๔๘๓.๒๓.๑/๒๘๗"),
    ("ทุก ๑๒/๒๕๖๘", "ทุก ๑๒/๒๕๖๘"),
    ("๑๖ มิถุนายน ๒๕๖ส๘", "๑๖ มิถุนายน ๒๕๖๘"),
    ("๒๕ด๓๓", "๒๕๓๓"),
    ("๒๕๖ส๘๘", "๒๕๖ส๘๘"),
    ("ที่ ๒๘๗/๒ด๕๖๘", "ที่ ๒๘๗/๒๕๖๘"),
    ("ที่ ๒๘๗/๒ด๕๑๘", "ที่ ๒๘๗/๒ด๕๑๘"),
    ("โทร ๒ด๕๖๘", "โทร ๒ด๕๖๘"),
    ("ที่ สน ๐๐ฑ๓๑/ว", "ที่ สน ๐๐ฑ๓๑/ว"),
    ("ที่ มท ๐๘๑๒/วส๙๖๖", "ที่ มท ๐๘๑๒/วส๙๖๖"),
    ("มท ๐๘๑๒/ว ๘ส๖๓", "มท ๐๘๑๒/ว ๘ส๖๓"),
    ("๑๒ส๔", "๑๒ส๔"),
    ("ทั้งนี้ ๑๒/๒๕๖๘", "ทั้งนี้ ๑๒/๒๕๖๘"),
    ("ข้อ ๑ ท ๑๒/๒๕๖๘", "ข้อ ๑ ท ๑๒/๒๕๖๘"),
    ("ที่ มท ๐๘๑๒/ว ๘๙๖๓", "ที่ มท ๐๘๑๒/ว ๘๙๖๓"),
    ("ที่ นม ๐๐๒๓.๓/7ว ๑๘๔๗๒", "ที่ นม ๐๐๒๓.๓/ว ๑๘๔๗๒"),
    ("ที่ นม 0023.3/|ว 18472", "ที่ นม 0023.3/ว 18472"),
    ("ขนาด ๑/7 ว่า", "ขนาด ๑/7 ว่า"),
    ("ที่ มท ๐๓๑๐.๑/ว3 ๑๔๗๗", "ที่ มท ๐๓๑๐.๑/ว ๑๔๗๗"),
    ("ที่ มท 0310.1/ว3 1477", "ที่ มท 0310.1/ว3 1477"),
    ("ที่ กษ ๐๓๒๘.๐๗/ว, ๘๘๒", "ที่ กษ ๐๓๒๘.๐๗/ว ๘๘๒"),
    ("ลำตดับความเร่งด่วน  ขันความลับ", "ลำดับความเร่งด่วน  ชั้นความลับ"),
])
def test_correct_text(text, expected):
    assert correct_text(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ขอความเห็นชอบแต่งตัง ลชท.รอง", "ขอความเห็นชอบแต่งตั้ง ลชท.รอง"),
    ("สายวิทยาการความมันคงปลอดภัย", "สายวิทยาการความมั่นคงปลอดภัย"),
    ("ทังนี้ ขอให้", "ทั้งนี้ ขอให้"),
    ("เป็นทีเรียบร้อย", "เป็นที่เรียบร้อย"),
    ("นำมาใช้", "นำมาใช้"),
    ("ไปมาหาสู่", "ไปมาหาสู่"),
], ids=["tone-on-second-word", "tone-on-first-word", "before-a-marked-word", "tone-at-word-end", "words-kept",
        "compound-kept"])
def test_tones_restored_across_two_words(text, expected):
    assert correct_text(text) == expected


def test_tone_candidates_include_the_last_letter():
    from circulars.ocr.correct import tone_candidates

    assert tone_candidates("ที") == ["ที่", "ที้"]


@pytest.mark.parametrize("run, expected", [
    ("นายทหารุประทวุนในสังกัด", "นายทหารประทวนในสังกัด"),
    ("ทหารุ", "ทหาร"),
    ("คุณครูทุกคน", "คุณครูทุกคน"),
    ("ศุกร์", "ศุกร์"),
    ("ศซูบ", "ศซูบ"),
], ids=["two-stray-marks", "mark-at-the-end", "words-keep-their-marks", "one-word", "abbreviation-left-alone"])
def test_drop_stray_marks(run, expected):
    from circulars.ocr.correct import drop_stray_marks

    assert drop_stray_marks(run) == expected


CORPUS_TEXT = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "letters").glob("*.txt"))[:4])


@pytest.fixture(scope="module")
def both():
    from pythainlp.corpus import thai_words
    from pythainlp.util import Trie

    return Trie(thai_words()), SortedWords(thai_words())


@pytest.mark.parametrize(("text", "start"), [("ส่วนราชการ", 0), ("ขอความเห็นชอบการลาออก", 4), ("กก", 0), ("", 0),
                                             ("abc ที่", 4), ("ที่", 3), ("นายทหารประทวน", 0)],
                         ids=["label", "mid-run", "short", "empty", "after-latin", "at-end", "compound"])
def test_sorted_words_give_the_tries_prefixes(both, text, start):
    trie, sorted_words = both
    assert sorted_words.prefixes(text, start) == trie.prefixes(text, start)


def test_sorted_words_agree_with_the_trie_over_letters(both):
    trie, sorted_words = both
    text = CORPUS_TEXT[:20000]
    assert all(sorted_words.prefixes(text, i) == trie.prefixes(text, i) for i in range(len(text)))


def test_sorted_words_memo_starts_again_when_full(both, monkeypatch):
    trie, _ = both
    from pythainlp.corpus import thai_words

    monkeypatch.setattr("circulars.ocr.wordprefix.MAX_KEPT", 50)
    fresh = SortedWords(thai_words())
    text = CORPUS_TEXT[:3000]
    assert all(fresh.prefixes(text, i) == trie.prefixes(text, i) for i in range(len(text)))
    assert len(fresh.ranges) <= 50


def test_tokenize_cuts_as_newmm_with_its_own_dictionary():
    from pythainlp.tokenize import word_tokenize

    runs = re.findall(r"[\u0e01-\u0e4e]+", CORPUS_TEXT)
    assert len(runs) > 500
    assert [tokenize(r) for r in runs] == [word_tokenize(r, engine="newmm") for r in runs]


def test_sorted_words_membership(both):
    _, sorted_words = both
    assert "ราชการ" in sorted_words and "ราชกาข" not in sorted_words and len(sorted_words) > 60000
