"""Property tests (hypothesis): the loader turns any bytes under any name into an article or a
warning, never an exception; saved work survives any sequence of saves from several kernels,
exports, imports and corruptions (attacks P01 and P02 in README.md)."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import shutil
import tempfile
import warnings
from contextlib import redirect_stdout
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.core import workspace
from helpers.sources.corpus import load_corpus

# ------------------------------------------------------------------- P01: the loader

_SUFFIXES = [".txt", ".md", ".html", ".htm", ".TXT", ".markdown", "", ".png", ".csv"]
_NAME_BYTES = st.binary(min_size=1, max_size=80).filter(
    lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b".."))
_CONTENT = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(max_size=2000).map(lambda t: t.encode("cp1252", "ignore")),
    st.text(max_size=800).map(lambda t: t.encode("utf-16-le", "surrogatepass")),
    st.lists(st.sampled_from(["[", "](", "*", "_", "`", "!", "<p>", "# ", "> ", "$", "é",
                              "\n", " ", "Selon Kiev, 11 000 soldats.", "\udcff"]),
             max_size=400).map(lambda parts: "".join(parts).encode("utf-8", "surrogateescape")),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.lists(st.tuples(_NAME_BYTES, st.sampled_from(_SUFFIXES), _CONTENT),
                      min_size=1, max_size=3))
def test_P01_any_bytes_under_any_name_give_an_article_or_a_warning(files):
    folder = Path(tempfile.mkdtemp())
    try:
        for stem, suffix, content in files:
            name = stem + os.fsencode(suffix)
            if len(name) > 250:
                continue
            with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
                fh.write(content)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                corpus = load_corpus(folder)
            except ValueError as err:  # no usable article: said in words
                assert "No usable article" in str(err)
                str(err).encode("utf-8")
                return
        # what the notebooks, the report and the CSV exports do with a corpus
        corpus.to_string().encode("utf-8")
        buffer = io.StringIO()
        corpus.drop(columns=["removed"]).to_csv(buffer)
        buffer.getvalue().encode("utf-8")
        assert corpus["article_id"].is_unique
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ------------------------------------------------------------------- P02: saved work


def _kernel():
    """Another kernel: a second copy of the workspace module, with its own view of what it
    loaded (as test_workspace does it)."""
    spec = importlib.util.spec_from_file_location("helpers._workspace_kernel",
                                                  Path(workspace.__file__))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_KEYS = ["answers", "tags_02"]
_ITEMS = ["a", "b", "c", "d"]
_OPS = st.lists(st.one_of(
    st.tuples(st.just("save"), st.integers(0, 2), st.sampled_from(_KEYS), st.sampled_from(_ITEMS)),
    st.tuples(st.just("export")),
    st.tuples(st.just("import_zip"), st.integers(0, 9)),
    st.tuples(st.just("corrupt"), st.sampled_from(_KEYS)),
    st.tuples(st.just("forget_stamps"), st.sampled_from(_KEYS)),
), min_size=1, max_size=25)


class _Session:
    """Three kernels on one work folder, and what each operation should leave behind."""

    def __init__(self, tmp: Path):
        self.tmp, self.folder = tmp, tmp / "work"
        self.kernels = [workspace, _kernel(), _kernel()]
        for k in self.kernels:
            k.set_root(self.folder)
        self.latest: dict[tuple[str, str], tuple[str, int]] = {}  # (key, item) -> value, step
        self.corrupted: dict[str, int] = {}
        self.zips: list[Path] = []

    def do(self, step: int, op: tuple) -> None:
        getattr(self, op[0])(step, *op[1:])

    def save(self, step, k, key, item):  # what tasks.check and the widgets do
        data = self.kernels[k].load(key, default={})
        data = data if isinstance(data, dict) else {}
        data[item] = f"v{step}"
        self.kernels[k].save(key, data)
        self.latest[(key, item)] = (f"v{step}", step)

    def export(self, step):
        self.zips.append(workspace.export_zip(self.tmp / f"export{step}.zip"))

    def import_zip(self, step, which):
        if self.zips:
            with open(os.devnull, "w") as quiet, redirect_stdout(quiet):
                workspace.import_zip(self.zips[which % len(self.zips)])

    def corrupt(self, step, key):
        path = self.folder / f"{key}.json"
        if path.exists():
            path.write_bytes(b'{"cut off')
            self.corrupted[key] = step

    def forget_stamps(self, step, key):
        (self.folder / ".workspace" / "stamps" / f"{key}.json").unlink(missing_ok=True)

    def check(self) -> None:
        """A corruption overwrites the current file: what it held is gone by the attack itself.
        Every value saved after it must be the current one, and on disk."""
        disk = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                         for p in self.folder.rglob("*.json") if p.is_file())
        for (key, item), (value, when) in self.latest.items():
            if self.corrupted.get(key, -1) < when:
                assert json.dumps(value) in disk, f"{key}/{item}={value} is nowhere on disk"
                assert workspace.load(key)[item] == value, (key, item, value)

    def close(self) -> None:
        for k in self.kernels:
            k.set_root(None)
        shutil.rmtree(self.tmp, ignore_errors=True)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=_OPS)
def test_P02_no_sequence_of_saves_imports_and_corruptions_loses_newer_work(ops):
    session = _Session(Path(tempfile.mkdtemp()))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for step, op in enumerate(ops):
                session.do(step, op)
            session.check()
    finally:
        session.close()


def test_control_the_kernel_copies_share_no_state():
    a, b = _kernel(), _kernel()
    assert a._seen is not b._seen and a._seen is not workspace._seen
