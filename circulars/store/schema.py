"""The store's tables (SQLAlchemy 2 declarative models). Migrations in ``migrations/``
create and change them; ``Base.metadata`` is only the reference the migrations follow.

Dates are ISO dates; times are timezone-aware UTC. JSON columns hold the contract JSON
(``circulars.contract``) so that nothing extracted is lost when a column is missing."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import JSON, BigInteger, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    """Naive UTC: stored the same way by SQLite and PostgreSQL."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict] = {dict[str, Any]: JSON, list[Any]: JSON}


class DocumentRow(Base):
    """One original file, by content. ``status`` is ``registered`` or ``failed`` (with ``error``)."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    original_name: Mapped[str] = mapped_column(Text)
    archive_path: Mapped[str] = mapped_column(Text)  # relative to <home>
    size: Mapped[int] = mapped_column(BigInteger)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    method: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="registered")
    error: Mapped[str | None] = mapped_column(Text)
    arrivals: Mapped[int] = mapped_column(Integer, default=1)
    warnings: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(), default=utcnow)
    processed_at: Mapped[dt.datetime] = mapped_column(DateTime(), default=utcnow)
    letters: Mapped[list[LetterRow]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                                    order_by="LetterRow.index")


class ArrivalRow(Base):
    """Each time a file with these bytes was seen. ``key`` (path, size, mtime) tells a new
    arrival from the same file seen again after a crash before it was moved."""

    __tablename__ = "arrivals"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of path, size and mtime
    path: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime(), default=utcnow)
    moved_to: Mapped[str | None] = mapped_column(Text)


class LetterRow(Base):
    __tablename__ = "letters"
    __table_args__ = (UniqueConstraint("document_id", "index"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    index: Mapped[int] = mapped_column(Integer)  # position in the file, 0-based (contract id L<index+1>)
    kind: Mapped[str] = mapped_column(Text)
    reference: Mapped[str | None] = mapped_column(Text, index=True)
    date: Mapped[dt.date | None] = mapped_column(Date)
    sender: Mapped[str | None] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(Text)
    recipients: Mapped[list[Any]] = mapped_column(default=list)
    urgency: Mapped[str | None] = mapped_column(Text)
    secrecy: Mapped[str | None] = mapped_column(Text)
    purpose: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column()  # the letter's contract JSON (corrections applied)
    document: Mapped[DocumentRow] = relationship(back_populates="letters")


class CitationRow(Base):
    """A citation (อ้างถึง) or an enclosure (สิ่งที่ส่งมาด้วย) of a letter."""

    __tablename__ = "citations"
    id: Mapped[int] = mapped_column(primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # cites | encloses
    text: Mapped[str] = mapped_column(Text)
    reference: Mapped[str | None] = mapped_column(Text, index=True)
    date: Mapped[dt.date | None] = mapped_column(Date)
    target_index: Mapped[int | None] = mapped_column(Integer)  # the letter of the same file it names


class LinkRow(Base):
    """An edge between two letters of one file."""

    __tablename__ = "links"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    source_index: Mapped[int] = mapped_column(Integer)
    target_index: Mapped[int] = mapped_column(Integer)
    relation: Mapped[str] = mapped_column(String(16))


class StampRow(Base):
    """A receiving-register stamp (เลขรับ / วันที่ / เวลา) on a letter."""

    __tablename__ = "stamps"
    id: Mapped[int] = mapped_column(primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"), index=True)
    number: Mapped[str | None] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date)
    time: Mapped[str | None] = mapped_column(Text)
    agency: Mapped[str | None] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text, default="")


class TaskRecord(Base):
    """A task by its stable id. The same letter in two files gives the same id: one task."""

    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[str] = mapped_column(String(64), unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    letter_index: Mapped[int | None] = mapped_column(Integer)  # None: a task of an attachment
    due: Mapped[dt.date | None] = mapped_column(Date, index=True)
    payload_hash: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column()  # task JSON + file, letter, reference, subject
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(), default=utcnow)


class CorrectionRow(Base):
    """A manual correction of one field, kept across ``reprocess``. ``target`` is
    ``task:<task id>`` or ``letter:<sha256>:<index>``."""

    __tablename__ = "corrections"
    __table_args__ = (UniqueConstraint("target", "field"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    target: Mapped[str] = mapped_column(String(200), index=True)
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(JSON)
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(DateTime(), default=utcnow)


class EventRow(Base):
    """Append-only log: who did what when (ingested, duplicate, failed, corrected, reprocessed, exported)."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(Text, index=True)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    subject: Mapped[str | None] = mapped_column(Text)  # a path, a task id, a sink
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class OutboxRow(Base):
    """One delivery of one version of a task to one sink: pending → sent, or dead after N
    failures (``circulars requeue`` makes it pending again). ``op`` is ``upsert`` or ``delete``
    (the task was withdrawn, ``payload_hash`` is then ``WITHDRAWN``); ``version`` grows with
    every delivery queued for the task."""

    __tablename__ = "outbox"
    __table_args__ = (UniqueConstraint("sink", "task_id", "payload_hash"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    sink: Mapped[str] = mapped_column(String(100), index=True)
    task_id: Mapped[str] = mapped_column(String(64), index=True)
    payload_hash: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(16), default="upsert", server_default="upsert")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try: Mapped[dt.datetime] = mapped_column(DateTime(), default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(), default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime())
