"""Records the pipeline produces. Plain dataclasses; ``circulars.contract`` turns a
Document into the JSON of ``document.schema.json``.

Every extracted value can carry an :class:`Evidence`: the raw text it was read from,
its span in the document's normalised text and a confidence in [0, 1]."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass(frozen=True)
class Evidence:
    raw: str
    span: Span
    confidence: float = 1.0
    note: str | None = None  # e.g. "prefix corrected from ขย", "weekday contradicts date"
    # OCR pages only: what the OCR confidences of the units under ``span`` give (see
    # circulars.confidence); ``confidence`` is then this combined with the extractor's own
    ocr_confidence: float | None = None


@dataclass
class Page:
    """One page of text as a source engine read it."""

    number: int  # 1-based
    text: str
    method: str  # text-layer | ocr | docx | text
    confidence: float | None = None  # mean OCR word confidence, None for born-digital text


@dataclass
class Reference:
    raw: str
    text: str
    prefix: str | None = None
    agency: str | None = None
    office: str | None = None
    circular: bool = False
    number: str | None = None
    kind: str = "letter"  # letter | order (ที่ n/yyyy without prefix)
    corrected_from: str | None = None  # OCR-confused prefix that was corrected
    span: Span | None = None
    confidence: float = 1.0


@dataclass
class Citation:
    text: str
    reference: Reference | None = None
    date: dt.date | None = None
    sender: str | None = None
    quantity: str | None = None  # enclosures: "จำนวน 1 ชุด"
    letter_index: int | None = None  # the letter of this file it names, when found
    span: Span | None = None


@dataclass
class Signatory:
    name: str | None = None
    position: str | None = None
    span: Span | None = None


@dataclass
class Contact:
    unit: str | None = None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    coordinator: str | None = None
    span: Span | None = None


@dataclass
class Stamp:
    """A receiving-register stamp (เลขรับ / วันที่ / เวลา)."""

    number: str | None = None
    date: dt.date | None = None
    time: str | None = None
    agency: str | None = None
    raw: str = ""
    span: Span | None = None


@dataclass
class Furniture:
    """Page furniture kept out of the fields: page-number, catchword, motto, endorsement, stamp."""

    kind: str
    text: str
    span: Span


@dataclass
class Deadline:
    kind: str  # by | range | recurring | relative | event
    date: dt.date | None
    text: str
    start: dt.date | None = None
    time: str | None = None
    rrule: str | None = None
    anchor: str | None = None
    span: Span | None = None
    confidence: float | None = None  # OCR pages only: from the OCR confidences of the words read


@dataclass
class Task:
    id: str
    action: str
    deadline: Deadline | None
    assignee: str | None = None
    report_to: str | None = None
    channels: list[str] = field(default_factory=list)
    evidence: str = ""
    span: Span | None = None
    addressed_to_receiver: bool = False


@dataclass
class Letter:
    kind: str  # external | internal | stamped | order | announcement | fax | other
    span: Span
    text: str
    pages: list[int] = field(default_factory=list)
    urgency: str | None = None
    secrecy: str | None = None
    reference: Reference | None = None
    date: dt.date | None = None
    sender: str | None = None
    subject: str | None = None
    recipients: list[str] = field(default_factory=list)
    cites: list[Citation] = field(default_factory=list)
    enclosures: list[Citation] = field(default_factory=list)
    signatory: Signatory | None = None
    contact: Contact | None = None
    received: list[Stamp] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    purpose: str | None = None  # จึงเรียนมาเพื่อ… : ทราบ / พิจารณา / ดำเนินการ
    body_span: Span | None = None  # from the first body line to the closing
    furniture: list[Furniture] = field(default_factory=list)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # e.g. an impossible date, with its reason
    # fields whose confidence is below Config.check_confidence, for a clerk to check
    # ("reference", "date", …, "tasks[0].deadline"); see circulars.confidence
    check: list[str] = field(default_factory=list)


@dataclass
class Attachment:
    title: str | None
    span: Span
    text: str
    pages: list[int] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    refers_to: Reference | None = None  # "ตามหนังสือ … ที่ มท 0812/ว 8963"
    owner: int | None = None  # index of the letter it belongs to
    furniture: list[Furniture] = field(default_factory=list)


@dataclass
class Link:
    source: int
    target: int
    relation: str  # cites | encloses | forwards | replies


@dataclass
class PageWords:
    """The OCR units of one page and, for each character of the page's text in
    ``Document.text`` (from ``start``), the index of the unit it was read from (-1: none)."""

    number: int  # 1-based page number
    start: int  # offset of the page's text in Document.text
    confidences: list[float]  # per unit, 0–1
    char_units: list[int]


@dataclass
class Document:
    path: str
    sha256: str
    method: str
    pages: list[Page]
    text: str  # normalised text of all pages, joined with form feeds
    page_starts: list[int] = field(default_factory=list)
    letters: list[Letter] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ocr_words: dict[int, PageWords] = field(default_factory=dict)  # OCR pages only, by page number

    def page_of(self, offset: int) -> int:
        """1-based page number holding a character offset of ``text``."""
        page = 1
        for i, start in enumerate(self.page_starts):
            if offset >= start:
                page = i + 1
        return page
