# Two commands on a fresh machine:
#   make lab    set up what is missing, then open JupyterLab on the course
#   make test   set up what is missing, then run every test, notebooks included
# The virtualenv is (re)built only when it is missing or requirements.txt / pyproject.toml changed.

PYTHON ?= python3
# VENV can be set to keep a second environment beside the first (CI tests the newest Python in .venv-newest).
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
START  := notebooks/00_start_here.ipynb
# Quiet, reproducible installs: no version nag, and the log kept for when something fails.
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Jupyter's new standard locations (silences a deprecation warning in every kernel).
export JUPYTER_PLATFORM_DIRS := 1

.PHONY: lab test e2e lint clean-venv help

help:
	@echo "make lab    open the course in JupyterLab (sets up .venv when missing)"
	@echo "make test   run the unit tests and every notebook with nbval (twice: a rerun gives the same outputs)"
	@echo "make e2e    notebooks 01-05 in JupyterLab in headless Chromium: tagging, typed answers, filters, an upload, the sources form"
	@echo "make lint   ruff on helpers/, tests/, tools/, benchmarks/ and e2e/"

$(STAMP): requirements-bootstrap.txt requirements.txt pyproject.toml jupyter/overrides.json
	@$(PYTHON) tools/check_python.py
	@test -x $(PY) || { echo "Creating $(VENV) with $$($(PYTHON) --version) ..."; $(PYTHON) -m venv $(VENV); }
	@echo "Installing the pinned requirements into $(VENV) (about 2 minutes the first time; log: $(VENV)/install.log) ..."
	@# The installer first, pinned by hash: whatever pip came with this Python only installs the pinned pip.
	@$(PY) -m pip install --require-hashes --no-deps -r requirements-bootstrap.txt > $(VENV)/install.log 2>&1 \
		|| { tail -n 30 $(VENV)/install.log; echo "installing the pinned pip failed; full log in $(VENV)/install.log"; exit 1; }
	@# Hash mode refuses an editable install in the same call: requirements first, then the package.
	@$(PY) -m pip install --require-hashes -r requirements.txt >> $(VENV)/install.log 2>&1 \
		|| { tail -n 30 $(VENV)/install.log; echo "pip install failed; full log in $(VENV)/install.log"; exit 1; }
	@$(PY) -m pip install --no-deps --no-build-isolation -e . >> $(VENV)/install.log 2>&1 \
		|| { tail -n 30 $(VENV)/install.log; exit 1; }
	@# JupyterLab's settings for the course (no news toast over the outputs), where Binder puts them too.
	@mkdir -p $(VENV)/share/jupyter/lab/settings && cp jupyter/overrides.json $(VENV)/share/jupyter/lab/settings/
	@# Build matplotlib's font cache now, not in the middle of a notebook.
	@MPLBACKEND=Agg $(PY) -c "import matplotlib.pyplot"
	@touch $(STAMP)
	@echo "$(VENV) is ready."

# Containers often run as root, which Jupyter refuses unless told; a normal user never needs it.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir="$(CURDIR)" \
		--LabApp.default_url=/lab/tree/$(START) $(ROOT_FLAG) $(LAB_ARGS)

# Notebooks run with a fresh, empty work folder and parse cache: a test run never touches a learner's saved work,
# and the outputs match the committed ones (which were executed the same way). --nbval-rerun (conftest.py) runs
# every notebook a second time right after the first, in a new kernel, on what the first run saved and cached:
# a learner who runs a notebook again must see the same outputs. pytest-xdist spreads the work over the CPUs;
# --dist loadfile keeps each file (a notebook and its rerun, in order) on one worker. JOBS=1 runs on one CPU.
test: $(STAMP)
	@work=$$(mktemp -d); \
	KURSK_WORK_DIR=$$work KURSK_CACHE_DIR=$$work/cache $(PY) -m pytest -n $(or $(JOBS),auto) --dist loadfile \
		tests notebooks --nbval --nbval-rerun --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
		$(TEST_ARGS); \
	status=$$?; rm -rf $$work; exit $$status

# The real-browser test: Debian's Chromium (installed when missing), driven by Playwright; no
# browser download. Kept out of `make test` so that it needs neither root nor apt.
e2e: $(STAMP)
	bash tools/ensure_chromium.sh && $(PY) -m pytest e2e -q $(E2E_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check helpers tests tools benchmarks e2e conftest.py

clean-venv:
	rm -rf $(VENV)
