"""A disk cache for parsed articles, so that reopening a notebook does not parse them again.

Two kinds of entries, one file each, under ``$KURSK_CACHE_DIR`` (default: ``.cache/`` at the
repository root, ignored by git; ``~/.cache/kursk-reports`` for ``helpers`` installed outside a
checkout):

``docs/<fingerprint>/<text hash>.spacy``
    the spaCy ``Doc`` of one text, as a compressed ``DocBin`` (tokens, sentence starts, tags,
    morphology, lemmas, dependencies, entities with their ``ent_id_``). The fingerprint
    (:func:`fingerprint`) names the model and its version, spaCy's version, the pipe names and the
    files that shape a Doc (:func:`doc_inputs`: the pipeline's modules, the entity fixes, the
    French news lexicon of the actor ruler): a changed text, model or lexicon means another file
    name, so a stale entry is never read. No story is in a Doc: one parse serves every story.
``tables/<fingerprint>/article-<row hash>.json``, ``tables/<fingerprint>/corpus-<hash>.json``
    the claims and figures rows of one article, keyed by the whole corpus row (id, text, date,
    …); and the tables that compare articles (reliability signals, corroboration), keyed by
    every row of the corpus. Their fingerprint adds every module and data file of ``helpers/``
    and of the course story (``seeds/*.csv``, ``*.json``), the versions of Python, pandas,
    numpy, text2num and dateparser, and the story being analysed (:func:`story_fingerprint`:
    its data files and the learner's corrections to its actors) to the Docs' one:
    editing any of them recomputes the tables (the Docs stay valid).

The cache is never needed for a correct answer, and it can only be right or absent:

* every entry starts with a header line holding the SHA-256 of what follows; an entry whose
  bytes do not match it (a flipped bit, a cut file, an edit) is not read: it is computed again,
  with a :class:`CacheWarning` line saying so;
* nothing in it can run code when read: Docs are spaCy ``DocBin`` bytes, tables are JSON
  (:mod:`helpers.core.plain_tables`, dtypes restored), never pickles;
* an entry that cannot be read (missing, half-written, from another version) is a miss and is
  parsed again; a folder that cannot be written (read-only, full disk) turns the cache off for
  the rest of the run. Writes go to a temporary file in the same folder, then ``os.replace``: a
  reader sees the old entry or the new one, never half.

``fingerprints/<key>.txt``
    the Docs' fingerprint, filed under what can be known without loading the model
    (:func:`pipeline_key`: installed versions of spaCy and the model, the files above). A new
    kernel whose tables are all cached finds them without loading the model (a few seconds).

Old fingerprints are left behind; :func:`clear` removes everything.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from helpers import DATA_DIR, PACKAGE_DIR, REPO_DIR
from helpers.core import plain_tables
from helpers.core.nlp import MODEL_NAME
from helpers.core.story import load_story
from helpers.core.warn import warn_from_caller

ENV_VAR = "KURSK_CACHE_DIR"
DOCS = "docs"
TABLES = "tables"
FINGERPRINTS = "fingerprints"
#: The first line of every entry: this mark, a space, the SHA-256 of the rest, a newline.
HEADER = b"kursk-cache-v2"
log = logging.getLogger(__name__)


class CacheWarning(UserWarning):
    """A cache entry failed its check; what it held is computed again."""


def cache_root() -> Path:
    """``$KURSK_CACHE_DIR`` when set, else ``.cache/`` at the repository root (or, for a
    ``helpers`` installed outside a checkout, ``~/.cache/kursk-reports``)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    if (REPO_DIR / "pyproject.toml").is_file():
        return REPO_DIR / ".cache"
    return Path.home() / ".cache" / "kursk-reports"


def clear(root: Path | None = None) -> None:
    """Remove every cached Doc and table."""
    root = Path(root) if root is not None else cache_root()
    for sub in (DOCS, TABLES):
        shutil.rmtree(root / sub, ignore_errors=True)


# ----------------------------------------------------------------------------- fingerprints


def _digest(parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:16]


def files_digest(paths) -> str:
    """One hash of the names and contents of ``paths`` (a missing file counts as empty)."""
    parts = []
    for path in sorted(Path(p) for p in paths):
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        parts += [path.name, data]
    return _digest(parts)


