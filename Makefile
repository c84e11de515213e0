# The two README commands: `make demo` (train a small network, store the run, print what it stored)
# and `make test` (the whole suite, as CI runs it). Both install what they need into .venv, once:
# a stamp file per input says what is installed, so a second `make test` only checks them.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The CPU build of torch lies on this machine's disk; a bare `torch` would pull a CUDA build.
TORCH_PIN := 2.13.0

# One stamp per input, newest last (each step needs the one before):
#   .venv-created           the virtual environment and an up-to-date pip
#   .torch-$(TORCH_PIN)     torch (a changed pin names a new stamp, so it is installed again)
#   .installed              the package's dependencies (dev extra), redone when pyproject.toml changes
#   .linked                 the strict editable link tree (build/__editable__*), redone when a file
#                           of the package is added or removed (the list in .package-files changes):
#                           a new module is linked without reinstalling anything
VENV_STAMP := $(VENV)/.venv-created
TORCH_STAMP := $(VENV)/.torch-$(TORCH_PIN)
DEPS_STAMP := $(VENV)/.installed
PACKAGE_FILES := $(VENV)/.package-files
STAMP := $(VENV)/.linked

# The list of the package's files, rewritten only when it differs (so its mtime says "a file came
# or went"). Make evaluates this on every run: a find over four small folders.
_package_files := $(shell mkdir -p $(VENV) && find fitscope exporters server schemas \
	-name __pycache__ -prune -o -type f ! -name '*.pyc' ! -name '*.so' ! -name '*.pyd' -print 2>/dev/null | LC_ALL=C sort > $(PACKAGE_FILES).new \
	&& { cmp -s $(PACKAGE_FILES).new $(PACKAGE_FILES) || mv $(PACKAGE_FILES).new $(PACKAGE_FILES); }; \
	rm -f $(PACKAGE_FILES).new)

.PHONY: install demo serve test check lint typecheck pytest frontend-check frontend-build chromium bench clean

# setuptools in the environment itself: the re-link below builds without an isolated build
# environment (setuptools >= 77 reads pyproject.toml's `license = "Apache-2.0"`).
$(VENV_STAMP):
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip "setuptools>=77"
	touch $@

$(TORCH_STAMP): $(VENV_STAMP)
	$(BIN)/pip install --quiet "torch==$(TORCH_PIN)" || $(BIN)/pip install --quiet "torch>=2.2"
	rm -f $(VENV)/.torch-*
	touch $@

# strict editable mode: mypy and the import system both see fitscope.exporters / fitscope.server.
$(DEPS_STAMP): pyproject.toml $(TORCH_STAMP)
	$(BIN)/pip install --quiet -e ".[dev]" --config-settings editable_mode=strict
	touch $@

# Re-links only (no dependency resolution, no build environment): a few seconds.
# It also compiles the statistics kernel (fitscope/_stats_kernel.c) in place; the old module is
# removed first, so processes that loaded it keep their copy rather than see it overwritten.
KERNEL_SOURCES := setup.py fitscope/_stats_kernel.c
$(STAMP): $(DEPS_STAMP) $(PACKAGE_FILES) $(KERNEL_SOURCES)
	rm -f fitscope/_stats_kernel*.so
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e . --config-settings editable_mode=strict
	touch $@

# Reinstalls everything (the stamps normally make this unnecessary).
install:
	rm -f $(VENV_STAMP) $(VENV)/.torch-* $(DEPS_STAMP) $(STAMP)
	$(MAKE) $(STAMP)

demo: $(STAMP)
	$(BIN)/fitscope demo --out runs/demo.fitscope
	$(BIN)/fitscope info runs/demo.fitscope

# Train the demo while the UI shows it live (prints the URL; Ctrl-C stops it).
serve: $(STAMP)
	$(BIN)/fitscope demo --out runs/demo.fitscope --serve

# The browser tests drive Debian's chromium (Playwright cannot download browsers here).
# fonts-noto-cjk: the Chinese pages' screenshots show glyphs, not boxes. The launcher tests run
# pyspark, which needs a Java runtime (Debian's default, 17 or later) when none is on PATH.
# Installs only what is missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM_PACKAGES := chromium fonts-noto-cjk
chromium:
	@missing=$$(for p in $(CHROMIUM_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done; \
		command -v java >/dev/null || echo default-jre-headless); \
	if [ -n "$$missing" ]; then \
		echo "installing $$missing"; \
		$(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$missing; \
	fi
	@command -v chromium >/dev/null && fc-list :lang=zh family | grep -q . && command -v java >/dev/null \
		|| { echo "chromium, a Chinese font or java is still missing" >&2; exit 1; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Run from a folder without ./fitscope so mypy reads the installed link tree, which holds
# fitscope.exporters (exporters/) and fitscope.server (server/) too.
typecheck: $(STAMP)
	cd $(VENV) && bin/mypy --config-file ../pyproject.toml

pytest: $(STAMP)
	$(BIN)/pytest

# The frontend's TypeScript types are generated from schemas/, and its bundles
# (server/static/fitscope-ui.js, and fitscope-projector.js that the projector loads lazily) are
# committed so pip installs need no Node: both checks fail when the committed files differ from
# what the current sources give. check:manifest regenerates the custom elements manifest of the npm
# package (frontend/package-dist/, `npm run build:package`) and fails when docs/web-components.md
# does not document what it lists.
NODE_STAMP := frontend/node_modules/.fitscope-installed
$(NODE_STAMP): frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

frontend-check: $(NODE_STAMP)
	cd frontend && npm run --silent check:types && npm run --silent typecheck && npm run --silent lint \
		&& npm run --silent check:format \
		&& npm test \
		&& npm run --silent check:bundle \
		&& npm run --silent check:manifest

# Rebuild the UI bundle after changing frontend/src (then commit server/static/fitscope-ui.js and fitscope-projector.js).
frontend-build: $(NODE_STAMP)
	cd frontend && npm run --silent build

check: lint typecheck frontend-check

test: $(STAMP) chromium check pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/listener_overhead.py

clean:
	rm -rf $(VENV) build *.egg-info runs fitscope/_stats_kernel*.so
