"""Header-line quality of OCR on the real scans (not a test).

For every header line of a ground truth (a line starting with a header keyword:
ส่วนราชการ ที่ วันที่ เรื่อง เรียน ถึง จาก ..., and the message-form labels), it reports

- **at line start**: the OCR text (after the pipeline's ``normalize_text``, as the
  extractors see it) has a line starting with the same keyword;
- **found**: the keyword opens a line or follows a space (memos put ที่ and วันที่ on one
  line; message forms put several labels in a row);
- **line CER**: edit distance of the truth line against the best-matching OCR line
  (or two consecutive OCR lines joined), over the truth line's length, whitespace removed.

    .venv/bin/python bench/header_bench.py [--samples DIR] [--stage full|prep|plain] [--show]
    .venv/bin/python bench/header_bench.py --cache /tmp/hb.json   # re-score saved OCR text

Figures go into docs/ocr-layout.md by hand."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from circulars.normalize import normalize_text
from circulars.ocr import OcrSettings
from circulars.ocr.metrics import comparable, edit_distance

SAMPLES = ROOT.parent / "shared" / "samples" / "scans"
# longest first, so วันที่ is not counted as ที่
KEYWORDS = sorted([
    "ส่วนราชการ", "ที่ของผู้ให้ข่าว", "ที่", "วันที่", "เรื่อง", "เรียน", "ถึง", "จาก",
    "อ้างถึง", "สิ่งที่ส่งมาด้วย", "ลำดับความเร่งด่วน", "ชั้นความลับ", "หมู่", "หน้าที่",
    "ผู้รับทราบ", "ผู้เขียนข่าว", "นายทหารอนุมัติข่าว",
], key=len, reverse=True)


def keyword_of(line: str) -> str | None:
    s = comparable(line)
    for k in KEYWORDS:
        if s.startswith(k):
            return k
    return None


def found_anywhere(k: str, ocr_lines: list[str]) -> bool:
    for x in ocr_lines:
        words = [comparable(w) for w in x.split()]
        if any(w.startswith(k) and keyword_of(w) == k for w in words):
            return True
    return False


def header_lines(truth: str) -> list[tuple[str, str]]:
    return [(k, ln) for ln in truth.splitlines() if (k := keyword_of(ln))]


def line_cer(line: str, ocr_lines: list[str]) -> float:
    ref = comparable(line)
    cands = [comparable(x) for x in ocr_lines if x.strip()]
    cands += [a + b for a, b in itertools.pairwise(cands)]
    best = min((edit_distance(c, ref) for c in cands), default=len(ref))
    return best / max(1, len(ref))


def score(texts: dict[str, str], truths: dict[str, str], show: bool = False) -> dict:
    found = start = total = 0
    cers: list[float] = []
    per_kw: dict[str, list[int]] = {}
    for name, truth in truths.items():
        ocr_lines = normalize_text(texts[name]).splitlines()
        ocr_kws = {keyword_of(x) for x in ocr_lines}
        for k, ln in header_lines(truth):
            at_start = k in ocr_kws
            ok = at_start or found_anywhere(k, ocr_lines)
            c = line_cer(ln, ocr_lines)
            found += ok
            start += at_start
            total += 1
            cers.append(c)
            per_kw.setdefault(k, [0, 0])
            per_kw[k][0] += ok
            per_kw[k][1] += 1
            if show and (not ok or c > 0.2):
                print(f"  {name:18s} {'ok ' if ok else 'MISS'} {c:.2f}  {ln.strip()[:70]}")
    return {"lines": total, "found": found, "at_start": start, "found_rate": found / max(1, total),
            "header_cer": sum(cers) / max(1, len(cers)), "per_keyword": per_kw}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=Path, default=SAMPLES)
    ap.add_argument("--stage", choices=["plain", "prep", "full"], default="full")
    ap.add_argument("--cache", type=Path, help="JSON file of OCR texts: read if present, else written")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    from ocr_bench import PREPS, ocr_first_pages, samples

    files = samples(args.samples)
    truths = {p.name: t for p, t in files}
    if args.cache and args.cache.exists():
        texts = json.loads(args.cache.read_text("utf-8"))
    else:
        settings = {"plain": OcrSettings(prep=PREPS["gray"], digits=False, correct=False),
                    "prep": OcrSettings(digits=False, correct=False),
                    "full": OcrSettings()}[args.stage]
        texts = ocr_first_pages([p for p, _ in files], settings)
        if args.cache:
            args.cache.write_text(json.dumps(texts, ensure_ascii=False), "utf-8")
    r = score(texts, truths, args.show)
    print(f"{args.stage}: header lines {r['lines']}, keyword found {r['found']} "
          f"({r['found_rate']:.3f}; at line start {r['at_start']}), header-line CER {r['header_cer']:.3f}")
    for k, (ok, n) in sorted(r["per_keyword"].items(), key=lambda kv: -kv[1][1]):
        print(f"  {k:20s} {ok}/{n}")


if __name__ == "__main__":
    main()
