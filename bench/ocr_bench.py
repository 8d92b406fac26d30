"""OCR benchmark (not a test): speed against plain tesseract, CER, Thai-digit accuracy and
reference/date exactness, on generated scans (corpus/scangen.py) and on the real samples.

    .venv/bin/python bench/ocr_bench.py prep    [--samples DIR]         # preprocessing × psm grid, CER
    .venv/bin/python bench/ocr_bench.py real    [--samples DIR]         # CER/digits, pipeline vs plain
    .venv/bin/python bench/ocr_bench.py gen     [--letters N]           # generated scans: digits, fields
    .venv/bin/python bench/ocr_bench.py speed   [--samples DIR]         # pages/s on 1 core vs all, floor
    .venv/bin/python bench/ocr_bench.py fresh   [--rounds N]            # fresh `circulars text` vs floor

Figures go into docs/ocr.md by hand."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from circulars.config import Config
from circulars.ocr import OcrSettings, Prep, make_engine, run_pages, worker_count
from circulars.ocr.metrics import cer, digit_pairs
from circulars.sources.pdf import read_text_layers, render_pages

ENGINE = make_engine(Config())  # what the pipeline uses (main() sets it from --engine)
SAMPLES = ROOT.parent / "shared" / "samples" / "scans"
PREPS = {
    "gray": Prep(binarize=False, remove_lines=False, deskew_above=None),
    "otsu": Prep(binarize=True, remove_lines=False, deskew_above=None),
    "otsu+rules": Prep(binarize=True, remove_lines=True, deskew_above=None),
    "otsu+rules+deskew>0.3": Prep(binarize=True, remove_lines=True, deskew_above=0.3),
}


def samples(folder: Path) -> list[tuple[Path, str]]:
    return [(p, p.with_suffix(".gt.txt").read_text("utf-8")) for p in sorted(folder.glob("*.pdf"))
            if p.with_suffix(".gt.txt").exists()]


def pdf_images(path: Path, dpi: int = 300):
    return render_pages(path, list(range(1, len(read_text_layers(path)) + 1)), dpi)


def ocr_pdf(path: Path, settings: OcrSettings, workers: int = 0) -> str:
    return "\n".join(p.text for p in run_pages(pdf_images(path), ENGINE, settings, workers=workers))


def ocr_first_pages(paths: list[Path], settings: OcrSettings) -> dict[str, str]:
    """First page of every file, all through one parallel run (the samples are one page each)."""
    images = (next(iter(pdf_images(p))) for p in paths)
    return {p.name: page.text for p, page in zip(paths, run_pages(images, ENGINE, settings))}


def plain_tesseract(image_path: Path, psm: int = 3) -> str:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    cmd = ["tesseract", str(image_path), "stdout", "-l", "tha+eng", "--psm", str(psm)]
    return subprocess.run(cmd, env=env, capture_output=True, check=True).stdout.decode("utf-8")


def score(texts: dict[str, str], truths: dict[str, str]) -> tuple[float, float]:
    """(mean CER, Thai-digit accuracy) over the files."""
    cers = [cer(texts[k], truth) for k, truth in truths.items()]
    right = total = 0
    for k, truth in truths.items():
        r, t = digit_pairs(texts[k], truth)
        right, total = right + r, total + t
    return sum(cers) / len(cers), right / max(1, total)


def cmd_prep(args) -> None:
    files = samples(args.samples)
    truths = {p.name: t for p, t in files}
    for psm in (3, 6):
        for name, prep in PREPS.items():
            settings = OcrSettings(psm=psm, prep=prep, digits=False, correct=False)
            texts = ocr_first_pages([p for p, _ in files], settings)
            c, d = score(texts, truths)
            print(f"psm {psm}  {name:24s} CER {c:.3f}  Thai digits {d:.3f}", flush=True)


def cmd_real(args) -> None:
    files = samples(args.samples)
    truths = {p.name: t for p, t in files}
    runs = {
        "plain (psm 3, gray)": OcrSettings(prep=PREPS["gray"], digits=False, correct=False),
        "+ preprocessing": OcrSettings(digits=False, correct=False),
        "+ digits": OcrSettings(correct=False),
        "+ post-correction (full)": OcrSettings(),
    }
    for name, settings in runs.items():
        texts = ocr_first_pages([p for p, _ in files], settings)
        c, d = score(texts, truths)
        print(f"{name:28s} CER {c:.3f}  Thai digits {d:.3f}", flush=True)
        if args.show:
            for k, truth in truths.items():
                print(f"   {k}: CER {cer(texts[k], truth):.3f}")


def _floor(pngs: list[Path], workers: int) -> float:
    """The floor: the tesseract program, one process per page, ``workers`` at a time."""
    t = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(plain_tesseract, pngs))
    return time.perf_counter() - t


def _pipeline(pdf: Path, workers: int) -> float:
    """Wall time of circulars' OCR of one multi-page scan (render, preprocess, OCR, digits, correction)."""
    t = time.perf_counter()
    list(run_pages(pdf_images(pdf), ENGINE, OcrSettings(), workers=workers))
    return time.perf_counter() - t


