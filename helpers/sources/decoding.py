"""Bytes of a file into text, decided per article and said in a note when anything was guessed:

* UTF-8 first (a byte-order mark dropped);
* UTF-8 with a few bytes that are not (a cp1252 "é" pasted into a UTF-8 file, a mixed file): each
  bad byte is read as cp1252 and the note names it, so one stray byte never garbles the article;
* no valid UTF-8 at all: the legacy encoding that reads as French (cp1252 or charset-normalizer's
  guess);
* UTF-16 with its mark, or without one (recognised by its zero bytes);
* empty and binary files refused with a reason."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

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


def _script(ch: str) -> str:
    """The script a letter belongs to, from its Unicode name: LATIN, CYRILLIC, GREEK…"""
    return unicodedata.name(ch, "").split(" ", 1)[0]


_WORD = re.compile(r"\w+")


def _jumbled(text: str) -> int:
    """Accented Latin letters in words mostly made of them ("Ñåâåðîêîðåéñêèå": Russian read as
    cp1252); a French word has one or two accents among plain letters."""
    total = 0
    for word in _WORD.findall(text):
        n = sum(_script(ch) == "LATIN" for ch in _NON_ASCII.findall(word))
        if n >= 3 and 2 * n > len(word):
            total += n
    return total


def _french_score(text: str) -> int:
    """How well a decoding reads: French marks count for, other non-ASCII characters against,
    except the letters of one other script (a Russian or Greek text decoded right is all
    Cyrillic or Greek); words that are a jumble of accents count doubly against."""
    others = [ch for ch in _NON_ASCII.findall(text) if ch not in _FRENCH_MARKS]
    scripts = Counter(_script(ch) for ch in others if ch.isalpha())
    script, n = scripts.most_common(1)[0] if scripts else ("LATIN", 0)
    coherent = n if script != "LATIN" else 0
    french = len(_NON_ASCII.findall(text)) - len(others)
    return french - (len(others) - coherent) - 2 * _jumbled(text)


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """Decode bytes that are not UTF-8: charset-normalizer's guess or cp1252, whichever reads
    as more French.

    Charset detection alone is unreliable on a short French text (it guesses cp1250 or UTF-16
    for a few lines of cp1252), and cp1252 — the Windows Western encoding, whose printable
    characters include all of Latin-1's — is what legacy French files almost always are. A
    Russian or Greek legacy file reads right when charset-normalizer finds its encoding (its
    letters are then all of one script).
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


_ESCAPED = re.compile("[\udc80-\udcff]")  # a byte that was not UTF-8, kept by surrogateescape


def _as_cp1252(match: re.Match) -> str:
    return bytes([ord(match.group()) - 0xDC00]).decode("cp1252", errors="replace")


def repair_utf8(data: bytes) -> tuple[str, int, list[tuple[int, str]]] | None:
    """UTF-8 with its stray bytes read as cp1252: (text, how many bytes were repaired, the line
    and character of the first five), or None when the bytes hold no valid UTF-8 beyond ASCII
    (nothing says they are UTF-8). Linear in the size of ``data``."""
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    bad = [m.start() for m in _ESCAPED.finditer(text)]
    if len(_NON_ASCII.findall(text)) == len(bad):
        return None
    examples = [(text.count("\n", 0, i) + 1, _as_cp1252(_ESCAPED.match(text, i)))
                for i in bad[:5]]
    return _ESCAPED.sub(_as_cp1252, text), len(bad), examples


def _repair_note(count: int, examples: list[tuple[int, str]]) -> str:
    shown = ", ".join(f"'{ch}' on line {line}" for line, ch in examples)
    more = f" and {count - len(examples)} more" if count > len(examples) else ""
    bytes_were = "bytes that were not UTF-8 were" if count > 1 else "byte that was not UTF-8 was"
    return f"{count} {bytes_were} read as cp1252 ({shown}{more}): check the accents there"


def _utf16_without_mark(data: bytes) -> str | None:
    """Text saved as UTF-16 without a byte-order mark (some Windows tools): in French text most
    characters are ASCII, so every other byte is zero."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros = even.count(0) / len(even), odd.count(0) / max(1, len(odd))
    if zeros[1] > 0.3 and zeros[0] < 0.05:
        encoding = "utf-16-le"
    elif zeros[0] > 0.3 and zeros[1] < 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data[: len(data) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_text(data: bytes) -> tuple[str, list[str]]:
    """Text and notes of bytes that are not binary (see the module docstring for the order)."""
    try:
        return data.decode("utf-8-sig"), []  # -sig: a leading byte-order mark is dropped
    except UnicodeDecodeError:
        pass
    repaired = repair_utf8(data)
    if repaired is not None:
        return repaired[0], [_repair_note(*repaired[1:])]
    legacy = _decode_legacy(data)
    if legacy is None:
        raise SkipFile("cannot be decoded as text (not UTF-8 nor cp1252)")
    text, encoding = legacy
    return text, [f"decoded as {encoding} (the file is not UTF-8)"]


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Bytes of a text file → (text with ``\\n`` line ends, notes for the reader).

    Raises :class:`SkipFile` for an empty, whitespace-only or binary file.
    """
    if not data:
        raise SkipFile("empty file (0 bytes)")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text, notes = data.decode("utf-32"), ["decoded as UTF-32"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, notes = data.decode("utf-16", errors="replace"), ["decoded as UTF-16"]
    elif (utf16 := _utf16_without_mark(data)) is not None and not _looks_binary(utf16):
        text, notes = utf16, ["decoded as UTF-16 (the file has no byte-order mark)"]
    elif kind := _binary_kind(data):
        raise SkipFile(f"not a text file: {kind}")
    else:
        text, notes = _decode_text(data)
    if _looks_binary(text):
        raise SkipFile("not a text file: it is full of control characters (binary data?)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SkipFile("contains only whitespace")
    # Composed accents (é as one character, not e + accent), as in almost all French web text:
    # searches, lexicons and character offsets then agree on what "é" is.
    return unicodedata.normalize("NFC", text), notes
