"""Scan generator: renders a letter's text as a realistic scanned, image-only PDF, with the
exact ground-truth text of what was drawn.

Layout in the manner of the official forms: Laksaman 16 pt (metric-compatible with TH
Sarabun), 3 cm left and 2 cm right margins, an emblem above external letters, the sender's
address block on the right, the date from the centre, ``บันทึกข้อความ`` large and the memo
header lines (ส่วนราชการ, ที่, วันที่, เรื่อง) with dotted underlines, signature blocks
from the centre, tab-separated lines as a ruled table (a cell too long for its column
wraps), optionally a receiving stamp (its text is part of the ground truth) and a
handwritten-looking note (Purisa, not part of the ground truth, like the real samples).
Then the scan: 200–300 dpi, 0.3–1.5° skew, blur, noise, JPEG inside the PDF.

    python corpus/scangen.py corpus/letters/05_memo-water-relief.txt out.pdf [--seed 3]
writes out.pdf and out.gt.txt."""

from __future__ import annotations

import argparse
import itertools
import random
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
FONT = FONT_DIR / "Laksaman.ttf"
FONT_BOLD = FONT_DIR / "Laksaman-Bold.ttf"
HAND = FONT_DIR / "Purisa.ttf"
A4_MM = (210, 297)
MEMO_LABELS = ("ส่วนราชการ", "ที่", "วันที่", "เรื่อง")
_DATE_LINE = re.compile(r"^\s*(วันที่\s*)?[๐-๙0-9]{1,2}\s+\S+\s+(พ\.ศ\.\s*)?[๐-๙0-9]{4}\s*$")
_ADDRESS_HINT = re.compile(r"^(กระทรวง|กรม|สำนักงาน|ศาลากลาง|ที่ว่าการ|ถนน|ถ\.|อำเภอ|จังหวัด|องค์การ|เทศบาล|โรงเรียน"
                           r"|[๐-๙0-9]+\s*(ถนน|หมู่)|กทม|กรุงเทพ)")


@dataclass(frozen=True)
class ScanStyle:
    dpi: int = 300
    skew: float = 0.7  # degrees
    blur: float = 0.6  # Gaussian radius in px at 300 dpi
    noise: float = 8.0  # grey levels, standard deviation
    jpeg: int = 75
    stamp: bool = False
    note: bool = False
    seed: int = 0

    @classmethod
    def random(cls, seed: int) -> ScanStyle:
        r = random.Random(seed)
        return cls(dpi=r.choice((200, 250, 300)), skew=r.choice((-1, 1)) * r.uniform(0.3, 1.5),
                   blur=r.uniform(0.3, 1.0), noise=r.uniform(4, 14), jpeg=r.randint(55, 85),
                   stamp=r.random() < 0.5, note=r.random() < 0.5, seed=seed)


class Canvas:
    """One page being drawn at ``dpi``, with the ground-truth lines drawn on it."""

    def __init__(self, dpi: int):
        self.dpi = dpi
        self.px = dpi / 25.4
        self.image = Image.new("L", (round(A4_MM[0] * self.px), round(A4_MM[1] * self.px)), 255)
        self.draw = ImageDraw.Draw(self.image)
        self.font = ImageFont.truetype(str(FONT), self.pt(16))
        self.bold = ImageFont.truetype(str(FONT_BOLD), self.pt(16))
        self.left, self.right = 30 * self.px, self.image.width - 20 * self.px
        self.y = 25 * self.px
        self.bottom = self.image.height - 20 * self.px
        self.line_height = self.pt(16) * 1.25
        self.truth: list[str] = []

    def pt(self, points: float) -> int:
        return round(points * self.dpi / 72)

    def width(self, text: str, font=None) -> float:
        return self.draw.textlength(text, font=font or self.font)

    def text(self, x: float, text: str, font=None, truth: bool = True) -> float:
        self.draw.text((x, self.y), text, font=font or self.font, fill=0)
        if truth:
            self.truth.append(text)
        return x + self.width(text, font)

    def dots(self, x0: float, x1: float) -> None:
        y = self.y + self.font.getbbox("ก")[3] + self.pt(16) * 0.12  # under the baseline
        step, r = self.px * 1.1, max(1, round(self.px * 0.15))
        x = x0 + step / 2
        while x < x1:
            self.draw.ellipse((x - r, y - r, x + r, y + r), fill=60)
            x += step

    def newline(self, factor: float = 1.0) -> None:
        self.y += self.line_height * factor

    def full(self) -> bool:
        return self.y + self.line_height > self.bottom


