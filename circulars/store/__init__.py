"""The store: SQLite by default (``<home>/circulars.db``, WAL), PostgreSQL by URL; the
content-addressed archive of originals under ``<home>/archive/``.

    store = open_store(config)
    with store.transaction() as s:
        repo.status(s)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ..config import Config
from ..errors import StoreError
from .engine import open_engine, redact, sessions

__all__ = ["Store", "open_store"]


@dataclass(frozen=True)
class Store:
    config: Config
    engine: Engine
    maker: sessionmaker[Session]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error. Database errors
        become StoreError."""
        try:
            with self.maker() as s, s.begin():
                yield s
        except SQLAlchemyError as e:
            raise StoreError(f"database error ({redact(self.config.database_url)}): "
                             f"{type(e).__name__}: {getattr(e, 'orig', None) or e}") from e

    @property
    def sink_names(self) -> list[str]:
        return [sink.name for sink in self.config.sinks]

    def close(self) -> None:
        self.engine.dispose()


def open_store(config: Config) -> Store:
    """Open (and create or migrate) the store the configuration names."""
    config.home.mkdir(parents=True, exist_ok=True)
    engine = open_engine(config.database_url)
    return Store(config, engine, sessions(engine))
