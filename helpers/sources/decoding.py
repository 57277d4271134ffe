"""Bytes of a file into text: UTF-8 first (a byte-order mark dropped), UTF-16 with its mark,
else the legacy encoding that reads as French; empty and binary files refused with a reason."""

from __future__ import annotations

import codecs
import re
import unicodedata

# Signatures of binary formats learners are likely to drop in a folder by mistake.
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (also .docx, .odt, .xlsx)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"\x1f\x8b": "a gzip archive",
    b"{\\rtf": "an RTF document",
}


# Letters and marks of French text that legacy encodings write with bytes 0x80–0xFF. Used to
# choose between decodings: the one with more of these and fewer oddities is the right one.
_FRENCH_MARKS = frozenset("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ’‘“”«»…–—€°\u00a0\u202f")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # not tab, line ends or form feed


class SkipFile(Exception):
    """Raised by the readers: this file is not a usable article (the message says why)."""


def _binary_kind(data: bytes) -> str | None:
    for magic, name in _MAGIC.items():
        if data.startswith(magic):
            return name
    if b"\x00" in data[:65536]:
        return "a binary file (it contains NUL bytes)"
    return None


def _french_score(text: str) -> int:
    """How French a decoding reads: French marks count for, other non-ASCII characters against."""
    return sum(1 if ch in _FRENCH_MARKS else -1 for ch in _NON_ASCII.findall(text))


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """Decode bytes that are not UTF-8: charset-normalizer's guess or cp1252, whichever reads
    as more French.

    Charset detection alone is unreliable on a short French text (it guesses cp1250 or UTF-16
    for a few lines of cp1252), and cp1252 — the Windows Western encoding, whose printable
    characters include all of Latin-1's — is what legacy French files almost always are.
    Cyrillic or Greek legacy files would come out wrong: save those as UTF-8.
    """
    from charset_normalizer import from_bytes

    candidates: list[tuple[str, str]] = []
    try:
        candidates.append((data.decode("cp1252"), "cp1252"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        candidates.append((str(best), codecs.lookup(best.encoding).name))
    if not candidates:
        return None
    # max() keeps the first of equal scores: cp1252 wins ties.
    return max(candidates, key=lambda c: _french_score(c[0]))


def _looks_binary(text: str) -> bool:
    """Many control characters: a binary file that happened to decode."""
    return len(_CONTROL.findall(text)) > max(2, len(text) // 100)


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Bytes of a text file → (text with ``\\n`` line ends, notes for the reader).

    Raises :class:`SkipFile` for an empty, whitespace-only or binary file.
    """
    if not data:
        raise SkipFile("empty file (0 bytes)")
    notes: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, notes = data.decode("utf-16"), ["decoded as UTF-16"]
    elif kind := _binary_kind(data):
        raise SkipFile(f"not a text file: {kind}")
    else:
        try:
            text = data.decode("utf-8-sig")  # -sig: a leading byte-order mark is dropped
        except UnicodeDecodeError:
            legacy = _decode_legacy(data)
            if legacy is None:
                raise SkipFile("cannot be decoded as text (not UTF-8 nor cp1252)") from None
            text, encoding = legacy
            notes.append(f"decoded as {encoding} (the file is not UTF-8)")
    if _looks_binary(text):
        raise SkipFile("not a text file: it is full of control characters (binary data?)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SkipFile("contains only whitespace")
    # Composed accents (é as one character, not e + accent), as in almost all French web text:
    # searches, lexicons and character offsets then agree on what "é" is.
    return unicodedata.normalize("NFC", text), notes
