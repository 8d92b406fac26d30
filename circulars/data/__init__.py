"""Thai knowledge as data files, loaded once with importlib.resources.

Code elsewhere holds logic only; every Thai word list it needs comes from here."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


def _read(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _tsv(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in _read(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))


@dataclass(frozen=True)
class Agency:
    code: str
    name: str
    kind: str  # ministry | province | other


@dataclass(frozen=True)
class Confusion:
    wrong: str
    right: str
    scope: str  # "line" or "any"


@cache
def months() -> tuple[tuple[int, str, str], ...]:
    """(number, full name, abbreviation with dots), January first."""
    return tuple((int(r["number"]), r["full"], r["abbreviation"]) for r in _tsv("months.tsv"))


@cache
def weekdays() -> tuple[tuple[int, str, str], ...]:
    """(Python weekday number, name without วัน, abbreviation); Monday is 0."""
    return tuple((int(r["number"]), r["full"], r["abbreviation"]) for r in _tsv("weekdays.tsv"))


@cache
def agency_codes() -> dict[str, Agency]:
    """The two-letter prefixes of reference numbers (รหัสตัวพยัญชนะ): the shared table plus
    the codes it lacks (agency_codes_extra.tsv)."""
    rows = _tsv("agency_codes.tsv") + _tsv("agency_codes_extra.tsv")
    return {r["code"]: Agency(r["code"], r["thai_name"], r["kind"]) for r in rows}


@cache
def ocr_confusions() -> tuple[Confusion, ...]:
    return tuple(Confusion(r["wrong"], r["right"], r["scope"]) for r in _tsv("ocr_confusions.tsv"))


@cache
def latin_lookalikes() -> dict[str, str]:
    """Latin character → the Thai letter the English model read it for."""
    return {r["latin"]: r["thai"] for r in _tsv("latin_lookalikes.tsv")}


@cache
def keywords() -> dict:
    return tomllib.loads(_read("keywords.toml"))


@cache
def schema() -> dict:
    """The output contract (a copy of shared/contract/document.schema.json)."""
    return json.loads(_read("document.schema.json"))


@cache
def task_words() -> dict:
    """Words that find deadlines and tasks (request markers, verbs, background openers,
    event, recurrence, relative-period, channel words and Thai number words)."""
    return tomllib.loads(_read("task_words.toml"))


@cache
def glyph_confusions() -> tuple[tuple[str, str], ...]:
    """Symmetric pairs of Thai glyphs OCR and readers confuse (data/glyph_confusions.tsv):
    letter pairs for reference prefixes (ขย → ชย), digit-letter pairs for numbers (ส for ๘)."""
    return tuple((r["a"], r["b"]) for r in _tsv("glyph_confusions.tsv"))
