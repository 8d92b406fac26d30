"""Ingest files into the store, and watch an inbox folder.

One file, in this order (a crash at any step loses nothing and duplicates nothing):

1. hash the bytes and copy them into the content-addressed archive (fsynced; idempotent);
2. read the archived copy with the pipeline (outside any transaction);
3. in one transaction: the document, its letters, tasks, stamps, citations and links, the
   arrival, the event, and one outbox item per sink for every new or changed task;
4. only then, in inbox mode, move the file to ``processed/`` (or ``failed/`` with
   ``<name>.error.txt``). A restart that finds the file again recognises the arrival
   (path, size, mtime) and only redoes the move.

The watcher takes a file only when its size and mtime held for ``settle`` seconds, rescans
the inbox at start and periodically, and never stops on a bad file."""

from __future__ import annotations

import hashlib
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .digest import sha256_file
from .errors import CircularsError, FileTooLargeError, StoreError
from .progress import Progress, null_progress
from .store import Store, repo
from .store.archive import archive_file, clean_temp, free_name, fsync_dir, write_durably

PROCESSED, FAILED = "processed", "failed"
IGNORED_SUFFIXES = (".tmp", ".part", ".crdownload", ".partial", ".error.txt", ".swp")


@dataclass
class Outcome:
    """What became of one file: registered | duplicate | known (seen before, e.g. before a
    crash) | failed | retry (a store error, a file that cannot be read now, or an interrupted
    read: the file stays where it is, to be tried again) | gone (removed meanwhile)."""

    path: Path
    status: str
    sha256: str | None = None
    reason: str | None = None
    letters: int = 0
    tasks: int = 0
    pages: int = 0
    moved_to: Path | None = None


@dataclass
class Arrival:
    path: Path
    size: int
    key: str
    sha256: str = ""
    archived: Path | None = None


