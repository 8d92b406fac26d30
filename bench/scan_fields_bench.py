"""Header-field accuracy on the real scans, ground-truth text vs OCR (not a test).

For every gold annotation in ``corpus/scans`` (``NAME.gold.json``, whose ``file`` is the
ground-truth transcription ``NAME.gt.txt``), the letters are extracted twice with the
default ``Config()``:

- **text**: ``extract_file`` on ``NAME.gt.txt`` (what ``circulars eval corpus/scans`` does);
- **pdf**: ``extract_file`` on the scan ``NAME.pdf`` beside it with the default ``Config()``:
  8 of the 10 scans carry a text layer; 7 of them an earlier OCR's invisible text, which the
  PDF source reads again with this OCR (``Config.reocr_invisible_layers``), and Board-006-2
  visible text, which it trusts;
- **ocr**: the same PDF with every page OCRed (``Config(text_layer_min_chars=10**9)``: every
  text layer counts as missing), i.e. the pipeline's own OCR.

Both are scored with the ``circulars eval`` code (``score_found`` from
``circulars/evaluate.py``); per field it prints F1 (= exact-match rate when every letter is
found), the difference against text in points, and an overall micro-F1 over the fields.

    .venv/bin/python bench/scan_fields_bench.py [--gold DIR] [--cache DIR] [--show] [--json]

``--cache DIR`` keeps each PDF's extracted letters as ``DIR/MODE/NAME.json`` (keyed by the
PDF's sha256), so re-runs only re-score; delete the folder after changing the OCR code.
Figures go into docs/ocr-fields.md by hand."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from circulars.config import Config
from circulars.contract import document_json
from circulars.errors import CircularsError
from circulars.evaluate import Report, score_found
from circulars.pipeline import extract_file

GOLD = ROOT / "corpus" / "scans"
FIELDS = ["reference", "date", "subject", "recipients", "signatory.name", "signatory.position"]


def gold_files(folder: Path) -> list[tuple[str, dict, Path]]:
    """(name, gold, ground-truth text path) for every gold annotation."""
    out = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        out.append((gold_path.name.removesuffix(".gold.json"), gold, (gold_path.parent / gold["file"]).resolve()))
    return out


def extract_letters(path: Path, config: Config) -> list[dict]:
    return document_json(extract_file(path, config))["letters"]


def pdf_letters(pdf: Path, config: Config, cache: Path | None) -> tuple[list[dict], str, bool]:
    """(letters, source method, from cache) of the scan; the cache entry is keyed by the PDF's sha256."""
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    entry = cache / f"{pdf.stem}.json" if cache else None
    if entry and entry.exists():
        saved = json.loads(entry.read_text(encoding="utf-8"))
        if saved.get("sha256") == digest:
            return saved["letters"], saved["method"], True
    doc = document_json(extract_file(pdf, config))
    if entry:
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(json.dumps({"file": pdf.name, "sha256": digest, "method": doc["source"]["method"],
                                     "letters": doc["letters"]}, ensure_ascii=False, indent=1), encoding="utf-8")
    return doc["letters"], doc["source"]["method"], False


def score(report: Report, name: str, gold: dict, found: list[dict]) -> None:
    """The body of ``evaluate_file`` for letters already extracted."""
    report.files += 1
    score_found(report, name, gold, found)


def overall(report: Report) -> tuple[int, int, int, float]:
    tp = sum(report.count(f).tp for f in FIELDS)
    fp = sum(report.count(f).fp for f in FIELDS)
    fn = sum(report.count(f).fn for f in FIELDS)
    return tp, fp, fn, (2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0)


def letters_wrong(report: Report) -> set[tuple[str, int]]:
    """(file, gold letter) with at least one of FIELDS wrong (from the misses list)."""
    return {(f, i) for f, i, n, _, _ in report.misses if n in FIELDS}


MODES = {  # column: (label, Config or None for the ground-truth text)
    "text": "ground-truth .gt.txt",
    "pdf": "scan .pdf, default Config() (a trusted text layer is read, else OCR)",
    "ocr": "scan .pdf, every page OCRed (text layers ignored)",
}