def combined_pdf(pdfs: list[Path], out: Path) -> Path:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    for p in pdfs:
        doc.import_pages(pdfium.PdfDocument(str(p)))
    doc.save(str(out))
    return out


@contextmanager
def on_cores(n: int):
    """Run this process (its threads, and the tesseract programs it starts) on ``n`` of the
    cores it may use: "one core" is one core, not one worker beside an idle second core
    that renders pages and collects garbage for it."""
    allowed = os.sched_getaffinity(0)
    os.sched_setaffinity(0, sorted(allowed)[:n])
    try:
        yield
    finally:
        os.sched_setaffinity(0, allowed)


def _speed_line(label: str, n: int, floor: float, ours: float) -> None:
    print(f"{label}, {n} pages: plain tesseract {floor / n:.2f} s/page ({n / floor:.2f} pages/s); "
          f"circulars {ours / n:.2f} s/page ({n / ours:.2f} pages/s); ratio {ours / floor:.2f}", flush=True)


def cmd_speed(args) -> None:
    """Rounds of the floor and the pipeline on one core (pinned), with one worker and all
    cores free, and one worker per core; per round, how much faster all cores are than one.
    The machine's load drifts from minute to minute: the medians over rounds are the figures."""
    from statistics import median

    pdfs = [p for p, _ in samples(args.samples)] if not args.pdf else args.pdf
    with tempfile.TemporaryDirectory() as tmp:
        pngs = []
        for p in pdfs:
            for i, img in enumerate(pdf_images(p)):
                pngs.append(Path(tmp) / f"{p.stem}-{i}.png")
                img.save(pngs[-1])
        n, cores = len(pngs), worker_count()
        scan = combined_pdf(pdfs, Path(tmp) / "all.pdf")
        print(f"engine {ENGINE.name}", flush=True)
        gains: dict[str, list[float]] = {"plain": [], "circulars": []}
        for r in range(args.rounds):
            with on_cores(1):
                one = (_floor(pngs, 1), _pipeline(scan, 1))
            _speed_line(f"round {r + 1}: 1 core", n, *one)
            if cores == 1:
                continue
            _speed_line(f"round {r + 1}: 1 worker, all cores free", n, _floor(pngs, 1), _pipeline(scan, 1))
            floor, ours = _floor(pngs, cores), _pipeline(scan, cores)
            _speed_line(f"round {r + 1}: {cores} workers on {cores} cores", n, floor, ours)
            gains["plain"].append(one[0] / floor)
            gains["circulars"].append(one[1] / ours)
        if gains["plain"]:
            print(f"{cores} cores against 1, median of {args.rounds} rounds: plain tesseract "
                  f"{median(gains['plain']):.2f}x faster, circulars {median(gains['circulars']):.2f}x "
                  f"(range {min(gains['circulars']):.2f}–{max(gains['circulars']):.2f})", flush=True)


def _fresh_text(pdf: Path) -> float:
    """Wall time of ``circulars text PDF`` in a new process (start-up, rendering and all)."""
    exe = Path(sys.executable).with_name("circulars")
    t = time.perf_counter()
    subprocess.run([str(exe), "text", str(pdf)], capture_output=True, check=True)
    return time.perf_counter() - t


def image_only_pdf(pdfs: list[Path], out: Path) -> Path:
    """One PDF of the pages of ``pdfs`` as 300-dpi JPEG images and nothing else (the real
    samples carry an earlier OCR's text layer, which would decide for the pipeline which
    pages to OCR): a scan as a copier writes it."""
    images = [img for p in pdfs for img in pdf_images(p)]
    images[0].save(out, save_all=True, append_images=images[1:], resolution=300)
    return out


def cmd_fresh(args) -> None:
    """Rounds of the floor and a fresh ``circulars text`` run, one after the other (so both
    see the same machine load); the median of each and of the per-round ratio."""
    from statistics import median

    pdfs = [p for p, _ in samples(args.samples)] if not args.pdf else args.pdf
    with tempfile.TemporaryDirectory() as tmp:
        scan = image_only_pdf(pdfs, Path(tmp) / "scan.pdf")
        pngs = []
        for i, img in enumerate(pdf_images(scan)):  # the floor reads the pages circulars renders
            pngs.append(Path(tmp) / f"page-{i:03d}.png")
            img.save(pngs[-1])
        floors, ours = [], []
        for r in range(args.rounds):
            floors.append(_floor(pngs, worker_count()))
            ours.append(_fresh_text(scan))
            print(f"round {r + 1}: floor {floors[-1]:.2f} s, circulars text {ours[-1]:.2f} s, "
                  f"ratio {ours[-1] / floors[-1]:.2f}", flush=True)
        ratios = [o / f for o, f in zip(ours, floors)]
        print(f"{len(pngs)} pages, {worker_count()} cores, {args.rounds} rounds: floor median {median(floors):.2f} s, "
              f"circulars text median {median(ours):.2f} s; ratio median {median(ratios):.2f} "
              f"(range {min(ratios):.2f}–{max(ratios):.2f})")