def wrap(text: str, width: float, measure) -> list[str]:
    """Break at spaces; a piece too long for a line is broken between Thai words."""
    from pythainlp.tokenize import word_tokenize

    lines, cur = [], ""
    for token in re.split(r"(?<= )", text):
        pieces = [token] if measure(token) <= width else word_tokenize(token, engine="newmm")
        for piece in pieces:
            if cur and measure(cur + piece) > width:
                lines.append(cur.rstrip())
                cur = piece.lstrip()
            else:
                cur += piece
    if cur.strip():
        lines.append(cur.rstrip())
    return lines or [""]


def _kind(line: str, state: dict) -> str:
    s = line.strip()
    if s == "บันทึกข้อความ":
        state["memo"] = True
        return "title"
    label = next((lab for lab in MEMO_LABELS if s.startswith(lab + " ")), None)
    if state.get("memo") and label and not state.get("body"):
        return "memo"
    if s.startswith(("เรียน", "เสนอ")):
        state["body"] = True
    if _DATE_LINE.match(s) and not state.get("body"):
        return "date"
    if not state.get("body") and _ADDRESS_HINT.match(s) and not state.get("memo"):
        return "address"
    if (s.startswith("(") and s.endswith(")") and state.get("body")) or state.get("sign"):
        state["sign"] = True
        return "sign"
    return "body"


def draw_memo_line(c: Canvas, line: str) -> None:
    """Label in bold, value after it, dotted underline to the right margin. Memo lines
    holding two labels (ที่ … วันที่ …) are drawn as written."""
    label, _, value = line.strip().partition(" ")
    x = c.text(c.left, label, c.bold, truth=False)
    gap = c.width(" ") * 2
    parts = wrap(value, c.right - x - gap, c.width)
    c.truth.append(f"{label} {parts[0]}")
    c.truth.extend(parts[1:])
    for i, part in enumerate(parts):
        c.dots(x + gap / 2, c.right)
        c.draw.text((x + gap, c.y), part, font=c.font, fill=0)
        if i < len(parts) - 1:
            c.newline(1.1)


def draw_line(c: Canvas, line: str, kind: str, pages: list[Canvas]) -> Canvas:
    """One line of the letter, wrapped; a wrapped part that does not fit on the page starts
    a new one (appended to ``pages``), so that nothing is drawn past the bottom margin and
    out of the ground truth's sight. Returns the page drawn last."""
    s = line.strip()
    if kind == "title":
        big = ImageFont.truetype(str(FONT_BOLD), c.pt(29))
        c.draw.text(((c.image.width - c.width(s, big)) / 2, c.y - c.pt(6)), s, font=big, fill=0)
        c.truth.append(s)
        c.newline(1.6)
    elif kind == "memo":
        draw_memo_line(c, s)
        c.newline(1.1)
    else:
        x = c.image.width * (0.55 if kind == "address" else 0.45) if kind in ("date", "address", "sign") else c.left
        indent = c.px * 25 if kind == "body" and re.match(r"^[๐-๙0-9]+\.", s) else 0
        for part in wrap(s, c.right - x - indent, c.width):
            if c.full():
                c = Canvas(c.dpi)
                pages.append(c)
            c.text(x + indent, part)
            c.newline()
            indent = 0
    return c


TABLE_PT = 14  # tables are set a size smaller than the text


def column_widths(natural: list[float], width: float) -> list[float]:
    """Widths of a table's columns across ``width``: the narrow ones as wide as their
    widest cell, the rest sharing what is left equally (their cells wrap)."""
    widths = list(natural)
    left, wide = width, sorted(range(len(natural)), key=natural.__getitem__)
    while wide and natural[wide[0]] <= left / len(wide):
        left -= natural[wide.pop(0)]
    for i in wide:
        widths[i] = left / len(wide)
    return widths


