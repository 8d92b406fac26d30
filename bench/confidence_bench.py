"""Does a low field confidence point at a wrong field? (not a test)

For every scan: the fields read by OCR (``extract_file``) and the fields read from the
scan's ground-truth text (``circulars.pipeline.extract_text``); a field read from OCR is
*wrong* when it differs from the one read from the truth (compared as ``circulars eval``
does: letters aligned, values canonicalised; a task deadline is wrong when its date is not
among the truth letter's deadline dates). For each way of turning the unit confidences
under a field's span into one number (minimum, low percentiles, mean) and each threshold,
the flag ``confidence < threshold`` is scored against *wrong*: precision (flagged fields
that are wrong), recall (wrong fields that are flagged) and the share of fields flagged.

    .venv/bin/python bench/confidence_bench.py [--letters 30] [--seed 0] [--cache DIR] [--show]

Real scans: ../shared/samples/scans/*.pdf with NAME.gt.txt (their scanner's text layer is
ignored: every page is OCRed); generated scans: corpus/letters
rendered by corpus/scangen.py with ScanStyle.random(seed=i). ``--cache DIR`` keeps the OCR
results (pickled RawInput) so that a second run only re-extracts."""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from circulars.confidence import (
    combine,
    field_spans,
    low_percentile,
    map_ocr_words,
    unit_confidences,
)
from circulars.config import Config
from circulars.contract import document_json
from circulars.evaluate import align, canon, scalar
from circulars.extractors.tasks import assign_tasks
from circulars.link import link_letters
from circulars.models import Document
from circulars.pipeline import (
    RawInput,
    extract_parts,
    extract_text,
    normalize_pages,
    read_input,
    segment_text,
)

SAMPLES = ROOT.parent / "shared" / "samples" / "scans"
AGGREGATES = {"min": 0.0, "p10": 0.10, "p25": 0.25, "median": 0.5}
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
SCALAR_FIELDS = ("reference", "date", "sender", "subject", "signatory")


@dataclass
class Rated:
    where: str
    name: str
    units: list[float]
    extractor: float
    wrong: bool
    read: object
    truth: object

    def confidence(self, how: str) -> float | None:
        if not self.units:
            return None
        if how == "mean":
            return combine(self.extractor, sum(self.units) / len(self.units))
        return combine(self.extractor, low_percentile(self.units, AGGREGATES[how]))


def ocr_raw(pdf: Path, cache: Path | None, config: Config) -> RawInput:
    if cache is None:
        return read_input(pdf, config)
    key = hashlib.sha256(pdf.read_bytes()).hexdigest()[:20]
    hit = cache / f"{key}.pkl"
    if hit.exists():
        return pickle.loads(hit.read_bytes())
    raw = read_input(pdf, config)
    cache.mkdir(parents=True, exist_ok=True)
    hit.write_bytes(pickle.dumps(raw))
    return raw


MAP_TIMES: list[float] = []  # seconds per OCR page spent in map_ocr_words


def extract_raw(raw: RawInput) -> Document:
    """The pipeline up to the tasks, not rated: evidence keeps the extractors' confidences."""
    doc = normalize_pages(raw)
    t0 = time.perf_counter()
    map_ocr_words(raw, doc)
    if doc.ocr_words:
        MAP_TIMES.extend([(time.perf_counter() - t0) / len(doc.ocr_words)] * len(doc.ocr_words))
    extract_parts(doc, segment_text(doc))
    doc.links = link_letters(doc.letters, doc.text)
    assign_tasks(doc)
    return doc


def rated_fields(name: str, doc: Document, truth_text: str) -> tuple[list[Rated], int]:
    """Every field the OCR read with its unit confidences and whether it is wrong; and the
    number of truth fields the OCR missed (those cannot be flagged)."""
    truth = document_json(extract_text(truth_text))["letters"]
    found = document_json(doc)["letters"]
    out, missed = [], 0
    # letters read alike are paired as ``circulars eval`` pairs them; with as many letters on
    # both sides, in order (a letter whose every key field OCR got wrong is still that letter)
    pairs = list(enumerate(range(len(found)))) if len(truth) == len(found) else align(truth, found)
    for gi, pi in pairs:
        if pi is None:
            continue
        g = truth[gi] if gi is not None else {}
        p, letter = found[pi], doc.letters[pi]
        spans = field_spans(doc, letter)
        for field in SCALAR_FIELDS + ("recipients",):
            key = "signatory.name" if field == "signatory" else field
            read = _value(p, key)
            want = _value(g, key)
            if read is None:
                missed += want is not None
                continue
            if field not in spans:
                continue
            ev = letter.evidence.get(field)
            out.append(Rated(f"{name} L{pi + 1}", field, unit_confidences(doc, spans[field]),
                             ev.confidence if ev else 1.0, read != want, read, want))
        dates = [t["deadline"]["date"] for t in g.get("tasks", []) if t.get("deadline")]
        for k, task in enumerate(letter.tasks):
            d = task.deadline
            if d is None or d.span is None:
                continue
            read = d.date.isoformat() if d.date else None
            out.append(Rated(f"{name} L{pi + 1}", f"tasks[{k}].deadline", unit_confidences(doc, d.span), 1.0,
                             read not in dates, read, dates))
    return out, missed


