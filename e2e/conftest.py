"""Fixtures for the real-browser test: a private JupyterLab server and a headless Chromium.

The server runs on 127.0.0.1 with a random token, a throw-away work folder (``KURSK_WORK_DIR``,
which its kernels inherit) and throw-away Jupyter folders (runtime, config, data, settings,
workspaces, checkpoints), so a test run never reads or writes the user's own. Autosave is off:
running the notebook in the browser must not rewrite the committed notebook. The server is shut
down whatever happens (test failure, Ctrl-C, SIGTERM): first politely through the REST API (which
stops its kernels), then SIGTERM to its process group, then SIGKILL, and any kernel still alive is
killed by its pid.

Chromium is Debian's (``/usr/bin/chromium``, see ``tools/ensure_chromium.sh``); Playwright only
drives it and never downloads a browser.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent / "out"
CHROMIUM = os.environ.get("KURSK_E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# The folder JupyterLab serves. Only for developing the test against a scratch copy of the notebook.
ROOT_DIR = Path(os.environ.get("KURSK_E2E_ROOT", REPO)).resolve()
START_TIMEOUT = 90  # seconds for the server to answer /api/status

# JupyterLab settings for the run (user settings dir is a temp folder, so these are the defaults).
LAB_SETTINGS = {
    # never write the notebook back to the repository
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    # (No news toast setting here: the course ships it in jupyter/overrides.json, installed into
    # the environment by `make` and by Binder's postBuild, and the test checks that it works.)
    # every cell in the DOM, so the widget is there wherever the notebook is scrolled
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}


@dataclass
class Lab:
    url: str  # http://127.0.0.1:<port>
    token: str
    root: Path  # the folder the server serves
    work_dir: Path  # KURSK_WORK_DIR of the server and its kernels
    log: Path
    my_articles: Path  # KURSK_MY_ARTICLES: where notebook 05's uploads go (empty at the start)

    def api(self, path: str, method: str = "GET", timeout: float = 5) -> bytes:
        req = urllib.request.Request(
            f"{self.url}{path}", method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (localhost)
            return resp.read()

    def log_tail(self, n: int = 40) -> str:
        try:
            lines = self.log.read_text(errors="replace").splitlines()
        except OSError:
            return "(no server log)"
        return "\n".join(lines[-n:])


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _descendants(pid: int) -> list[int]:
    """Pids of every process below ``pid`` (Linux /proc; empty elsewhere)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            # the command name is in parentheses and may contain spaces: split after the last ')'
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
        except (OSError, IndexError, ValueError):
            continue
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _write_settings(settings_dir: Path) -> None:
    for plugin, values in LAB_SETTINGS.items():
        package, name = plugin.rsplit("/", 1)
        path = settings_dir / package / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2))


