# The course's commands. `make lab` opens the course; `make test` runs the everyday tests;
# `make check` (what CI runs) runs those and then the slow browser and build checks.
# Both create .venv on first use and reinstall only when requirements or pyproject change.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SETTINGS := $(VENV)/.lab-settings
PORT ?= 8888
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
PYTEST_ARGS ?=
# Tests marked with one of these run only in `make check`; `make test` runs all the others.
SLOW_MARKERS := browser or slow
PYTEST := $(BIN)/python -m pytest -n 2 --dist loadfile --nbval --nbval-current-env \
  --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: help install browser lab test check execute links lock bench slides site student mutants clean binder-check compat lite

help:
	@echo "make lab      open the course in JupyterLab: open the address it prints (PORT=8890 if 8888 is taken)"
	@echo "make test     run the everyday tests: unit, data, notebooks (nbval), feedback (about a minute)"
	@echo "make check    make test, then the browser and build checks (what CI runs; about 6-9 minutes)"
	@echo "make execute  re-run every notebook from its text twin and store the outputs"
	@echo "make links    regenerate launch links and navigation from [tool.course] in pyproject.toml"
	@echo "make slides   build offline reveal.js decks into build/slides/"
	@echo "make site     build the offline site into build/site/ (open build/site/index.html)"
	@echo "make student  write the notebooks without solutions into build/student/"
	@echo "make lite     build the course as a JupyterLite site (runs in the browser) into build/lite/"
	@echo "make compat   run the installed course on Python 3.12/3.13 and pandas 2.2 (build/compat.md)"
	@echo "make bench    measure notebooks, tests and queries (writes build/bench.md)"
	@echo "make lock     re-pin requirements.txt, environment.yml and requirements-dev.txt from the .in files"
	@echo "make mutants  change one fact or safeguard at a time (in a copy); count what the fast tests catch"

install: $(STAMP) $(SETTINGS)

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null || { \
	  echo "This course needs Python 3.11 (found: $$($(PYTHON) --version 2>&1 || echo none)). Install Python 3.11, or run: make PYTHON=/path/to/python3.11 ..."; exit 1; }
	@echo "==> Creating the virtual environment in $(VENV) (first run, or after the pins changed)"
	@$(PYTHON) -m venv --clear $(VENV)
	@echo "==> Installing the pinned packages from requirements-dev.txt (1-3 minutes the first time; pip shows its progress)"
	@$(BIN)/python -m pip install --disable-pip-version-check --progress-bar on -r requirements-dev.txt
	@echo "==> Installing the helpers package (editable)"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@# The JupyterLite kernel's lab extension (installed for `make lite`) is for the Lite site
	@# only: JupyterLab would load it and log an error, so it moves out of JupyterLab's path.
	@if [ -d $(VENV)/share/jupyter/labextensions/@jupyterlite ]; then \
	  mkdir -p $(VENV)/share/lite-labextensions && rm -rf $(VENV)/share/lite-labextensions/@jupyterlite && \
	  mv $(VENV)/share/jupyter/labextensions/@jupyterlite $(VENV)/share/lite-labextensions/; fi
	@touch $@
	@echo "==> Environment ready"

# JupyterLab settings (no news pop-up, autosave in seconds) and the server's save hook that
# keeps a run notebook's committed bytes; the same module writes them on Binder (postBuild).
$(SETTINGS): src/course_tools/lab_settings.py $(STAMP)
	@echo "==> Writing the course's JupyterLab settings"
	@$(BIN)/python -m course_tools.lab_settings
	@touch $@

# A new token for every start, made in the recipe's shell and handed to Jupyter in the
# environment (JUPYTER_TOKEN): never on a command line, where `ps` shows it to every user, and
# never from a variable the caller's environment might hold. course_tools.lab prints the one
# address that logs in, once the server answers and refuses requests without the token.
lab: $(STAMP) $(SETTINGS)
	@$(BIN)/python -m course_tools.lab free $(PORT)
	@echo "==> Starting JupyterLab on 127.0.0.1:$(PORT) (a few seconds) ..."
	@JUPYTER_TOKEN=$$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n'); export JUPYTER_TOKEN; \
	  [ $${#JUPYTER_TOKEN} -eq 32 ] || { echo "Could not make a token"; exit 1; }; \
	  $(BIN)/python -m course_tools.lab announce $(PORT) $$$$ & \
	  exec $(BIN)/jupyter lab --no-browser --ip=127.0.0.1 --port=$(PORT) \
	  --ServerApp.port_retries=0 --ServerApp.log_level=WARN --LabApp.log_level=WARN $(ROOT_FLAG) \
	  --ServerApp.root_dir="$(CURDIR)" notebooks/00_start_here.ipynb

test: $(STAMP) $(SETTINGS)
	@echo "==> Everyday tests: unit, data, domain rules, feedback, every notebook under nbval"
	@$(PYTEST) -m "not ($(SLOW_MARKERS))" $(PYTEST_ARGS)

# Everything `make test` leaves out: JupyterLab, slides, Lite, the site and `make lab` in
# Chromium; notebooks re-run for determinism and as the student edition; site, slides,
# wheel and Colab install built.
check: test browser
	@echo "==> Browser and build checks (several minutes)"
	@$(PYTEST) -m "$(SLOW_MARKERS)" $(PYTEST_ARGS)

# Debian's Chromium for the browser tests: installed here when we may (root with apt-get, as
# in CI); elsewhere the browser tests skip with a one-line reason.
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "==> Installing Debian's chromium for the browser tests (once, about a minute)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

execute: $(STAMP)
	@$(BIN)/python -m course_tools.navigation
	@$(BIN)/python -m course_tools.execute

links: $(STAMP)
	@$(BIN)/python -m course_tools.navigation

slides: $(STAMP)
	@$(BIN)/python -m course_tools.slides

site: $(STAMP)
	@$(BIN)/python -m course_tools.site

student: $(STAMP)
	@$(BIN)/python -m course_tools.student

lite: $(STAMP)
	@$(BIN)/python -m course_tools.lite

mutants: $(STAMP)
	@echo "==> Mutants: each changes one fact in data/ or removes one safeguard in src/helpers/, in a temporary copy (several minutes)"
	@$(BIN)/python -m course_tools.mutants

bench: $(STAMP)
	@echo "==> Benchmark: medians of 5 runs (a few minutes)"
	@$(BIN)/python -m course_tools.bench

lock: $(STAMP)
	@$(BIN)/python -m course_tools.lock

# The installed wheel on pyenv's Python 3.12 and 3.13 (and pandas 2.2, as on Colab), notebooks
# run by nbval from a folder outside the checkout; report in build/compat.md.
compat: $(STAMP)
	@$(BIN)/python -m course_tools.compat

# repo2docker --no-build, and pip check of requirements.txt over Binder's base environment.
binder-check: $(STAMP)
	@$(BIN)/python -m course_tools.binder_check

clean:
	rm -rf $(VENV) build .pytest_cache