def mode_config(mode: str) -> Config:
    # a text layer shorter than text_layer_min_chars counts as missing, so this OCRs every page
    return Config(text_layer_min_chars=10**9) if mode == "ocr" else Config()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD, help="folder of NAME.gold.json (default corpus/scans)")
    ap.add_argument("--cache", type=Path, help="keep extracted PDF document JSON here (MODE/NAME.json)")
    ap.add_argument("--show", action="store_true", help="print the misses per file")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    reports = {m: Report() for m in MODES}
    methods: dict[str, dict[str, str]] = {m: {} for m in MODES}
    started, cached = time.monotonic(), 0
    files = gold_files(args.gold)
    for name, gold, gt in files:
        pdf = gt.with_name(gt.name.removesuffix(".gt.txt") + ".pdf")
        for mode, report in reports.items():
            try:
                if mode == "text":
                    found, method = extract_letters(gt, mode_config(mode)), "text"
                else:
                    cache = args.cache / mode if args.cache else None
                    found, method, hit = pdf_letters(pdf, mode_config(mode), cache)
                    cached += int(hit)
            except (CircularsError, OSError) as e:
                report.errors.append(f"{name}: {e}")
                found, method = [], "error"
            methods[mode][name] = method
            score(report, name, gold, found)
    seconds = time.monotonic() - started

    letters = reports["text"].letters_gold
    golds = {(n, i) for n, g, _ in files for i in range(len(g["letters"]))}
    right = {m: len(golds - letters_wrong(r)) for m, r in reports.items()}
    if args.json:
        out = {"files": len(files), "letters": letters, "seconds": round(seconds, 1), "cached": cached,
               "methods": methods,
               "fields": {f: {m: round(r.count(f).f1, 3) for m, r in reports.items()} for f in FIELDS},
               "overall": {m: round(overall(r)[3], 3) for m, r in reports.items()},
               "letters_all_right": right,
               "errors": {m: r.errors for m, r in reports.items()}}
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0

    print(f"files {len(files)}, gold letters {letters}; {seconds:.0f} s ({cached} PDF extractions from cache)")
    for m, label in MODES.items():
        r = reports[m]
        print(f"  {m:4}: {label}; letters found {r.letters_found}, matched {r.letters_matched}")
    pdf_methods = ", ".join(f"{n} {k}" for n, k in methods["pdf"].items())
    print(f"  pdf page methods: {pdf_methods}")
    print(f"\nF1 per field (diff = points against text)\n"
          f"{'field':20} {'text':>6} {'pdf':>6} {'diff':>6} {'ocr':>6} {'diff':>6}   tp/fp/fn text | pdf | ocr")

    def row(label, t, p, o, counts):
        return (f"{label:20} {t:6.3f} {p:6.3f} {100 * (p - t):+6.1f} {o:6.3f} {100 * (o - t):+6.1f}   "
                + " | ".join(f"{tp}/{fp}/{fn}" for tp, fp, fn in counts))

    for f in FIELDS:
        cs = [reports[m].count(f) for m in MODES]
        print(row(f, *(c.f1 for c in cs), [(c.tp, c.fp, c.fn) for c in cs]))
    ov = [overall(reports[m]) for m in MODES]
    print(row("overall (micro)", *(o[3] for o in ov), [o[:3] for o in ov]))
    print(f"{'letters all right':20} " + " ".join(f"{right[m]:>{6 if i == 0 else 13}}" for i, m in enumerate(MODES))
          + f"   (of {letters})")
    for m, r in reports.items():
        for e in r.errors:
            print(f"error ({m}): {e}")
    if args.show:
        for m, r in reports.items():
            print(f"\nmisses, {m} (file #letter field: gold | found):")
            for f, i, n, g, p in r.misses:
                if n in FIELDS:
                    print(f"  {f} #{i} {n}: {g!r} | {p!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