def arrival_of(path: Path) -> Arrival:
    st = path.stat()
    key = hashlib.sha256(f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()
    return Arrival(path, st.st_size, key)


def never() -> bool:
    return False


def ingest_file(store: Store, path: Path, *, who: str, inbox: Path | None = None,
                progress: Progress = null_progress, interrupted: Callable[[], bool] = never) -> Outcome:
    """Register one file. With ``inbox``, move it to ``inbox/processed`` or ``inbox/failed`` after
    the commit. Store errors, files that cannot be read now (permissions, I/O) and a read that
    failed because the process is being stopped (``interrupted()``: e.g. SIGTERM also reached
    the OCR processes) are returned as status ``retry``: the file is left in place. Never raises
    for one file's sake."""
    path = Path(path)
    return _guarded(path, inbox, lambda: _ingest(store, path, who, progress, interrupted))


def _guarded(path: Path, inbox: Path | None, step: Callable[[], Outcome]) -> Outcome:
    """Run one step of one file (and the move, with ``inbox``); errors become outcomes."""
    try:
        outcome = step()
        if inbox is not None and path.exists() and outcome.status != "retry":
            outcome.moved_to = settle_file(path, inbox, outcome)
    except StoreError as e:
        return Outcome(path, "retry", reason=e.reason)
    except FileNotFoundError:
        return Outcome(path, "gone", reason="the file was removed before it was read")
    except OSError as e:
        return Outcome(path, "retry", reason=f"{type(e).__name__}: {e.strerror or e}")
    return outcome


def _ingest(store: Store, path: Path, who: str, progress: Progress, interrupted: Callable[[], bool]) -> Outcome:
    pre = _prepare(store, path, who, progress)
    if isinstance(pre, Outcome):
        return pre
    doc_json, reason = extract_archived(pre, store.config, progress)
    return _finish(store, pre, doc_json, reason, who, interrupted)


def _prepare(store: Store, path: Path, who: str, progress: Progress = null_progress) -> Outcome | Arrival:
    """Everything before reading: the size limit, the hash, a file seen before, the archive
    copy, a duplicate. Returns the outcome, or the archived arrival still to be read."""
    config = store.config
    arrival = arrival_of(path)
    if arrival.size > config.max_file_bytes:
        reason = FileTooLargeError(f"{arrival.size} bytes, more than the limit of {config.max_file_bytes}").reason
        with store.transaction() as s:
            repo.add_event(s, "rejected", who, subject=str(path), reason=reason, size=arrival.size)
        return Outcome(path, "failed", reason=reason)
    progress("hash", path=str(path))
    arrival.sha256 = sha256_file(path)
    with store.transaction() as s:
        seen = repo.find_arrival(s, arrival.key)
        doc = repo.find_document(s, arrival.sha256)
        if seen is not None and doc is not None:
            return Outcome(path, "known", doc.sha256, reason=doc.error, pages=doc.pages)
    arrival.archived = archive_file(config.home, path, arrival.sha256)
    if doc is not None:
        return _duplicate(store, arrival, who)
    return arrival


def _duplicate(store: Store, arrival: Arrival, who: str) -> Outcome:
    with store.transaction() as s:
        doc = repo.find_document(s, arrival.sha256)
        doc.arrivals += 1
        repo.add_arrival(s, doc, arrival.key, str(arrival.path))
        repo.add_event(s, "duplicate", who, sha=doc.sha256, subject=str(arrival.path), first=doc.original_name)
        return Outcome(arrival.path, "duplicate", doc.sha256, reason=doc.error)


def _finish(store: Store, arrival: Arrival, doc_json: dict | None, reason: str | None, who: str,
            interrupted: Callable[[], bool] = never) -> Outcome:
    """Commit what was read (or the reason it could not be)."""
    if doc_json is None and interrupted():  # not the file's fault: read it again next time
        return Outcome(arrival.path, "retry", arrival.sha256, reason=f"interrupted ({reason})")
    try:
        return _commit(store, arrival, doc_json, reason, who)
    except StoreError:
        with store.transaction() as s:  # another process registered the same bytes meanwhile
            if repo.find_document(s, arrival.sha256) is None:
                raise
        return _duplicate(store, arrival, who)


def extract_archived(arrival: Arrival, config: Config, progress: Progress) -> tuple[dict | None, str | None]:
    """The contract JSON of the archived copy, or the reason it cannot be read."""
    from .contract import document_json
    from .pipeline import extract_file

    try:
        doc = extract_file(arrival.archived, config, progress)
    except CircularsError as e:
        return None, e.reason
    except Exception as e:  # noqa: BLE001 - a bug in one extractor must not stop the inbox
        return None, f"internal error: {type(e).__name__}: {e}"
    doc.path = arrival.path.name
    return document_json(doc), None


def _commit(store: Store, arrival: Arrival, doc_json: dict | None, reason: str | None, who: str) -> Outcome:
    archive = str(arrival.archived.relative_to(store.config.home))
    with store.transaction() as s:
        doc = repo.new_document(s, sha=arrival.sha256, name=arrival.path.name, archive=archive, size=arrival.size)
        repo.add_arrival(s, doc, arrival.key, str(arrival.path))
        if doc_json is None:
            repo.mark_failed(doc, reason or "unreadable")
            repo.add_event(s, "failed", who, sha=doc.sha256, subject=str(arrival.path), reason=reason)
            return Outcome(arrival.path, "failed", doc.sha256, reason=reason)
        queued = repo.store_extraction(s, doc, doc_json, store.sink_names, who)
        tasks = repo.task_payloads(doc_json, doc.original_name)
        repo.add_event(s, "ingested", who, sha=doc.sha256, subject=str(arrival.path), letters=len(doc_json["letters"]),
                       tasks=len(tasks), queued=len(queued))
        return Outcome(arrival.path, "registered", doc.sha256, letters=len(doc_json["letters"]), tasks=len(tasks),
                       pages=doc.pages)


def settle_file(path: Path, inbox: Path, outcome: Outcome) -> Path | None:
    """Move the file out of the inbox: ``failed/`` (with ``<name>.error.txt``) when it cannot be
    read, else ``processed/``. A ``retry`` outcome stays."""
    if outcome.status == "retry":
        return None
    if outcome.reason is not None:
        folder = inbox / FAILED
        folder.mkdir(parents=True, exist_ok=True)
        target = free_name(folder, path.name)
        write_durably(folder / f"{target.name}.error.txt", f"{path.name}: {outcome.reason}\n"
                      f"sha256: {outcome.sha256 or '-'}\n")
    else:
        folder = inbox / PROCESSED
        folder.mkdir(parents=True, exist_ok=True)
        target = free_name(folder, path.name)
    os.replace(path, target)
    fsync_dir(folder)
    fsync_dir(path.parent)
    return target


# ----- many files, read on several cores --------------------------------------------------

def ingest_many(store: Store, paths: list[Path], *, who: str, move: bool = False, jobs: int = 1,
                stop: threading.Event | None = None, on_start: Callable[[Path], None] = lambda _p: None):
    """Register files in order, yielding each outcome. With ``jobs`` > 1 the files are read
    (text layers, OCR, extraction) by that many worker processes, each OCR-ing with its share
    of the cores, while this process hashes, archives and commits: one writer, the same
    guarantees as ``ingest_file``. The same bytes twice in the batch: the second waits for the
    first and is a duplicate. ``stop`` set: no new file is started, those being read are
    finished and committed. With ``move`` each file goes to processed/ or failed/ beside it."""
    stop = stop or threading.Event()
    if jobs <= 1 or len(paths) < 2:
        for p in paths:
            if stop.is_set():
                return
            on_start(p)
            yield ingest_file(store, Path(p), who=who, inbox=Path(p).parent if move else None,
                              interrupted=stop.is_set)
        return
    yield from _ingest_parallel(store, [Path(p) for p in paths], who, move, jobs, stop, on_start)


def _ingest_parallel(store: Store, paths: list[Path], who: str, move: bool, jobs: int, stop: threading.Event,
                     on_start: Callable[[Path], None]):
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    from .ocr.runner import worker_count

    config = store.config.with_(ocr_workers=max(1, worker_count(store.config.ocr_workers) // jobs))
    inflight: dict = {}
    waiting: dict[str, list[Arrival]] = {}  # sha256 being read → later arrivals of the same bytes
    todo = iter(paths)
    ctx = multiprocessing.get_context("spawn")  # not fork: this process has threads (the progress bar)
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_worker_init, initargs=(os.getpid(),)) as pool:
        while True:
            while len(inflight) < 2 * jobs and not stop.is_set():
                path = next(todo, None)
                if path is None:
                    break
                on_start(path)
                pre: list[Outcome | Arrival] = []
                out = _guarded(path, path.parent if move else None,
                               lambda p=path, b=pre: _step(b, _prepare(store, p, who)))
                if pre and isinstance(pre[0], Arrival):
                    arrival = pre[0]
                    if arrival.sha256 in waiting:
                        waiting[arrival.sha256].append(arrival)
                    else:
                        waiting[arrival.sha256] = []
                        inflight[pool.submit(_read_job, str(arrival.archived), arrival.path.name, config)] = arrival
                else:
                    yield out
            if not inflight:
                return
            done, _ = wait(inflight, return_when=FIRST_COMPLETED)
            for fut in done:
                arrival = inflight.pop(fut)
                try:
                    doc_json, reason = fut.result()
                except Exception as e:  # noqa: BLE001 - a worker that died: that file only
                    doc_json, reason = None, f"internal error: {type(e).__name__}: {e}"
                inbox = arrival.path.parent if move else None
                yield _guarded(arrival.path, inbox,
                               lambda a=arrival, d=doc_json, r=reason: _finish(store, a, d, r, who, stop.is_set))
                for dup in waiting.pop(arrival.sha256, []):
                    yield _guarded(dup.path, dup.path.parent if move else None,
                                   lambda a=dup: _duplicate(store, a, who))


def _step(box: list, pre: Outcome | Arrival) -> Outcome:
    """Keep what ``_prepare`` gave; an arrival still to be read is a placeholder outcome
    (status retry: ``_guarded`` does not move it)."""
    box.append(pre)
    return pre if isinstance(pre, Outcome) else Outcome(pre.path, "retry")


def _worker_init(parent: int) -> None:
    """A reading worker: Ctrl-C is for the parent (it finishes the batch); when the parent
    dies (SIGKILL) the worker dies too instead of lingering (Linux: PR_SET_PDEATHSIG)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before that
        os._exit(1)


def _read_job(archived: str, name: str, config: Config) -> tuple[dict | None, str | None]:
    arrival = Arrival(Path(name), 0, "", "", Path(archived))
    return extract_archived(arrival, config, null_progress)


# ----- watching -----------------------------------------------------------------------------

def eligible(path: Path, inbox: Path) -> bool:
    """A file directly in the inbox that is not hidden, temporary or our own."""
    name = path.name
    return (path.parent == inbox and not name.startswith((".", "~"))
            and not name.lower().endswith(IGNORED_SUFFIXES) and path.is_file())


@dataclass
class Candidate:
    size: int
    mtime_ns: int
    since: float


@dataclass
class Watcher:
    """Take stable files from ``inbox`` until ``stop`` is set. ``after_file`` is called after
    each file (the CLI reports it; the dispatcher delivers the outbox)."""

    store: Store
    inbox: Path
    who: str
    stop: threading.Event
    before_file: Callable[[Path], None] = lambda _p: None
    after_file: Callable[[Outcome], None] = lambda _o: None
    idle: Callable[[], None] = lambda: None
    poll: bool = False
    tick: float = 0.25
    progress: Progress = null_progress
    candidates: dict[Path, Candidate] = field(default_factory=dict)
    events: queue.SimpleQueue = field(default_factory=queue.SimpleQueue)

    retry_seconds: float = 5.0

    def run(self) -> None:
        self.inbox.mkdir(parents=True, exist_ok=True)
        # temporary files left by a process killed mid-copy or mid-write (an .error.txt)
        for folder in (self.store.config.home / "archive", self.inbox / PROCESSED, self.inbox / FAILED):
            clean_temp(folder)
        observer = self._observer()
        try:
            self._loop()
        finally:
            if observer is not None:
                observer.stop()
                observer.join(timeout=5)

    def _observer(self):
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver

        events = self.events

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                for p in (getattr(event, "src_path", None), getattr(event, "dest_path", None)):
                    if p:
                        events.put(Path(os.fsdecode(p)))

        observer = PollingObserver(timeout=1) if self.poll else Observer()
        try:
            observer.schedule(Handler(), str(self.inbox), recursive=False)
            observer.start()
        except OSError:  # e.g. inotify limits: the periodic rescan still finds every file
            return None
        return observer

    def _loop(self) -> None:
        rescan_every = self.store.config.rescan_seconds
        next_rescan = 0.0
        while not self.stop.is_set():
            now = time.monotonic()
            if now >= next_rescan:
                self.rescan()
                next_rescan = now + rescan_every
            self._drain()
            for path in self.ready(time.monotonic()):
                if self.stop.is_set():
                    return
                self._take(path)
            self.idle()
            self.stop.wait(self.tick)

    def rescan(self) -> None:
        try:
            names = sorted(self.inbox.iterdir())
        except OSError:
            return
        for p in names:
            self._see(p)

    def _drain(self) -> None:
        while True:
            try:
                self._see(self.events.get_nowait())
            except queue.Empty:
                return

    def _see(self, path: Path) -> None:
        try:
            if not eligible(path, self.inbox):
                self.candidates.pop(path, None)
                return
            st = path.stat()
        except OSError:
            self.candidates.pop(path, None)
            return
        old = self.candidates.get(path)
        if old is None or (old.size, old.mtime_ns) != (st.st_size, st.st_mtime_ns):
            self.candidates[path] = Candidate(st.st_size, st.st_mtime_ns, time.monotonic())

    def ready(self, now: float) -> list[Path]:
        """Candidates whose size and mtime held for the settle delay (re-checked now)."""
        settle = self.store.config.settle_seconds
        out = []
        for path, cand in list(self.candidates.items()):
            self._see(path)
            fresh = self.candidates.get(path)
            if fresh is not None and fresh is cand and now - cand.since >= settle:
                out.append(path)
        return sorted(out, key=lambda p: self.candidates[p].since)

    def _take(self, path: Path) -> None:
        cand = self.candidates.pop(path, None)
        self.before_file(path)
        try:
            outcome = ingest_file(self.store, path, who=self.who, inbox=self.inbox, progress=self.progress,
                                  interrupted=self.stop.is_set)
        except Exception as e:  # noqa: BLE001 - a bug must not stop the watcher; the file stays
            outcome = Outcome(path, "retry", reason=f"internal error: {type(e).__name__}: {e}")
        if outcome.status == "retry" and cand is not None:  # e.g. the store is unreachable: later
            self.candidates[path] = Candidate(cand.size, cand.mtime_ns, time.monotonic() + self.retry_seconds)
        self.after_file(outcome)


# ----- reprocess ----------------------------------------------------------------------------

def reprocess(store: Store, who: str, *, only: list[str] | None = None,
              progress: Progress = null_progress) -> dict[str, int]:
    """Re-run extraction on the archived originals (all, or those whose sha256 starts with one
    of ``only``), keeping manual corrections; changed tasks are queued for the sinks."""
    from sqlalchemy import select

    from .store.schema import DocumentRow

    with store.transaction() as s:
        docs = [(d.sha256, d.original_name, d.archive_path, d.status) for d in s.scalars(select(DocumentRow))]
    if only:
        docs = [d for d in docs if any(d[0].startswith(p) for p in only)]
    counts = {"reprocessed": 0, "with changed tasks": 0, "failed": 0, "missing originals": 0}
    for n, (sha, name, archive, _status) in enumerate(docs):
        progress("reprocess", path=name, done=n, total=len(docs))
        result = _reprocess_one(store, who, sha, name, store.config.home / archive, progress)
        counts["reprocessed"] += result != "missing originals"
        if result != "unchanged":
            counts[result] += 1
    return counts


def _reprocess_one(store: Store, who: str, sha: str, name: str, archived: Path, progress: Progress) -> str:
    if not archived.is_file():
        return "missing originals"
    arrival = Arrival(Path(name), archived.stat().st_size, "", sha, archived)
    doc_json, reason = extract_archived(arrival, store.config, progress)
    with store.transaction() as s:
        doc = repo.find_document(s, sha)
        if doc_json is None:
            repo.mark_failed(doc, reason or "unreadable")
            repo.add_event(s, "reprocessed", who, sha=sha, subject=name, failed=reason)
            return "failed"
        queued = repo.store_extraction(s, doc, doc_json, store.sink_names, who)
        repo.add_event(s, "reprocessed", who, sha=sha, subject=name, changed=queued)
    return "with changed tasks" if queued else "unchanged"