def _value(letter: dict, key: str):
    if key == "recipients":
        joined = "".join(letter.get("recipients") or [])
        return canon(joined) if joined else None
    return scalar(letter, key)


def real_scans(folder: Path) -> list[tuple[str, Path, str]]:
    return [(p.stem, p, p.with_suffix(".gt.txt").read_text("utf-8")) for p in sorted(folder.glob("*.pdf"))
            if p.with_suffix(".gt.txt").exists()]


def generated_scans(count: int, seed: int, tmp: Path) -> list[tuple[str, Path, str]]:
    from corpus.scangen import ScanStyle, letter_texts, render_letter_pdf

    out = []
    for i, (stem, text) in enumerate(letter_texts(ROOT / "corpus" / "letters")[:count]):
        pdf = tmp / f"{stem}.pdf"
        truth = render_letter_pdf(text, pdf, ScanStyle.random(seed=i + seed))
        out.append((stem, pdf, truth))
    return out


def score(rows: list[Rated], how: str, threshold: float) -> tuple[int, int, int, int]:
    """(flagged and wrong, flagged, wrong, rated) over the rows that have an OCR confidence."""
    tp = flagged = wrong = n = 0
    for r in rows:
        c = r.confidence(how)
        if c is None:
            continue
        n += 1
        low = c < threshold
        flagged += low
        wrong += r.wrong
        tp += low and r.wrong
    return tp, flagged, wrong, n


def report(title: str, rows: list[Rated], missed: int) -> None:
    wrong = sum(r.wrong for r in rows)
    print(f"\n{title}: {len(rows)} fields read, {wrong} wrong ({wrong / max(1, len(rows)):.0%}); "
          f"{missed} truth fields not read at all (cannot be flagged)")
    by_name: dict[str, list[int]] = {}
    for r in rows:
        k = "deadline" if r.name.startswith("tasks[") else r.name
        by_name.setdefault(k, [0, 0])[0] += 1
        by_name[k][1] += r.wrong
    print("  wrong by field: " + ", ".join(f"{k} {w}/{n}" for k, (n, w) in by_name.items()))
    print(f"  {'how':7} {'thr':>4}  {'precision':>9} {'recall':>7} {'F1':>5} {'flagged':>8}")
    for how in (*AGGREGATES, "mean"):
        for t in THRESHOLDS:
            tp, flagged, wr, n = score(rows, how, t)
            p = tp / flagged if flagged else 1.0
            rc = tp / wr if wr else 1.0
            f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
            print(f"  {how:7} {t:4.2f}  {p:9.2f} {rc:7.2f} {f1:5.2f} {flagged:4d}/{n:<4d}")


def run(label: str, scans, cache: Path | None, config: Config, show: bool) -> list[Rated]:
    rows: list[Rated] = []
    missed = 0
    t0 = time.perf_counter()
    for name, pdf, truth in scans:
        doc = extract_raw(ocr_raw(pdf, cache, config))
        got, miss = rated_fields(name, doc, truth)
        rows += got
        missed += miss
        if show:
            for r in got:
                c = r.confidence("min")
                mark = "WRONG" if r.wrong else "ok   "
                print(f"  {r.where:24} {r.name:18} {mark} min {c if c is None else f'{c:.2f}'} "
                      f"read {str(r.read)[:40]!r} truth {str(r.truth)[:40]!r}", flush=True)
    report(f"{label} ({len(scans)} scans, {time.perf_counter() - t0:.0f} s)", rows, missed)
    return rows


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", type=Path, default=SAMPLES)
    ap.add_argument("--letters", type=int, default=30, help="generated scans (0: none)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cache", type=Path, help="keep OCR results here between runs")
    ap.add_argument("--show", action="store_true", help="print every rated field")
    args = ap.parse_args(argv)
    # the sample scans carry a scanner's text layer: ignore it, every page is OCRed
    config = Config(text_layer_min_chars=10**9)
    rows = run("real scans", real_scans(args.samples), args.cache, config, args.show)
    if args.letters:
        with tempfile.TemporaryDirectory() as tmp:
            gen = run("generated scans", generated_scans(args.letters, args.seed, Path(tmp)), args.cache, config,
                      args.show)
        report("all scans", rows + gen, 0)
    if MAP_TIMES:
        print(f"\nmap_ocr_words: {len(MAP_TIMES)} OCR pages, mean {1000 * sum(MAP_TIMES) / len(MAP_TIMES):.2f} ms/page, "
              f"max {1000 * max(MAP_TIMES):.2f} ms/page")


if __name__ == "__main__":
    main()
