"""Which library reads the Thai text layer of a PDF more exactly: pypdfium2 or pdfplumber?

Builds one PDF per font (fonts-thai-tlwg: Laksaman, Garuda, Loma, Kinnari, Norasi) and per
way of writing Thai, one sample line per page (words with ำ, tone marks over upper vowels
as in ที่ สิ่ง น้ำ, Thai digits), reads every page back with pypdfium2
``get_textpage().get_text_range()``, with pypdfium2 plus the clean-up of
``circulars.sources.pdf``, and with pdfplumber ``extract_text()``, and reports the
exact-match rate and the character error rate (Levenshtein distance / reference length),
also with whitespace removed (pdfium breaks some shaped Loma lines into a line per glyph).
Line ends are unified (CRLF → LF) and the ends stripped before comparing. Ways of writing:

- plain: fpdf2 without text shaping, one glyph per character (clean ToUnicode map);
- shaped: fpdf2 ``set_text_shaping(True)`` (HarfBuzz); fpdf2 2.8.9 writes a wrong
  ToUnicode map for multi-glyph clusters: the decomposed ำ's extra glyph becomes a
  control code or "#"/"K", some tone marks move to the end of the line;
- pua: characters replaced by the Windows private-use presentation forms of shifted
  marks (ต่อ written with U+F70A), as old Thai fonts on Windows put them in PDFs.

Measured 2025-11-23 (fpdf2 2.8.9, uharfbuzz 0.57.0, pypdfium2 5.15.2, pdfplumber 0.11.10),
75 pages per row:

    pdf      extractor         exact     CER  CER(no space)
    plain    pypdfium2        100.0%   0.00%   0.00%
    plain    pypdfium2+clean  100.0%   0.00%   0.00%
    plain    pdfplumber       100.0%   0.00%   0.00%
    shaped   pypdfium2         50.7%   9.22%   5.79%
    shaped   pypdfium2+clean   64.0%   6.48%   2.77%
    shaped   pdfplumber        41.3%  35.34%  38.29%
    pua      pypdfium2         26.7%   4.34%   4.79%
    pua      pypdfium2+clean  100.0%   0.00%   0.00%
    pua      pdfplumber        26.7%   4.34%   4.79%

On a damaged map pdfplumber also moves tone marks past the next consonant (ที่สุด →
ทีส่ ุด, เรื่อง → เร่ือง) and prints "(cid:25)" for unmapped glyphs; pypdfium2 keeps the
order of the map. ``circulars.sources.pdf`` uses pypdfium2.
Re-run: ``python bench/pdf_text_extractors.py``.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
FONTS = ("Laksaman", "Garuda", "Loma", "Kinnari", "Norasi")
SAMPLES = (
    "ด่วนที่สุด",
    "ที่ มท ๐๘๑๒/ว ๘๙๖๓",
    "สิ่งที่ส่งมาด้วย สำเนาหนังสือ จำนวน ๑ ชุด",
    "น้ำท่วม ช่วยเหลือผู้ประสบภัยน้ำ",
    "๒๕ กันยายน ๒๕๖๖",
    "เรื่อง ขอความร่วมมือดำเนินการ",
    "เรียน ผู้ว่าราชการจังหวัดทุกจังหวัด",
    "อ้างถึง หนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่ มท ๐๘๑๐.๓/ว ๑๒๓",
    "ปี่ ปี้ ญี่ปุ่น ฐาน ฎีกา ฤดู ศึกษา ชื่อ",
    "โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๔๑๒๓",
    "จึงเรียนมาเพื่อโปรดพิจารณาดำเนินการต่อไป",
    "ขอแสดงความนับถือ",
    "(นายสุทธิพงษ์ จุลเจริญ)",
    "ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖",
    "กำหนด ๑๐ วัน ทำ จำ ค่ำ น้ำ ก่ำ",
)


@dataclass
class Score:
    pages: int = 0
    exact: int = 0
    errors: int = 0
    errors_nospace: int = 0
    length: int = 0
    length_nospace: int = 0

    def add(self, truth: str, got: str) -> None:
        self.pages += 1
        self.exact += got == truth
        self.errors += levenshtein(truth, got)
        self.length += len(truth)
        bare_truth, bare_got = "".join(truth.split()), "".join(got.split())
        self.errors_nospace += levenshtein(bare_truth, bare_got)
        self.length_nospace += len(bare_truth)

    def row(self) -> str:
        return (
            f"{self.exact / self.pages:7.1%} {self.errors / self.length:7.2%} "
            f"{self.errors_nospace / self.length_nospace:7.2%}"
        )


def levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


_TONES = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
_UPPER = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47"


def to_legacy_pua(text: str) -> str:
    """The text as old Windows Thai fonts encode shifted marks (Windows PUA forms): a tone
    mark straight on a consonant is shifted down (่ → U+F70A…), an upper vowel on a tall
    consonant (ป ฝ ฟ) shifted left (ิ → U+F701…)."""
    out = []
    for i, c in enumerate(text):
        prev = text[i - 1] if i else ""
        if c in _TONES and "\u0e01" <= prev <= "\u0e2e":
            c = chr(0xF70A + _TONES.index(c))
        elif c in _UPPER and prev in "ปฝฟ":
            c = chr((0xF710, 0xF701, 0xF702, 0xF703, 0xF704, 0xF712)[_UPPER.index(c)])
        out.append(c)
    return "".join(out)


MODES = ("plain", "shaped", "pua")


def build_pdf(font: str, mode: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font(font, fname=str(FONT_DIR / f"{font}.ttf"))
    pdf.set_font(font, size=16)
    pdf.set_text_shaping(mode == "shaped")
    for line in SAMPLES:
        pdf.add_page()
        pdf.cell(text=to_legacy_pua(line) if mode == "pua" else line)
    return bytes(pdf.output())


def clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def read_pdfium(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        out = []
        for page in doc:
            textpage = page.get_textpage()
            out.append(clean(textpage.get_text_range()))
            textpage.close()
            page.close()
        return out
    finally:
        doc.close()


def read_pdfplumber(data: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [clean(page.extract_text() or "") for page in pdf.pages]


def read_circulars(data: bytes) -> list[str]:
    """pypdfium2 plus the clean-up circulars.sources.pdf applies (Thai PUA forms mapped back,
    control characters dropped)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from circulars.sources.base import clean_page_text
    from circulars.sources.pdf import repair_thai_pua

    return [clean_page_text(repair_thai_pua(text)).strip() for text in read_pdfium(data)]


EXTRACTORS = {"pypdfium2": read_pdfium, "pypdfium2+clean": read_circulars, "pdfplumber": read_pdfplumber}


def measure() -> dict[tuple[str, str], Score]:
    scores: dict[tuple[str, str], Score] = {}
    for mode in MODES:
        for font in FONTS:
            data = build_pdf(font, mode)
            for name, read in EXTRACTORS.items():
                score = scores.setdefault((mode, name), Score())
                for truth, got in zip(SAMPLES, read(data), strict=True):
                    score.add(truth, got)
    return scores


def main() -> int:
    missing = [f for f in FONTS if not (FONT_DIR / f"{f}.ttf").exists()]
    if missing:
        sys.stderr.write(f"fonts missing (apt install fonts-thai-tlwg): {missing}\n")
        return 1
    sys.stdout.write("pdf      extractor         exact     CER  CER(no space)\n")
    for (mode, name), score in measure().items():
        sys.stdout.write(f"{mode:8} {name:15} {score.row()}   ({score.pages} pages)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
