"""The content-addressed archive of originals: ``<home>/archive/ab/cd/<sha256><suffix>``.

A copy is written to a temporary file in the same folder, fsynced, renamed into place and
the folder fsynced, so a crash leaves either no copy or a whole one; copying the same
bytes again finds the copy and does nothing. Originals are never modified."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from ..errors import StoreError

TEMP_PREFIX = ".tmp-"


def archive_dir(home: Path, sha: str) -> Path:
    return home / "archive" / sha[:2] / sha[2:4]


def find_archived(home: Path, sha: str) -> Path | None:
    folder = archive_dir(home, sha)
    if not folder.is_dir():
        return None
    for p in folder.iterdir():
        if p.name.startswith(sha):
            return p
    return None


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def archive_file(home: Path, src: Path, sha: str) -> Path:
    """The archived copy of ``src`` (whose content hashes to ``sha``), made when missing.
    Raises StoreError when the bytes read differ from ``sha`` (the file changed meanwhile)."""
    found = find_archived(home, sha)
    if found is not None:
        return found
    folder = archive_dir(home, sha)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{sha}{src.suffix.lower()[:16]}"
    tmp = folder / f"{TEMP_PREFIX}{sha}-{os.getpid()}"
    h = hashlib.sha256()
    try:
        with src.open("rb") as fin, tmp.open("wb") as fout:
            for block in iter(lambda: fin.read(1 << 20), b""):
                h.update(block)
                fout.write(block)
            fout.flush()
            os.fsync(fout.fileno())
        if h.hexdigest() != sha:
            raise StoreError("the file changed while it was being archived", path=src)
        os.replace(tmp, target)
        fsync_dir(folder)
    except OSError as e:
        raise StoreError(f"cannot archive: {e}", path=src) from e
    finally:
        tmp.unlink(missing_ok=True)
    return target


def clean_temp(folder: Path, *, recursive: bool = True) -> int:
    """Remove the temporary files (``.tmp-…-<pid>``) that a process killed mid-write left in
    ``folder``; those of a process still running are kept. Returns how many were removed."""
    removed = 0
    if not folder.is_dir():
        return 0
    for p in (folder.rglob if recursive else folder.glob)(f"{TEMP_PREFIX}*"):
        try:
            pid = int(p.name.rsplit("-", 1)[1])
        except (IndexError, ValueError):
            continue
        if pid != os.getpid() and _alive(pid):
            continue
        try:
            p.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def move_durably(src: Path, folder: Path, name: str | None = None) -> Path:
    """Move ``src`` into ``folder`` under a name not yet taken there; fsync both folders."""
    folder.mkdir(parents=True, exist_ok=True)
    target = free_name(folder, name or src.name)
    try:
        os.replace(src, target)
    except OSError:  # another file system: copy, then remove
        shutil.copy2(src, target)
        src.unlink()
    fsync_dir(folder)
    fsync_dir(src.parent)
    return target


def free_name(folder: Path, name: str) -> Path:
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 1
    while target.exists():
        target = folder / f"{stem}.{n}{suffix}"
        n += 1
    return target


def write_durably(path: Path, text: str) -> None:
    """Write a small text file atomically (temp, fsync, rename, fsync folder)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{TEMP_PREFIX}{path.name}-{os.getpid()}")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)