def doc_inputs() -> list[Path]:
    """The files whose content changes what a Doc holds (read at call time): the modules that
    build the pipeline, the text normalisation, the entity fixes and the French news lexicon
    (the ruler's patterns). No story's file: a story's actors are not in the parse."""
    here = Path(__file__).resolve().parent
    return [here / "nlp.py", here / "components.py", here / "tokenizer.py", here / "actors.py",
            here / "text.py",
            DATA_DIR / "entity_fixes.csv", DATA_DIR / "french_actors.csv",
            DATA_DIR / "countries.csv"]


def fingerprint(nlp) -> str:
    """The pipeline's identity for the Doc cache: model name and version, spaCy's version, pipe
    names and the files of :func:`doc_inputs`."""
    import spacy

    meta = nlp.meta
    return _digest([
        "docs-v2", spacy.__version__, meta.get("lang"), meta.get("name"), meta.get("version"),
        json.dumps(list(nlp.pipe_names)), files_digest(doc_inputs()),
    ])


_PIPELINE_FINGERPRINTS: dict[int, tuple[object, str]] = {}


def pipeline_fingerprint(nlp) -> str:
    """:func:`fingerprint` taken once per loaded pipeline: the files are hashed when the pipeline
    is first used, so editing ``actors.csv`` while a kernel runs (without reloading the model)
    cannot file old parses under the new table's name."""
    key = id(nlp)
    if key not in _PIPELINE_FINGERPRINTS or _PIPELINE_FINGERPRINTS[key][0] is not nlp:
        _PIPELINE_FINGERPRINTS[key] = (nlp, fingerprint(nlp))
    return _PIPELINE_FINGERPRINTS[key][1]


def pipeline_key() -> str:
    """Everything :func:`fingerprint` depends on that is known without loading the model: the
    installed versions of spaCy and the model package, and the files of :func:`doc_inputs`
    (which include the code that adds the course's pipes). Equal keys, equal fingerprints."""
    from importlib import metadata

    versions = []
    for name in ("spacy", MODEL_NAME.replace("_", "-")):
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} missing")
    return _digest(["key-v2", *versions, files_digest(doc_inputs())])


def remember_fingerprint(fingerprint_: str, key: str, root: Path | None = None) -> None:
    """File the loaded pipeline's ``fingerprint_`` under its :func:`pipeline_key`."""
    Store(FINGERPRINTS, "", root).write(key, fingerprint_.encode("ascii"))


def known_fingerprint(key: str, root: Path | None = None) -> str | None:
    """The fingerprint an earlier process filed under ``key``, or None."""
    data = Store(FINGERPRINTS, "", root).read(key)
    try:
        value = data.decode("ascii").strip() if data else ""
    except UnicodeDecodeError:
        return None
    return value if value.isalnum() else None


#: Libraries whose version can change the tables (besides spaCy, in the Doc fingerprint).
TABLE_LIBRARIES = ("pandas", "numpy", "text2num", "dateparser")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Every module and data file of ``helpers/``, the Python version and those of
    :data:`TABLE_LIBRARIES`, hashed once per process (at first use, close to when the modules
    were imported)."""
    from importlib import metadata

    versions = []
    for name in TABLE_LIBRARIES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} missing")
    files = [p for p in PACKAGE_DIR.rglob("*") if p.is_file() and p.suffix != ".pyc"
             and "__pycache__" not in p.parts]
    files += load_story().files()  # the course story's data extends the lexicons
    return _digest(["tables-v2", sys.version_info[:3], *versions, files_digest(files)])


def story_fingerprint() -> str:
    """The story being analysed, as the tables see it: its data files (``actors.csv``,
    ``sides.csv``…) and the learner's corrections to its actors. Computed at every call (a few
    small files): a correction saved in the middle of a session changes it."""
    from helpers.core.actors import actors_fingerprint
    from helpers.core.story import active_story

    return _digest(["story-v1", files_digest(active_story().files()), actors_fingerprint()])


def row_key(text_key: str, row: dict) -> str:
    """Hash of a corpus row: its text's hash and the ``repr`` of every other value."""
    rest = {str(k): repr(v) for k, v in row.items() if k != "text"}
    return _digest([text_key, json.dumps(rest, sort_keys=True, ensure_ascii=False)])


# ----------------------------------------------------------------------------- the store


