"""One exception tree for the library. Only the CLI (and later the web layer) turns
these into messages; every error names the file it concerns when there is one."""

from __future__ import annotations

from pathlib import Path


class CircularsError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | Path | None = None):
        self.path = str(path) if path is not None else None
        self.reason = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class UsageError(CircularsError):
    """The command was called wrongly (missing file, unknown option value)."""

    exit_code = 2


class InputError(CircularsError):
    """An input file cannot be read as a letter."""

    exit_code = 3


class EmptyInputError(InputError):
    """The file holds no bytes or no readable text."""


class UnsupportedFormatError(InputError):
    """No source engine accepts this kind of file."""


class EncodingError(InputError):
    """A text file is in no encoding we can decode as Thai text."""


class CorruptFileError(InputError):
    """A PDF or DOCX that will not open (damaged, truncated, encrypted)."""


class FileTooLargeError(InputError):
    """The file is larger than the configured limit."""


class EngineUnavailableError(CircularsError):
    """A source engine needs a program that is not installed (e.g. tesseract)."""

    exit_code = 4


class InvalidDateError(ValueError):
    """A date that cannot exist (๓๑ กุมภาพันธ์) or cannot be read. Not a CircularsError:
    extractors catch it and record the reason instead of guessing."""

    def __init__(self, reason: str, raw: str = ""):
        self.reason = reason
        self.raw = raw
        super().__init__(f"{reason}: {raw!r}" if raw else reason)


class StoreError(CircularsError):
    """The store (database or archive) cannot be opened or written."""

    exit_code = 5


class SinkError(CircularsError):
    """A tracker sink refused or could not take a delivery (retried from the outbox)."""

    exit_code = 6