def table_layout(c: Canvas, rows: list[list[str]], font) -> list[float]:
    """Column widths for ``rows`` (tab-separated cells) across the text width."""
    pad = 2 * c.px
    n = max(len(r) for r in rows)
    natural = [max(c.width(r[i], font) if i < len(r) else 0 for r in rows) + 2 * pad for i in range(n)]
    return column_widths(natural, c.right - c.left)


def table_row(c: Canvas, cells: list[str], widths: list[float], font) -> tuple[list[list[str]], float]:
    """(each cell's drawn lines, the row's height): a cell too long for its column wraps."""
    pad = 2 * c.px
    cells = cells + [""] * (len(widths) - len(cells))
    parts = [wrap(cell, w - 2 * pad, lambda t: c.width(t, font)) if cell.strip() else [] for cell, w in zip(cells, widths)]
    lines = max(1, *map(len, parts))
    return parts, lines * c.pt(TABLE_PT) * 1.25 + 0.3 * c.pt(TABLE_PT) + pad  # room for marks below the last line


def draw_table_row(c: Canvas, parts: list[list[str]], widths: list[float], height: float, font) -> None:
    """One table row with its cell borders. The truth has a line per drawn line of the
    row, its cells' pieces joined by tabs."""
    pad, line = 2 * c.px, c.pt(TABLE_PT) * 1.25
    x, border = c.left, max(1, round(c.px * 0.25))
    for w, lines in zip(widths, parts):
        c.draw.rectangle((x, c.y, x + w, c.y + height), outline=40, width=border)
        for k, text in enumerate(lines):
            c.draw.text((x + pad, c.y + pad / 2 + k * line), text, font=font, fill=0)
        x += w
    for k in range(max(map(len, parts))):
        c.truth.append("\t".join(lines[k] for lines in parts if k < len(lines)))
    c.y += height


def draw_emblem(c: Canvas) -> None:
    cx, r = c.image.width / 2, 12 * c.px
    c.draw.ellipse((cx - r, c.y, cx + r, c.y + 2 * r), outline=40, width=max(2, round(c.px * 0.6)))
    c.draw.polygon([(cx, c.y + r * 0.4), (cx - r * 0.5, c.y + r * 1.5), (cx + r * 0.5, c.y + r * 1.5)], fill=70)
    c.y += 2 * r + c.line_height * 0.5


def draw_stamp(c: Canvas, rng: random.Random) -> None:
    """A receiving-register stamp in the top right corner; its text opens the ground truth."""
    lines = [f"เลขรับ {rng.randint(100, 9999)}", f"วันที่ {rng.randint(1, 28)} ม.ค. ๖๗", f"เวลา {rng.randint(8, 16)}.{rng.randint(10, 59)} น."]
    font = ImageFont.truetype(str(FONT), c.pt(13))
    x0, y0 = c.right - 45 * c.px, 8 * c.px
    c.draw.rectangle((x0, y0, c.right, y0 + 22 * c.px), outline=90, width=max(2, round(c.px * 0.4)))
    for i, text in enumerate(lines):
        c.draw.text((x0 + 3 * c.px, y0 + 2 * c.px + i * c.pt(13) * 1.2), text, font=font, fill=90)
    c.truth[:0] = lines


def draw_note(c: Canvas, rng: random.Random) -> None:
    """A handwritten-looking endorsement in the lower margin (not in the ground truth)."""
    font = ImageFont.truetype(str(HAND), c.pt(18))
    note = rng.choice(["ทราบ มอบ งานธุรการ", "เรียน ผอ. เพื่อโปรดทราบ", "ดำเนินการ"])
    layer = Image.new("L", (round(c.width(note, font) + 20), c.pt(30)), 255)
    ImageDraw.Draw(layer).text((10, 0), note, font=font, fill=110)
    layer = layer.rotate(rng.uniform(-6, 6), expand=True, fillcolor=255)
    spot = (round(c.left + 10 * c.px), round(c.bottom - layer.height))
    c.image.paste(Image.fromarray(np.minimum(np.asarray(c.image.crop((*spot, spot[0] + layer.width,
                                                                       spot[1] + layer.height))),
                                             np.asarray(layer))), spot)


