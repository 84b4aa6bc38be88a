# Two commands do all set-up on a fresh Debian machine:
#   make run   -> installs everything, then serves on http://127.0.0.1:8000 (SQLite under ./data)
#   make test  -> installs everything, then runs the whole test suite
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
APT_PKGS := tesseract-ocr tesseract-ocr-vie poppler-utils chromium fonts-dejavu-core fonts-liberation libreoffice-writer-nogui
HOST    ?= 127.0.0.1
PORT    ?= 8000
PYTEST_ARGS ?=

.PHONY: setup system-deps run test lint typecheck bench services clean

setup: system-deps $(STAMP)

# Debian packages: Tesseract with Vietnamese data, poppler (pdftoppm), Chromium for the
# browser tests, LibreOffice for .doc and for the tests' document renders.
system-deps:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

run: setup
	$(BIN)/giaoviec serve --host $(HOST) --port $(PORT)

services:
	bash scripts/services.sh

test: setup services lint typecheck
	OMP_THREAD_LIMIT=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

# ruff with the rules of pyproject.toml ([tool.ruff]); also the pre-commit hook
lint: setup
	$(BIN)/ruff check extractor service tests bench

# mypy, strict on extractor/ ([tool.mypy]; the modules not yet strict are listed there)
typecheck: setup
	$(BIN)/mypy

# wrk: the service benchmark's load generator (C, light enough to leave the cores to the server)
bench: setup
	@command -v wrk >/dev/null 2>&1 || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  echo "installing Debian package: wrk"; \
	  $$SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null 2>&1 || \
	  { $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null; }; }
	$(BIN)/python -m bench all

# Every page at 390, 768 and 1366 px, signed in as an administrator, on a server with a
# small backlog: artifacts/screenshots/w{390,768,1366}-PAGE.png (the layout test takes them).
.PHONY: screenshots
screenshots: setup
	OMP_THREAD_LIMIT=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/ui/test_review_day.py -k fits_the_screen
	@ls artifacts/screenshots/w390-* artifacts/screenshots/w768-* artifacts/screenshots/w1366-*

clean:
	rm -rf $(VENV) build *.egg-info