def _gold_letters(folder: Path, stem: str) -> list[dict]:
    return json.loads((folder / f"{stem}.gold.json").read_text("utf-8"))["letters"]


def _field_misses(gold: list[dict], found: list[dict]) -> tuple[int, list[tuple[str, str, object, object]]]:
    """(letters, misses) of reference and date over all gold letters, aligned as ``circulars eval`` does."""
    from circulars.evaluate import align, scalar

    misses = []
    for gi, pi in align(gold, found):
        if gi is None:
            continue
        g, p = gold[gi], (found[pi] if pi is not None else {})
        for name in ("reference", "date"):
            if scalar(g, name) != scalar(p, name):
                misses.append((f"letter {gi}", name, g.get(name), scalar(p, name)))
    return len(gold), misses


def cmd_gen(args) -> None:
    from circulars.contract import document_json
    from circulars.pipeline import extract_file
    from corpus.scangen import ScanStyle, letter_texts, render_letter_pdf

    folder = ROOT / "corpus" / args.set
    letters = letter_texts(folder)
    if args.only:
        letters = [(i, stem, text) for i, (stem, text) in enumerate(letters) if any(o in stem for o in args.only)]
    else:
        letters = [(i, stem, text) for i, (stem, text) in enumerate(letters)][: args.letters]
    right = total = n = 0
    wrong = {"reference": 0, "date": 0}
    cers = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i, stem, text in letters:  # i: the file's place in the folder, so its scan style stays the same
            pdf = Path(tmp) / f"{stem}.pdf"
            truth = render_letter_pdf(text, pdf, ScanStyle.random(seed=i + args.seed))
            doc = extract_file(pdf, Config(ocr_engine=args.engine))
            hyp = "\f".join(p.text for p in doc.pages)
            cers.append(cer(hyp, truth))
            if args.keep:
                keep = Path(args.keep)
                keep.mkdir(parents=True, exist_ok=True)
                (keep / f"{stem}.gt.txt").write_text(truth, "utf-8")
                (keep / f"{stem}.ocr.txt").write_text(hyp, "utf-8")
                (keep / pdf.name).write_bytes(pdf.read_bytes())
            r, t = digit_pairs(hyp, truth)
            right, total = right + r, total + t
            k, misses = _field_misses(_gold_letters(folder, stem), document_json(doc)["letters"])
            n += k
            for _, name, _, _ in misses:
                wrong[name] += 1
            if args.show:
                print(f"  {stem}: CER {cers[-1]:.3f} digits {r}/{t}", flush=True)
                for where, name, g, p in misses:
                    print(f"      {where} {name}: gold {g!r} read {p!r}", flush=True)
    print(f"{len(letters)} generated scans of corpus/{args.set} ({time.perf_counter() - t0:.0f} s): "
          f"CER {sum(cers) / len(cers):.3f}; Thai digits {right}/{total} = {right / max(1, total):.3f}; "
          f"reference exact {n - wrong['reference']}/{n}, date exact {n - wrong['date']}/{n} letters")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["prep", "real", "speed", "fresh", "gen"])
    ap.add_argument("--samples", type=Path, default=SAMPLES)
    ap.add_argument("--letters", type=int, default=30)
    ap.add_argument("--pdf", type=Path, nargs="*")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--rounds", type=int, default=5, help="speed, fresh: rounds run (medians reported)")
    ap.add_argument("--set", default="letters", help="gen: corpus folder (letters, heldout, blind)")
    ap.add_argument("--seed", type=int, default=0, help="gen: first scan style seed")
    ap.add_argument("--keep", help="gen: write each scan, its truth and the OCR text to this folder")
    ap.add_argument("--only", nargs="*", help="gen: only the corpus files whose names hold one of these")
    ap.add_argument("--engine", default="tesseract", choices=["tesseract", "tesseract-cli"],
                    help="Config.ocr_engine: libtesseract in process (the default) or the program per page")
    args = ap.parse_args(argv)
    global ENGINE
    ENGINE = make_engine(Config(ocr_engine=args.engine))
    {"prep": cmd_prep, "real": cmd_real, "speed": cmd_speed, "fresh": cmd_fresh, "gen": cmd_gen}[args.mode](args)


if __name__ == "__main__":
    main()