def seal(payload: bytes) -> bytes:
    """``payload`` behind the header line that :func:`unseal` checks."""
    return HEADER + b" " + hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload


def unseal(data: bytes) -> bytes | None:
    """The payload of an entry written by :func:`seal`, or None when it fails the check."""
    head, sep, payload = data.partition(b"\n")
    mark, _, digest = head.partition(b" ")
    if not sep or mark != HEADER:
        return None
    return payload if hashlib.sha256(payload).hexdigest().encode("ascii") == digest else None


class Store:
    """Entries of one kind (``docs``, ``tables`` or ``fingerprints``) for one fingerprint, each
    behind a checksum header (:func:`seal`)."""

    def __init__(self, kind: str, fingerprint: str, root: Path | None = None):
        self.folder = (Path(root) if root is not None else cache_root()) / kind / fingerprint
        self.kind = kind
        self.enabled = True
        self.suffix = {DOCS: ".spacy", FINGERPRINTS: ".txt"}.get(kind, ".json")

    def path(self, key: str) -> Path:
        return self.folder / f"{key}{self.suffix}"

    def read(self, key: str) -> bytes | None:
        """The entry's payload; None when it is missing, or damaged (said in one line)."""
        if not self.enabled:
            return None
        try:
            data = self.path(key).read_bytes()
        except OSError:
            return None
        payload = unseal(data)
        if payload is None:
            self.damaged(key, "it failed its checksum")
        return payload

    def damaged(self, key: str, why: str) -> None:
        """Say that an entry is not used and why (it is computed again and overwritten)."""
        message = (f"The cache entry {self.kind}/…/{self.path(key).name} was damaged ({why}); "
                   "it is computed again.")
        log.info(message)
        warn_from_caller(message, CacheWarning, (str(PACKAGE_DIR),))

    def write(self, key: str, data: bytes) -> None:
        if not self.enabled:
            return
        tmp = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{key}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(seal(data))
            os.replace(tmp, self.path(key))
            tmp = None
        except OSError as err:
            log.info("cache turned off: cannot write in %s (%s)", self.folder, err)
            self.enabled = False
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass


class DocStore(Store):
    """Docs as one-document ``DocBin`` files, read back with the pipeline's shared vocab."""

    def __init__(self, nlp=None, root: Path | None = None, *, fingerprint: str | None = None,
                 vocab=None):
        # A kernel that parses elsewhere has no pipeline: it reads Docs under the fingerprint
        # a pipeline left (known_fingerprint) with a blank French vocab (nlp.reading_vocab).
        super().__init__(DOCS, fingerprint or pipeline_fingerprint(nlp), root)
        self.vocab = vocab if vocab is not None else nlp.vocab

    def get(self, key: str, text: str):
        """The cached Doc of ``text`` (already normalised), or None (missing, corrupt, or another
        text under the same hash)."""
        from spacy.tokens import DocBin

        data = self.read(key)
        if data is None:
            return None
        try:
            docs = list(DocBin().from_bytes(data).get_docs(self.vocab))
        except Exception as err:  # any damage means "parse again"
            self.damaged(key, f"spaCy could not read it: {err}")
            return None
        if len(docs) != 1 or docs[0].text != text:
            return None
        return docs[0]

    def put(self, key: str, doc) -> None:
        from spacy.tokens import DocBin

        if not self.enabled:
            return
        bin_ = DocBin(store_user_data=False)
        bin_.add(doc)
        self.write(key, bin_.to_bytes())


class TableStore(Store):
    """Tables per key, as JSON (:mod:`helpers.core.plain_tables`): DataFrames, and the tuples and
    dicts holding them (the pipeline stores an article's claims and figures)."""

    def __init__(self, fingerprint: str, root: Path | None = None):
        super().__init__(TABLES, fingerprint, root)

    def get(self, key: str):
        data = self.read(key)
        if data is None:
            return None
        try:
            return plain_tables.loads(data)
        except Exception as err:  # a sound checksum over what another version wrote
            self.damaged(key, f"it is not a table this version can read: {err}")
            return None

    def put(self, key: str, value) -> None:
        if not self.enabled:
            return
        try:
            data = plain_tables.dumps(value)
        except (TypeError, ValueError) as err:  # not storable: computed again next time
            log.info("not cached: %s (%s)", key, err)
            return
        self.write(key, data)
