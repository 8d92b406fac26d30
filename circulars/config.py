"""The one frozen configuration object. Components receive it; none reads globals."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path


def default_home() -> Path:
    """Per-user data directory: $CIRCULARS_HOME, else $XDG_DATA_HOME/circulars, else ~/.local/share/circulars."""
    env = os.environ.get("CIRCULARS_HOME")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "circulars"


@dataclass(frozen=True)
class SinkConfig:
    """One tracker sink from the ``[sinks.NAME]`` tables of circulars.toml."""

    name: str
    type: str  # jsonl | csv | ics | caldav | webhook
    path: Path | None = None  # file sinks
    url: str | None = None  # caldav calendar URL, webhook URL
    username: str | None = None
    password: str | None = None
    max_attempts: int = 8  # then the item is dead-lettered
    backoff_seconds: float = 2.0  # first retry delay, doubled each attempt
    timeout_seconds: float = 10.0


DEFAULT_SINKS = (("tasks-jsonl", "jsonl", "exports/tasks.jsonl"), ("tasks-csv", "csv", "exports/tasks.csv"),
                 ("tasks-ics", "ics", "exports/tasks.ics"))


@dataclass(frozen=True)
class Config:
    home: Path = field(default_factory=default_home)
    max_file_bytes: int = 200 * 1024 * 1024
    # A text layer is trusted when at least this share of its characters are Thai,
    # Latin, digits, punctuation or space (the rest are glyph-mapping garbage).
    text_layer_min_quality: float = 0.85
    text_layer_min_chars: int = 20
    # A page that is a scan with an earlier OCR's layer on it (invisible text over an image,
    # as scanner software and PDF services write) is OCRed again when an engine is available:
    # such layers got the digits and codes wrong (docs/ocr-fields.md). False trusts them.
    reocr_invisible_layers: bool = True
    low_confidence: float = 0.6
    # The day letters are read (None: the clock's). A letter dated more than a year after it
    # has a damaged year (circulars.extractors.plausible).
    today: dt.date | None = None
    # A letter's field (reference, date, sender, subject, recipients, signatory, a task's
    # deadline) whose confidence is below this is listed in the letter's "check" for a clerk
    # (docs/confidence.md: chosen from the flag's precision and recall on real and generated scans).
    check_confidence: float = 0.5
    ocr_languages: str = "tha+eng"
    ocr_dpi: int = 300
    # OCR: "tesseract" (libtesseract in process, the tesseract program when the library will not
    # load), "tesseract-cli" (always the program), or "none" to leave scanned pages unread
    # (listed in needs_ocr).
    ocr_engine: str = "tesseract"
    ocr_workers: int = 0  # tesseract processes at once; 0 = one per core
    ocr_psm: int = 3  # tesseract page segmentation mode (3 measured better than 6 on the sample scans)
    ocr_digits: bool = True  # re-read Thai digits with the bundled classifier
    ocr_correct: bool = True  # dictionary post-correction of OCR text
    # Store, inbox and sinks (circulars.store, circulars.inbox, circulars.sinks); the file
    # <home>/circulars.toml sets them (see ``load_config``).
    db_url: str | None = None  # None: SQLite at <home>/circulars.db
    settle_seconds: float = 2.0  # a file is taken when its size and mtime held this long
    rescan_seconds: float = 60.0  # full rescan of the inbox
    sinks: tuple[SinkConfig, ...] = ()
    config_file: Path | None = None  # the TOML file read, when there was one

    @property
    def database_url(self) -> str:
        return self.db_url or f"sqlite:///{self.home / 'circulars.db'}"

    def with_(self, **changes) -> Config:
        return replace(self, **changes)


def _sink(name: str, table: dict, home: Path) -> SinkConfig:
    from .errors import UsageError

    kind = table.get("type")
    if kind not in ("jsonl", "csv", "ics", "caldav", "webhook"):
        raise UsageError(f"sink {name!r}: type must be jsonl, csv, ics, caldav or webhook, not {kind!r}")
    path = table.get("path")
    if kind in ("jsonl", "csv", "ics") and not path:
        raise UsageError(f"sink {name!r}: a {kind} sink needs a path")
    if kind in ("caldav", "webhook") and not table.get("url"):
        raise UsageError(f"sink {name!r}: a {kind} sink needs a url")
    known = {"type", "path", "url", "username", "password", "max_attempts", "backoff_seconds", "timeout_seconds"}
    if unknown := set(table) - known:
        raise UsageError(f"sink {name!r}: unknown keys {sorted(unknown)}")
    extra = {k: table[k] for k in ("url", "username", "password", "max_attempts", "backoff_seconds",
                                   "timeout_seconds") if k in table}
    return SinkConfig(name=name, type=kind, path=(home / Path(path).expanduser()) if path else None, **extra)


def load_config(config: Config | None = None, *, home: str | Path | None = None, db: str | None = None) -> Config:
    """``config`` with the settings of ``<home>/circulars.toml`` (when it exists) and then
    the explicit ``home``/``db`` (command-line options, which win). Without a ``[sinks]``
    table, the file sinks of ``DEFAULT_SINKS`` under ``<home>/exports/``."""
    import tomllib

    from .errors import UsageError

    config = config or Config()
    if home is not None:
        config = config.with_(home=Path(home).expanduser())
    file = config.home / "circulars.toml"
    data: dict = {}
    if file.is_file():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise UsageError(f"cannot read the configuration: {e}", path=file) from e
        config = config.with_(config_file=file)
    inbox = data.get("inbox", {})
    sinks = data.get("sinks")
    if sinks is None:
        sinks = {name: {"type": kind, "path": path} for name, kind, path in DEFAULT_SINKS}
    return config.with_(
        db_url=db or data.get("db") or config.db_url,
        settle_seconds=float(inbox.get("settle_seconds", config.settle_seconds)),
        rescan_seconds=float(inbox.get("rescan_seconds", config.rescan_seconds)),
        max_file_bytes=int(inbox.get("max_file_bytes", config.max_file_bytes)),
        sinks=tuple(_sink(name, table, config.home) for name, table in sinks.items()),
    )