def _stop(proc: subprocess.Popen, lab: Lab) -> None:
    """Stop the server and everything it started, however far it got."""
    if proc.poll() is None:
        kernels = _descendants(proc.pid)
        with contextlib.suppress(Exception):
            lab.api("/api/shutdown", method="POST")  # stops its kernels too
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        # Kernels run in sessions of their own; any that outlived the server are ours to end.
        for pid in kernels:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Let a SIGTERM (CI timeout, `kill`) unwind like Ctrl-C, so the server is still stopped."""
    def handler(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    try:
        old = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


@pytest.fixture(scope="session")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """A JupyterLab server on 127.0.0.1 serving the repository, with an empty work folder."""
    base = tmp_path_factory.mktemp("lab")
    work_dir = base / "work"
    work_dir.mkdir()
    my_articles = base / "my_articles"  # created by the first upload
    dirs = {name: base / name for name in
            ("runtime", "config", "data", "ipython", "settings", "workspaces", "checkpoints")}
    for d in dirs.values():
        d.mkdir()
    _write_settings(dirs["settings"])
    # No "is the build up to date?" check from the page: it costs the server ~10 s of CPU.
    (dirs["config"] / "labconfig").mkdir()
    (dirs["config"] / "labconfig" / "page_config.json").write_text(
        json.dumps({"buildCheck": False, "buildAvailable": False}))

    port, token = _free_port(), secrets.token_hex(24)
    env = dict(os.environ)
    env.update(
        KURSK_WORK_DIR=str(work_dir),
        KURSK_MY_ARTICLES=str(my_articles),
        JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
        JUPYTER_CONFIG_DIR=str(dirs["config"]),
        JUPYTER_DATA_DIR=str(dirs["data"]),
        IPYTHONDIR=str(dirs["ipython"]),
        JUPYTER_PLATFORM_DIRS="1",
        PYTHONUNBUFFERED="1",
    )
    env.pop("JUPYTER_TOKEN", None)
    jupyter = Path(sys.executable).with_name("jupyter")
    cmd = [
        str(jupyter) if jupyter.exists() else "jupyter", "lab",
        "--no-browser", "--ServerApp.open_browser=False",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={ROOT_DIR}",
        f"--LabApp.user_settings_dir={dirs['settings']}",
        f"--LabApp.workspaces_dir={dirs['workspaces']}",
        # JupyterLab checkpoints a notebook when it opens it: not into the repository's folders
        # (an absolute checkpoint_dir replaces the relative ".ipynb_checkpoints").
        f"--FileCheckpoints.checkpoint_dir={dirs['checkpoints']}",
        "--LabApp.news_url=",
        "--LabApp.extension_manager=readonly",  # no PyPI look-ups
        "--ServerApp.terminals_enabled=False",
        "--ServerApp.allow_remote_access=False",
    ]
    if hasattr(os, "getuid") and os.getuid() == 0:
        cmd.append("--allow-root")

    log_path = base / "jupyter.log"
    lab = Lab(url=f"http://127.0.0.1:{port}", token=token, root=ROOT_DIR, work_dir=work_dir,
              log=log_path, my_articles=my_articles)
    with _sigterm_as_interrupt(), open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT_DIR, env=env, stdin=subprocess.DEVNULL,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        started = time.monotonic()
        try:
            deadline = started + START_TIMEOUT
            while True:
                if proc.poll() is not None:
                    pytest.fail(f"jupyter lab exited with {proc.returncode}:\n{lab.log_tail()}")
                try:
                    lab.api("/api/status", timeout=2)
                    break
                except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                    if time.monotonic() > deadline:
                        pytest.fail(f"jupyter lab did not answer /api/status within "
                                    f"{START_TIMEOUT} s:\n{lab.log_tail()}")
                    time.sleep(0.2)  # poll interval, not a wait for something to be ready
            _PHASES.append(("server up", time.monotonic() - started))
            yield lab
        finally:
            _stop(proc, lab)


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium, driven by Playwright (which never downloads a browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash tools/ensure_chromium.sh` (or make e2e)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        # launch() gives Chromium a fresh temporary --user-data-dir and removes it afterwards.
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1400, "height": 1100}, locale="en-US")
    page = context.new_page()
    try:
        yield page
    finally:
        failed = getattr(request.node, "rep_call", None)
        if failed is not None and failed.failed:
            OUT.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(Exception):
                page.screenshot(path=str(OUT / f"failure-{request.node.name}.png"))
        context.close()


@pytest.fixture
def page_errors(page) -> list[str]:
    """Uncaught JavaScript errors of ``page``, collected while the test runs."""
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    return errors


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures know whether the test failed."""
    rep = yield
    setattr(item, f"rep_{rep.when}", rep)
    return rep


_PHASES: list[tuple[str, float]] = []


@pytest.fixture
def phases():
    """``phases("name")`` records how long the test took since the previous phase (shown at the
    end of the run, so slow steps are visible without -s)."""
    last = [time.monotonic()]

    def mark(name: str) -> None:
        now = time.monotonic()
        _PHASES.append((name, now - last[0]))
        last[0] = now

    return mark


def pytest_terminal_summary(terminalreporter):
    if _PHASES:
        terminalreporter.write_line(
            "e2e timings: " + ", ".join(f"{name} {secs:.1f} s" for name, secs in _PHASES))


def pytest_report_header(config):
    where = shutil.which(CHROMIUM) or CHROMIUM
    return f"e2e: chromium {where}, JupyterLab root {ROOT_DIR}"
