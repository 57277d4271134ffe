"""Issue 16, item 2: a damaged parse cache gave wrong tables (27 of 30 flipped bits) or killed
the kernel. Every entry now carries a checksum and holds data that cannot run code; a damaged
one is computed again, with one line saying so. Attack ids (C…) are listed in README.md."""

from __future__ import annotations

import pickle
import random
import warnings

import pytest
from pandas.testing import assert_frame_equal

from helpers import SEEDS_DIR
from helpers.core import cache
from helpers.pipeline import run
from helpers.sources.corpus import load_corpus

TABLES = ("claims", "figures", "signals", "corroboration")


@pytest.fixture(scope="module")
def small():
    corpus = load_corpus(SEEDS_DIR).iloc[:2].copy()
    corpus["text"] = [t[:1500] for t in corpus["text"]]  # short: each run parses in a second
    return corpus


def _entries(root):
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))


def _cache_warnings(caught) -> list[str]:
    return [str(w.message) for w in caught if issubclass(w.category, cache.CacheWarning)]


def test_C01_a_flipped_bit_in_every_entry_is_recomputed_never_a_wrong_table(small, tmp_path):
    cold = run(small, cache=tmp_path)
    rnd = random.Random(16)
    for _trial in range(6):
        entries = _entries(tmp_path)
        kinds = {p.relative_to(tmp_path).parts[0] for p in entries}
        assert kinds == {"docs", "tables", "fingerprints"}
        for path in entries:
            data = bytearray(path.read_bytes())
            data[rnd.randrange(len(data))] ^= 1 << rnd.randrange(8)
            path.write_bytes(bytes(data))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            again = run(small, cache=tmp_path)
        for name in TABLES:
            assert_frame_equal(again[name], cold[name])
        said = _cache_warnings(caught)
        # the Docs and the tables this run reads (the fingerprint is read by a new kernel)
        assert len(said) == len([p for p in entries if "fingerprints" not in p.parts])
        assert all(m.count("\n") == 0 and "computed again" in m for m in said)


def test_C02_the_fingerprint_entry_damaged_is_said_and_ignored(tmp_path):
    cache.remember_fingerprint("abc123", "somekey", tmp_path)
    assert cache.known_fingerprint("somekey", tmp_path) == "abc123"
    path = next((tmp_path / cache.FINGERPRINTS).rglob("*.txt"))
    data = bytearray(path.read_bytes())
    data[-2] ^= 0x04
    path.write_bytes(bytes(data))
    with pytest.warns(cache.CacheWarning, match="damaged"):
        assert cache.known_fingerprint("somekey", tmp_path) is None


class _Trap:
    """Unpickling this writes a file: the proof that an entry ran code when read."""

    def __init__(self, target):
        self.target = target

    def __reduce__(self):
        return (open, (str(self.target), "w"))


def test_C03_a_pickle_in_place_of_an_entry_never_runs(small, tmp_path):
    run(small, cache=tmp_path)
    trap = tmp_path / "trap-was-run"
    for path in _entries(tmp_path / "tables"):
        payload = pickle.dumps(_Trap(trap))
        path.write_bytes(payload)  # no header: not read at all
    for path in _entries(tmp_path / "tables")[:1]:
        path.write_bytes(cache.seal(payload))  # a sound checksum over a pickle: not JSON
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run(small, cache=tmp_path)
    assert not trap.exists()


def test_C04_a_sound_checksum_over_the_wrong_structure_is_a_miss(small, tmp_path):
    cold = run(small, cache=tmp_path)
    forged = [b'{"$tuple": [42, "x"]}', b'{"$frame": {"columns": 3}}', b'[1, 2, 3]',
              b'{"untagged": 1, "mapping": 2}', b'{"$evil": "os.system"}']
    for path, payload in zip(_entries(tmp_path / "tables"), forged, strict=False):
        path.write_bytes(cache.seal(payload))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        again = run(small, cache=tmp_path)
    for name in TABLES:
        assert_frame_equal(again[name], cold[name])


def test_C05_truncated_and_empty_entries_of_every_kind(small, tmp_path):
    cold = run(small, cache=tmp_path)
    for i, path in enumerate(_entries(tmp_path)):
        data = path.read_bytes()
        path.write_bytes(b"" if i % 2 else data[: len(data) // 3])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        again = run(small, cache=tmp_path)
    for name in TABLES:
        assert_frame_equal(again[name], cold[name])
