# Ziming Liu's portfolio, and the research_portfolio engine it is built with. The site's targets
# (html, epub, pdf, cv, test, ...) are the very Makefile every site made by the starter gets; the
# targets below it are the engine's: lint, the browser audit, the benchmark, the lock, and the
# checks of the package against its dependency ranges and on a fresh install.

VENV_INPUTS = requirements.txt requirements-dev.txt pyproject.toml
NODEDIR     = tests/browser
NODESTAMP   = $(NODEDIR)/node_modules/.installed
BENCHOPTS  ?=
# Without npm the browser tests skip locally (and fail under CI=true).
TEST_PREREQUISITES = $(if $(shell command -v npm),$(NODESTAMP))

include research_portfolio/starter/Makefile

LOCALE      = research_portfolio/locale
PYBABEL     = $(VENVDIR)/bin/pybabel

.PHONY: lint audit bench lock messages test-install test-ranges test-bench test-rebuilds fuzz

help::
	@echo "make lint       ruff and mypy on the engine (settings in pyproject.toml)"
	@echo "make audit      Lighthouse and the Nu HTML Checker on the built site (needs Chromium, Node, Java)"
	@echo "make bench      time the builds against the performance goals (a few minutes)"
	@echo "make lock       regenerate requirements.lock after changing a requirements file"
	@echo "make messages   extract the engine's words into its .pot, update each translation and compile it"
	@echo "make test-install  the lock and the wheel installed in new environments (needs the package index)"
	@echo "make test-ranges   the engine's tests at the low and high ends of its dependency ranges"
	@echo "make test-bench    the benchmark script's smoke run (bench --quick), checked"
	@echo "make test-rebuilds incremental builds against clean ones, after each kind of change and killed builds (minutes)"
	@echo "make fuzz       the property tests with many more examples (Hypothesis' fuzz profile; an hour or more)"

# The browser checks' npm packages (axe-core, Lighthouse, the Nu HTML Checker), reinstalled when the lock changes.
$(NODEDIR)/package-lock.json: ;
$(NODESTAMP): $(NODEDIR)/package-lock.json
	npm ci --prefix $(NODEDIR) --ignore-scripts --no-audit --no-fund
	@touch $@

lint: $(STAMP)
	$(VENVDIR)/bin/ruff check .
	$(VENVDIR)/bin/mypy

# Lighthouse (mobile, light and dark) on four pages and the Nu HTML Checker on every page.
audit: html $(NODESTAMP)
	node $(NODEDIR)/audit.mjs $(BUILDDIR)/html

# Build times against the goals in README.md; BENCHOPTS=--quick for a one-run smoke test.
bench: $(STAMP)
	$(VENVPY) benchmarks/bench.py $(BENCHOPTS)

# Every transitive dependency, pinned with hashes, for Python 3.11 and newer (uv resolves for all of
# them). The engine itself is installed from this checkout, so the lock leaves it out.
lock: $(STAMP)
	$(VENVPY) -m pip install --quiet uv
	( echo "# Every package the build and the tests install, pinned with hashes, for Python 3.11 to 3.13."; \
	  echo "# Generated from requirements.txt and requirements-dev.txt; after changing either, run: make lock"; \
	  echo "# Install it, then the engine: pip install --require-hashes -r requirements.lock && pip install --no-deps -e ."; \
	  $(VENVDIR)/bin/uv pip compile requirements.txt requirements-dev.txt --universal --python-version 3.11 \
	    --generate-hashes --no-header --quiet --no-emit-package sphinx-research-portfolio ) > requirements.lock

# The engine's words (research_portfolio/i18n.py): the template from the marked strings, then each
# language's .po updated from it (new words come in untranslated, for a translator) and compiled to .mo.
messages: $(STAMP)
	$(PYBABEL) -q extract -F $(LOCALE)/babel.cfg --no-default-keywords -k _ -k N_ -k ngettext:1,2 \
	  --add-location=file --sort-output --no-wrap -c "Translators:" --project=sphinx-research-portfolio \
	  --copyright-holder="The sphinx-research-portfolio contributors" -o $(LOCALE)/research_portfolio.pot research_portfolio
	$(PYBABEL) -q update -i $(LOCALE)/research_portfolio.pot -d $(LOCALE) -D research_portfolio --no-wrap --no-fuzzy-matching
	$(PYBABEL) compile -d $(LOCALE) -D research_portfolio --statistics

# Slow checks that need the package index, which CI runs after `make test`.
test-install: $(STAMP)
	$(VENVPY) -m pytest -m install --dist load tests/install

test-ranges: $(STAMP)
	$(VENVPY) -m pytest -m ranges --dist load tests/install

# The property tests (tests/fuzzing.py) with their large numbers of examples, new ones on every run.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(VENVPY) -m pytest --dist load --hypothesis-show-statistics tests/engine/test_escape.py \
	  tests/engine/test_untrusted_text.py tests/starter/test_starter_arguments.py

test-bench: $(STAMP)
	$(VENVPY) -m pytest -m bench tests/site/test_benchmark.py

# An incremental build equals a clean one after every kind of change and after a killed build: two or
# three builds a case, too slow for make test. Each worker builds the small site once and starts each case from it.
test-rebuilds: $(STAMP)
	$(VENVPY) -m pytest -m rebuilds --dist load tests/engine/test_incremental.py

distclean::
	rm -rf $(NODEDIR)/node_modules
