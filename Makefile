# The two README commands: `make demo` (train a small network, store the run, print what it stored)
# and `make test` (the whole suite, as CI runs it). Both install what they need into .venv.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo serve test check lint typecheck pytest frontend-check frontend-build chromium bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# The CPU build of torch lies on this machine's disk; a bare `torch` would pull a CUDA build.
	$(BIN)/pip install --quiet "torch==2.13.0" || $(BIN)/pip install --quiet "torch>=2.2"
	# strict editable mode: mypy and the import system both see fitscope.exporters / fitscope.server.
	$(BIN)/pip install --quiet -e ".[dev]" --config-settings editable_mode=strict
	touch $(STAMP)

# New modules are linked into the strict editable install only by re-installing.
install:
	rm -f $(STAMP)
	$(MAKE) $(STAMP)

demo: $(STAMP)
	$(BIN)/fitscope demo --out runs/demo.fitscope
	$(BIN)/fitscope info runs/demo.fitscope

# Train the demo while the UI shows it live (prints the URL; Ctrl-C stops it).
serve: $(STAMP)
	$(BIN)/fitscope demo --out runs/demo.fitscope --serve

# The browser tests drive Debian's chromium (Playwright cannot download browsers here).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
chromium:
	command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update \
		&& DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y chromium; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Run from a folder without ./fitscope so mypy reads the installed link tree, which holds
# fitscope.exporters (exporters/) and fitscope.server (server/) too.
typecheck: $(STAMP)
	cd $(VENV) && bin/mypy --config-file ../pyproject.toml

pytest: $(STAMP)
	$(BIN)/pytest

# The frontend's TypeScript types are generated from schemas/, and its bundle
# (server/static/fitscope-ui.js) is committed so pip installs need no Node: both checks fail when
# the committed files differ from what the current sources give.
frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund

frontend-check: frontend/node_modules/.package-lock.json
	cd frontend && npm run --silent check:types && npm run --silent typecheck && npm run --silent lint \
		&& npm run --silent check:format \
		&& npm test \
		&& npm run --silent check:bundle

# Rebuild the UI bundle after changing frontend/src (then commit server/static/fitscope-ui.js).
frontend-build: frontend/node_modules/.package-lock.json
	cd frontend && npm run --silent build

check: lint typecheck frontend-check

test: install chromium check pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/listener_overhead.py

clean:
	rm -rf $(VENV) build *.egg-info runs
