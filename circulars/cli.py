"""The ``circulars`` command. The only place (with the web layer) that turns errors into messages."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from . import __version__
from .config import Config
from .errors import CircularsError, UsageError

SUFFIXES = {".txt", ".text", ".docx", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def expand(paths: list[str]) -> list[Path]:
    """Files as given, and folders expanded to the letter files in them (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        elif p.exists():
            out.append(p)
        else:
            raise UsageError("no such file or folder", path=p)
    return out


def _progress_iter(files: list[Path], label: str) -> Iterator[Path]:
    if len(files) < 2 or not sys.stderr.isatty():
        yield from files
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(label, total=len(files))
        for f in files:
            bar.update(task, description=f"{label} {f.name}")
            yield f
            bar.advance(task)


def run_batch(files: list[Path], config: Config, each: Callable[[Path], None], label: str) -> int:
    """Run ``each`` over the files; an error names the file, the rest of the batch goes on."""
    worst = 0
    for f in _progress_iter(files, label):
        try:
            each(f)
        except CircularsError as e:
            print(f"circulars: {e}", file=sys.stderr)
            worst = max(worst, e.exit_code)
        except Exception as e:  # noqa: BLE001 - a bug must not stop the batch; it is reported with the file
            print(f"circulars: {f}: internal error: {type(e).__name__}: {e}", file=sys.stderr)
            worst = max(worst, 1)
    return worst


def cmd_extract(args, config: Config) -> int:
    from .contract import document_json, validate
    from .display import document_summary
    from .pipeline import extract_file

    files = expand(args.files)
    many = len(files) > 1

    def each(f: Path) -> None:
        doc = extract_file(f, config)
        if args.json:
            obj = document_json(doc)
            if args.validate:
                validate(obj)
            print(json.dumps(obj, ensure_ascii=False, indent=None if many else 2))
        else:
            print(document_summary(doc) + ("\n" if many else ""))

    return run_batch(files, config, each, "อ่าน")


def cmd_text(args, config: Config) -> int:
    from .reading import read_text

    def each(f: Path) -> None:
        sys.stdout.write(read_text(f, config).rstrip("\n") + "\n")

    return run_batch(expand(args.files), config, each, "อ่าน")


def cmd_tasks(args, config: Config) -> int:
    from .display import task_table
    from .pipeline import extract_file
    from .taskexport import task_rows, to_csv, to_ics, to_jsonl

    docs = []
    code = run_batch(expand(args.files), config, lambda f: docs.append(extract_file(f, config)), "อ่าน")
    rows = task_rows(docs)
    if args.format == "jsonl":
        sys.stdout.write(to_jsonl(rows))
    elif args.format == "csv":
        sys.stdout.write(to_csv(rows))
    elif args.format == "ics":
        sys.stdout.buffer.write(to_ics(rows))
    else:
        from rich.console import Console

        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
        # a pipe or a file gets the table at a width that keeps the columns readable
        console = Console(width=None if sys.stdout.isatty() else 200, highlight=False)
        console.print(task_table(rows, today))
    return code


def cmd_eval(args, config: Config) -> int:
    from .evaluate import evaluate_folder, format_report

    report = evaluate_folder(Path(args.folder), config)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report, misses=args.misses))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="circulars", description="Read Thai official letters (หนังสือราชการ).")
    p.add_argument("--version", action="version", version=f"circulars {__version__}")
    p.add_argument("--max-mb", type=float, default=None, help="largest input file to accept, in MB (default 200)")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="extract letters, fields and tasks from files or folders")
    e.add_argument("files", nargs="+")
    e.add_argument("--json", action="store_true", help="print the circulars/document@1 JSON")
    e.add_argument("--no-validate", dest="validate", action="store_false",
                   help="do not check the JSON against the schema before printing")
    e.set_defaults(func=cmd_extract)
    t = sub.add_parser("text", help="print the normalised text the pipeline read")
    t.add_argument("files", nargs="+")
    t.set_defaults(func=cmd_text)
    k = sub.add_parser("tasks", help="list the tasks (deadlines) of files, sorted by due date")
    k.add_argument("files", nargs="+")
    k.add_argument("--format", choices=["table", "jsonl", "csv", "ics"], default="table")
    k.add_argument("--today", help="date for overdue marks (YYYY-MM-DD), default today")
    k.set_defaults(func=cmd_tasks)
    v = sub.add_parser("eval", help="score extraction against gold annotations (*.gold.json)")
    v.add_argument("folder", nargs="?", default="corpus")
    v.add_argument("--misses", action="store_true", help="list every miss")
    v.add_argument("--json", action="store_true")
    v.set_defaults(func=cmd_eval)
    from .cli_store import register as _register_store; _register_store(sub)  # noqa: I001 - store commands
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    config = Config()
    if args.max_mb is not None:
        config = config.with_(max_file_bytes=int(args.max_mb * 1024 * 1024))
    try:
        return args.func(args, config)
    except CircularsError as e:
        print(f"circulars: {e}", file=sys.stderr)
        return e.exit_code
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
