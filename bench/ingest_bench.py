"""Ingest throughput of ``circulars ingest`` on SQLite and PostgreSQL.

    source scripts/pg-test-server.sh      # for the PostgreSQL rows (else they are skipped)
    .venv/bin/python bench/ingest_bench.py [--letters 300] [--scans DIR] [--jobs 1,2]

Inputs: ``--letters`` distinct text letters made from corpus/letters (each letter with other
reference numbers, so every file has its own tasks), and optionally a folder of scanned
PDFs (``--scans``, e.g. /work/shared/samples/scans), each page rendered to a PNG at 300 dpi
so that it takes the OCR route. Each row is a fresh store
(a new home; a new PostgreSQL database), the command run as a subprocess with the default
sinks (JSONL, CSV, ICS), timed from start to exit; then the same command again (every file
already known)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fault_run import CORPUS, ROOT, Database, _variant


def make_letters(folder: Path, n: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    letters = [p for p in sorted(CORPUS.glob("*.txt")) if not p.name.startswith("20_")]  # 20_ is TIS-620
    texts = [p.read_text(encoding="utf-8") for p in letters]
    seen: set[str] = set()
    k = 0
    while len(seen) < n:
        text = texts[k % len(texts)]
        for j in range(k // len(texts) // 10 + 1):
            text = _variant(text, k // len(texts) + j)
        if text not in seen:
            seen.add(text)
            (folder / f"{len(seen):04d}-{letters[k % len(letters)].name}").write_text(text, encoding="utf-8")
        k += 1
    return len(seen)


def rasterize(pdfs: list[Path], folder: Path, dpi: int = 300) -> list[str]:
    """Each page of the PDFs as a PNG image (no text layer: the OCR route)."""
    import pypdfium2

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for pdf in pdfs:
        doc = pypdfium2.PdfDocument(pdf)
        for i, page in enumerate(doc):
            target = folder / f"{pdf.stem}-{i + 1}.png"
            page.render(scale=dpi / 72).to_pil().convert("L").save(target)
            out.append(str(target))
        doc.close()
    return out


def ingest(home: Path, db: Database, paths: list[str], jobs: int) -> tuple[float, str]:
    env = {**os.environ, "CIRCULARS_HOME": str(home), "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "circulars.cli", "ingest", *paths, "--jobs", str(jobs)]
    if db.url:
        cmd += ["--db", db.url]
    t0 = time.monotonic()
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - t0
    if r.returncode not in (0, 3):
        raise SystemExit(f"ingest failed ({r.returncode}): {r.stderr}")
    return elapsed, r.stdout.splitlines()[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--letters", type=int, default=300)
    ap.add_argument("--scans", type=Path, help="a folder of scanned PDFs (OCR)")
    ap.add_argument("--jobs", default="1,2", help="worker processes to compare (default 1,2)")
    ap.add_argument("--db", default="sqlite,postgresql")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="circulars-ingest-"))
    inputs = []
    if args.letters:
        n = make_letters(work / "letters", args.letters)
        inputs.append((f"{n} text letters", [str(work / "letters")], n))
    if args.scans:
        scans = rasterize(sorted(args.scans.glob("*.pdf")), work / "scans")
        inputs.append((f"{len(scans)} scanned pages as PNG (OCR)", scans, len(scans)))
    rows = []
    for spec in args.db.split(","):
        if spec == "postgresql" and not os.environ.get("CIRCULARS_TEST_PG_URL"):
            print("skipping PostgreSQL: CIRCULARS_TEST_PG_URL is not set", file=sys.stderr)
            continue
        for label, paths, n in inputs:
            for jobs in (int(j) for j in args.jobs.split(",")):
                db = Database(spec)
                try:
                    home = work / f"home-{spec}-{jobs}-{len(rows)}"
                    first, summary = ingest(home, db, paths, jobs)
                    again, _ = ingest(home, db, paths, jobs)
                finally:
                    db.close()
                rows.append((db.label, label, jobs, first, n / first, again, summary))
                print(f"{db.label:<10} {label:<26} -j {jobs}: {first:6.1f} s ({n / first:5.1f} files/s), "
                      f"again {again:5.1f} s | {summary}", flush=True)
    print("\n| store | input | jobs | first ingest | files/s | again (all known) |\n| --- | --- | --- | --- | --- | --- |")
    for db_label, label, jobs, first, rate, again, _ in rows:
        print(f"| {db_label} | {label} | {jobs} | {first:.1f} s | {rate:.1f} | {again:.1f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
