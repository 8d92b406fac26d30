"""Store commands of ``circulars``: ingest, watch, status, reprocess, correct, deliver,
requeue, config.

Registered by ``circulars.cli.build_parser`` through ``register(sub)``. The only place
(with ``cli.py``) that prints; the library reports through callbacks and return values."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from .config import Config, load_config


def _common() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--home", help="data directory (default $CIRCULARS_HOME or ~/.local/share/circulars)")
    p.add_argument("--db", help="database URL, e.g. postgresql+psycopg://user:pw@host/db (default SQLite in --home)")
    return p


def register(sub) -> None:
    common = _common()
    i = sub.add_parser("ingest", parents=[common], help="register files and folders in the store")
    i.add_argument("paths", nargs="+")
    i.add_argument("--move", action="store_true",
                   help="move each file to processed/ or failed/ beside it after it is registered")
    i.add_argument("--no-deliver", dest="deliver", action="store_false", help="leave the outbox for later")
    i.add_argument("-j", "--jobs", type=int, default=0,
                   help="files read at once, each in its own process (default: one per core; 1: in this process)")
    i.set_defaults(func=cmd_ingest)
    w = sub.add_parser("watch", parents=[common], help="take files dropped into an inbox folder, until SIGTERM")
    w.add_argument("inbox")
    w.add_argument("--poll", action="store_true", help="poll the folder (network shares) instead of OS events")
    w.add_argument("--settle", type=float, help="seconds a file's size and mtime must hold (default 2)")
    w.add_argument("--rescan", type=float, help="seconds between full rescans (default 60)")
    w.add_argument("-v", "--verbose", action="store_true", help="also log when a file is taken")
    w.set_defaults(func=cmd_watch)
    s = sub.add_parser("status", parents=[common], help="what the store holds")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_status)
    r = sub.add_parser("reprocess", parents=[common],
                       help="re-run extraction on archived originals, keeping manual corrections")
    r.add_argument("sha256", nargs="*", help="only these documents (sha256 or a prefix)")
    r.add_argument("--no-deliver", dest="deliver", action="store_false", help="leave the outbox for later")
    r.set_defaults(func=cmd_reprocess)
    k = sub.add_parser("correct", parents=[common],
                       help="correct a field of a task or a letter (kept across reprocess; changed tasks are delivered)")
    k.add_argument("target", help="task:<task id> or letter:<sha256 or prefix>:<letter number, 1-based>")
    k.add_argument("field", help="task: action assignee report_to channels due time; letter: kind urgency secrecy "
                                 "reference date sender subject recipients purpose")
    k.add_argument("value", help='the new value (JSON for lists, e.g. \'["กองคลัง"]\'; "" or null to clear)')
    k.add_argument("--no-deliver", dest="deliver", action="store_false", help="leave the outbox for later")
    k.set_defaults(func=cmd_correct)
    d = sub.add_parser("deliver", parents=[common], help="deliver the outbox to the sinks now")
    d.add_argument("--wait", type=float, default=0, help="keep retrying due items for up to this many seconds")
    d.set_defaults(func=cmd_deliver)
    q = sub.add_parser("requeue", parents=[common], help="make dead-lettered outbox items pending again, then deliver")
    q.add_argument("task_ids", nargs="*", help="only these tasks (id or prefix)")
    q.add_argument("--sink", action="append", help="only this sink (repeatable)")
    q.add_argument("--wait", type=float, default=0, help="keep retrying due items for up to this many seconds")
    q.add_argument("--no-deliver", dest="deliver", action="store_false", help="leave the outbox for later")
    q.set_defaults(func=cmd_requeue)
    c = sub.add_parser("config", parents=[common], help="print the effective configuration")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_config)


def _config(args, base: Config) -> Config:
    return load_config(base, home=args.home, db=args.db)


def _open(args, base: Config):
    from .store import open_store

    return open_store(_config(args, base))


def _who(command: str) -> str:
    from .store.repo import actor

    return actor(command)


# ----- ingest -----------------------------------------------------------------------------

def cmd_ingest(args, base: Config) -> int:
    from .cli import expand
    from .inbox import ingest_many
    from .ocr.runner import worker_count
    from .sinks import Dispatcher
    from .store.archive import clean_temp

    files = expand(args.paths)
    store = _open(args, base)
    who = _who("ingest")
    clean_temp(store.config.home / "archive")
    stop = _stop_on_signals()
    start = time.monotonic()
    outcomes = []
    jobs = worker_count(args.jobs) if len(files) >= 8 else 1  # a worker's start costs ~0.5 s
    with _Bar(len(files)) as bar:
        for o in ingest_many(store, files, who=who, move=args.move, jobs=jobs, stop=stop, on_start=bar.start):
            outcomes.append(o)
            bar.done(o)
    elapsed = time.monotonic() - start
    report = Dispatcher(store, who).run_once() if args.deliver else None
    print(_summary(outcomes, elapsed, report))
    if stop.is_set():
        left = len(files) - sum(o.status != "retry" for o in outcomes)
        print(f"interrupted: {left} of {len(files)} files not read yet; run the same command again to resume "
              "(files already registered are recognised and skipped)")
        return 130
    return 0 if all(o.status in ("registered", "duplicate", "known", "gone") for o in outcomes) else 3


def _stop_on_signals() -> threading.Event:
    """SIGTERM or a first Ctrl-C: finish the current file, then stop; a second Ctrl-C: now."""
    stop = threading.Event()

    def first(signum, _frame) -> None:
        stop.set()
        if signum == signal.SIGINT:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        _err("stopping after the current file (Ctrl-C again to stop now)")

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, first)
    return stop


class _Bar:
    """A rich progress bar on stderr when it is a terminal: files done of all, pages read and
    pages/s, files/s, time left (estimated from the files done). Silent otherwise."""

    def __init__(self, total: int) -> None:
        self.total, self.pages, self.done_files, self.bar, self.task = total, 0, 0, None, None
        self.t0 = time.monotonic()

    def __enter__(self):
        if sys.stderr.isatty() and self.total >= 2:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                       TimeRemainingColumn())
            self.bar = Progress(*columns, console=Console(stderr=True), transient=True)
            self.bar.__enter__()
            self.task = self.bar.add_task("รับเข้า", total=self.total, rate="")
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def start(self, f: Path) -> None:
        if self.bar is not None:
            self.bar.update(self.task, description=f"รับเข้า {f.name[:40]}")

    def done(self, o) -> None:
        self.pages += o.pages
        self.done_files += 1
        if self.bar is not None:
            self.bar.update(self.task, advance=1, rate=self.rate())

    def rate(self) -> str:
        t = max(time.monotonic() - self.t0, 1e-6)
        return f"{self.pages} pages, {self.pages / t:.1f} pages/s, {self.done_files / t:.1f} files/s"


def _summary(outcomes, elapsed: float, report) -> str:
    n = Counter(o.status for o in outcomes)
    pages = sum(o.pages for o in outcomes if o.status == "registered")
    lines = [(f"registered {n['registered']}, duplicates {n['duplicate']}, already known {n['known']}, "
             f"failed {n['failed'] + n['retry']}  ({len(outcomes)} files, {pages} pages, {elapsed:.1f} s, "
             f"{len(outcomes) / max(elapsed, 1e-6):.1f} files/s, {pages / max(elapsed, 1e-6):.1f} pages/s)")]
    lines += [f"  failed: {o.path}: {o.reason}" for o in outcomes if o.status == "failed"]
    lines += [f"  not read, try again: {o.path}: {o.reason}" for o in outcomes if o.status == "retry"]
    lines += [f"  gone: {o.path}: {o.reason}" for o in outcomes if o.status == "gone"]
    if report is not None and report.total:
        lines.append(_delivered(report))
    return "\n".join(lines)


def _delivered(report) -> str:
    return ("delivered: " + ", ".join(f"{k} {v}" for k, v in sorted(report.sent.items()))
            + "".join(f"; {k}: {v} to retry" for k, v in sorted(report.retried.items()))
            + "".join(f"; {k}: {v} dead" for k, v in sorted(report.dead.items())))


# ----- watch ------------------------------------------------------------------------------

def cmd_watch(args, base: Config) -> int:
    from .inbox import Watcher
    from .sinks import Dispatcher

    config = _config(args, base)
    if args.settle is not None:
        config = config.with_(settle_seconds=args.settle)
    if args.rescan is not None:
        config = config.with_(rescan_seconds=args.rescan)
    from .store import open_store

    store = open_store(config)
    who = _who("watch")
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    dispatcher = Dispatcher(store, who)
    deliver = _deliverer(dispatcher)
    watcher = Watcher(store, Path(args.inbox), who, stop, after_file=lambda o: (_log(o), deliver(True)),
                      before_file=(lambda p: _err(f"taking {p.name}")) if args.verbose else (lambda _p: None),
                      idle=deliver, poll=args.poll)
    _err(f"watching {args.inbox} (settle {config.settle_seconds:g} s, rescan {config.rescan_seconds:g} s"
         f"{', polling' if args.poll else ''}); store {store.engine.url.render_as_string(hide_password=True)}")
    watcher.run()
    deliver(True)
    _err("stopped")
    return 0


def _deliverer(dispatcher):
    last = [0.0]

    def deliver(force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - last[0] < 1.0:
            return
        last[0] = now
        try:
            dispatcher.run_once()
        except Exception as e:  # noqa: BLE001 - a sink or the store failing must not stop the watcher
            _err(f"delivery: {type(e).__name__}: {e}")

    return deliver


def _log(o) -> None:
    extra = f" ({o.letters} letters, {o.tasks} tasks)" if o.status == "registered" else ""
    reason = f": {o.reason}" if o.reason else ""
    _err(f"{o.status} {o.path.name}{extra}{reason}")


def _err(text: str) -> None:
    print(f"circulars: {text}", file=sys.stderr, flush=True)


# ----- status, reprocess, deliver, config ---------------------------------------------------

def cmd_status(args, base: Config) -> int:
    from .store import repo

    store = _open(args, base)
    with store.transaction() as s:
        st = repo.status(s)
    if args.json:
        print(json.dumps(st, ensure_ascii=False, indent=2))
        return 0
    print(f"documents {st['documents']}, letters {st['letters']}, tasks {st['tasks']}, "
          f"duplicates seen {st['duplicates']}, failed files {st['failed']}, corrections {st['corrections']}")
    for f in st["failed_files"]:
        print(f"  failed: {f['name']} ({(f['sha256'] or 'not archived')[:12]}): {f['reason']}")
    for sink, states in sorted(st["outbox"].items()):
        print(f"  outbox {sink}: " + ", ".join(f"{k} {v}" for k, v in sorted(states.items())))
    for d in st["dead"][:20]:
        print(f"  dead: {d['sink']} {d['task_id']} after {d['attempts']} attempts: {d['error']}")
    if st["dead"]:
        print(f"  ({len(st['dead'])} dead items; `circulars requeue` delivers them again)")
    return 0


def cmd_reprocess(args, base: Config) -> int:
    from .inbox import reprocess
    from .sinks import Dispatcher

    store = _open(args, base)
    who = _who("reprocess")
    counts = reprocess(store, who, only=args.sha256)
    print(", ".join(f"{k} {v}" for k, v in counts.items()))
    if args.deliver:
        report = Dispatcher(store, who).run_once()
        if report.total:
            print(_delivered(report))
    return 0 if not counts.get("failed") else 3


def cmd_correct(args, base: Config) -> int:
    from .errors import UsageError
    from .sinks import Dispatcher
    from .store import repo
    from .store.schema import DocumentRow, TaskRecord

    store = _open(args, base)
    who = _who("correct")
    try:
        value = json.loads(args.value)
    except ValueError:
        value = args.value
    if value == "":
        value = None
    kind, _, rest = args.target.partition(":")
    with store.transaction() as s:
        if kind == "task":
            rows = list(s.scalars(select_prefix(TaskRecord, TaskRecord.task_id, rest)))
            if len(rows) != 1:
                raise UsageError(f"{len(rows)} tasks have an id starting {rest!r}; give more of it")
            target = f"task:{rows[0].task_id}"
        elif kind == "letter":
            prefix, _, number = rest.rpartition(":")
            docs = list(s.scalars(select_prefix(DocumentRow, DocumentRow.sha256, prefix)))
            if len(docs) != 1 or not number.isdigit() or not 1 <= int(number) <= len(docs[0].letters):
                raise UsageError(f"no single document {prefix!r} with a letter {number!r}")
            target = f"letter:{docs[0].sha256}:{int(number) - 1}"
        else:
            raise UsageError("the target is task:<task id> or letter:<sha256>:<letter number>")
        repo.correct(s, target, args.field, value, who, store.sink_names)
    print(f"corrected {target} {args.field} = {json.dumps(value, ensure_ascii=False)}")
    if args.deliver:
        report = Dispatcher(store, who).run_once()
        if report.total:
            print(_delivered(report))
    return 0


def select_prefix(model, column, prefix: str):
    from sqlalchemy import select

    return select(model).where(column.startswith(prefix, autoescape=True)).limit(2)


def cmd_requeue(args, base: Config) -> int:
    from .sinks import Dispatcher

    store = _open(args, base)
    dispatcher = Dispatcher(store, _who("requeue"))
    n = dispatcher.requeue(sinks=args.sink, task_ids=args.task_ids or None)
    print(f"requeued {n} dead items")
    if args.deliver and n:
        return _deliver_loop(dispatcher, args.wait)
    return 0


def cmd_deliver(args, base: Config) -> int:
    from .sinks import Dispatcher

    store = _open(args, base)
    return _deliver_loop(Dispatcher(store, _who("deliver")), args.wait)


def _deliver_loop(dispatcher, wait: float) -> int:
    deadline = time.monotonic() + wait
    total: Counter = Counter()
    while True:
        report = dispatcher.run_once()
        total.update(report.sent)
        if not dispatcher.pending() or time.monotonic() >= deadline:
            break
        time.sleep(0.2)
    with dispatcher.store.transaction() as s:
        from .store import repo

        dead = len(repo.status(s)["dead"])
    print("delivered: " + (", ".join(f"{k} {v}" for k, v in sorted(total.items())) or "nothing")
          + f"; pending {dispatcher.pending()}; dead {dead}")
    return 0


def cmd_config(args, base: Config) -> int:
    from .store.engine import redact

    config = _config(args, base)
    sinks = {c.name: {k: (str(v) if isinstance(v, Path) else ("***" if k == "password" and v else v))
                      for k, v in vars(c).items() if k != "name" and v is not None} for c in config.sinks}
    effective = {"home": str(config.home), "config_file": str(config.config_file or config.home / "circulars.toml"),
                 "config_file_exists": config.config_file is not None, "db": redact(config.database_url),
                 "inbox": {"settle_seconds": config.settle_seconds, "rescan_seconds": config.rescan_seconds,
                           "max_file_bytes": config.max_file_bytes}, "sinks": sinks}
    if args.json:
        print(json.dumps(effective, ensure_ascii=False, indent=2))
    else:
        print(_toml(effective))
    return 0


def _toml(eff: dict) -> str:
    def val(v) -> str:
        return json.dumps(v, ensure_ascii=False)

    lines = [f"# home = {eff['home']}", f"# file = {eff['config_file']}"
             + ("" if eff["config_file_exists"] else " (absent: defaults)"), f"db = {val(eff['db'])}", "", "[inbox]"]
    lines += [f"{k} = {val(v)}" for k, v in eff["inbox"].items()]
    for name, table in eff["sinks"].items():
        lines += ["", f"[sinks.{name}]"] + [f"{k} = {val(v)}" for k, v in table.items()]
    return "\n".join(lines)