def draw_table(c: Canvas, rows: list[list[str]], pages: list[Canvas]) -> Canvas:
    """Tab-separated lines drawn as a ruled table, a row that does not fit starting a new
    page (appended to ``pages``); returns the page drawn last."""
    font = ImageFont.truetype(str(FONT), c.pt(TABLE_PT))
    widths = table_layout(c, rows, font)
    c.newline(0.3)
    for cells in rows:
        parts, height = table_row(c, cells, widths, font)
        if c.y + height > c.bottom:
            c = Canvas(c.dpi)
            pages.append(c)
        draw_table_row(c, parts, widths, height, font)
    c.newline(0.3)
    return c


def layout(text: str, style: ScanStyle) -> list[Canvas]:
    """The letter drawn on as many pages as it needs (a form feed starts a page)."""
    rng = random.Random(style.seed)
    pages: list[Canvas] = []
    for chunk in text.split("\f"):
        c = Canvas(style.dpi)
        pages.append(c)
        state: dict = {}
        lines = chunk.strip("\n").split("\n")
        if lines and lines[0].strip().startswith("ที่ ") or any(s.startswith("ด่วน") for s in lines[:1]):
            draw_emblem(c)
        for is_table, group in itertools.groupby(lines, key=lambda s: "\t" in s):
            if is_table:
                c = draw_table(c, [row.strip(" ").split("\t") for row in group], pages)
                continue
            for line in group:
                if not line.strip():
                    state["sign"] = False
                    c.newline(0.5)
                    continue
                if c.full():
                    c = Canvas(style.dpi)
                    pages.append(c)
                c = draw_line(c, line, _kind(line, state), pages)
    if style.stamp:
        draw_stamp(pages[0], rng)
    if style.note:
        draw_note(pages[-1], rng)
    return pages


def degrade(image: Image.Image, style: ScanStyle) -> Image.Image:
    """Skew, blur, paper tone and noise, as a flatbed scanner would."""
    rng = np.random.default_rng(style.seed)
    out = image.rotate(style.skew, resample=Image.BILINEAR, fillcolor=255)
    out = out.filter(ImageFilter.GaussianBlur(style.blur * style.dpi / 300))
    arr = np.asarray(out, np.float32) * 0.93 + 12 + rng.normal(0, style.noise, (out.height, out.width))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def render_letter_pdf(text: str, out: Path, style: ScanStyle = ScanStyle()) -> str:
    """Write ``out`` (image-only PDF, JPEG pages) and return the ground truth (pages joined
    with form feeds)."""
    pages = layout(text, style)
    scans = [degrade(c.image, style) for c in pages]
    scans[0].save(out, "PDF", resolution=style.dpi, save_all=True, append_images=scans[1:], quality=style.jpeg)
    return "\f".join("\n".join(c.truth) for c in pages)


def render_letter_image(text: str, out: Path, style: ScanStyle = ScanStyle()) -> str:
    """Like :func:`render_letter_pdf`, as an image (PNG, JPEG or multi-page TIFF by suffix)."""
    pages = layout(text, style)
    scans = [degrade(c.image, style) for c in pages]
    extra = {"save_all": True, "append_images": scans[1:]} if out.suffix.lower() in (".tif", ".tiff") else {}
    if out.suffix.lower() in (".jpg", ".jpeg"):
        extra["quality"] = style.jpeg
    scans[0].save(out, dpi=(style.dpi, style.dpi), **extra)
    return "\f".join("\n".join(c.truth) for c in pages)


def letter_texts(folder: Path) -> list[tuple[str, str]]:
    """(stem, text) of the UTF-8 corpus letters that have a gold file."""
    out = []
    for p in sorted(folder.glob("*.txt")):
        if p.with_suffix(".gold.json").exists():
            try:
                out.append((p.stem, p.read_text("utf-8")))
            except UnicodeDecodeError:
                continue
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="Render a letter as a scanned PDF with ground truth.")
    ap.add_argument("letter", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    truth = render_letter_pdf(args.letter.read_text("utf-8"), args.out, ScanStyle.random(args.seed))
    args.out.with_suffix(".gt.txt").write_text(truth, "utf-8")


if __name__ == "__main__":
    main()
