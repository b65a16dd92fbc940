# Build the research portfolio. `make html` and `make test` are all a new clone needs;
# `make help` lists the rest. Every target creates .venv from the requirements on first use.

PYTHON     ?= python3
VENVDIR    ?= .venv
BUILDDIR   ?= _build
SPHINXOPTS ?= -W --keep-going -n
JOBS       ?= auto
BENCHOPTS  ?=

VENVPY  = $(VENVDIR)/bin/python
SPHINX  = $(VENVPY) -m sphinx
STAMP   = $(VENVDIR)/.installed
DOCTREE = -d $(BUILDDIR)/doctrees
LATEXMAKE = LATEXMKOPTS=-silent LATEXOPTS="-interaction=nonstopmode -halt-on-error"
NODEDIR   = tests/browser
NODESTAMP = $(NODEDIR)/node_modules/.installed
TEX_PACKAGES = latexmk texlive-xetex texlive-latex-extra texlive-fonts-recommended fonts-freefont-otf

.PHONY: help venv html epub pdf cv all live linkcheck test lint audit bench lock clean distclean

help:
	@echo "make html       build the web site into $(BUILDDIR)/html"
	@echo "make epub       build the e-book into $(BUILDDIR)/epub"
	@echo "make pdf        build the portfolio PDF into $(BUILDDIR)/latex (needs TeX Live)"
	@echo "make cv         build the short CV PDF into $(BUILDDIR)/cv (needs TeX Live)"
	@echo "make all        html, epub, pdf and cv"
	@echo "make live       rebuild and reload the site in the browser as you edit"
	@echo "make linkcheck  check every external link (needs the internet)"
	@echo "make test       run the test suite"
	@echo "make lint       ruff and mypy on the code (settings in pyproject.toml)"
	@echo "make audit      Lighthouse and the Nu HTML Checker on the built site (needs Chromium, Node, Java)"
	@echo "make bench      time the builds against the performance goals (a few minutes)"
	@echo "make lock       regenerate requirements.lock after changing a requirements file"
	@echo "make clean      remove $(BUILDDIR); make distclean also removes $(VENVDIR)"
	@echo "make BUILDER    any other Sphinx builder, as sphinx-build -M does: make dirhtml, make text, make latexpdf"

# The virtual environment, rebuilt whenever a requirements file changes.
$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(VENVPY) || $(PYTHON) -m venv $(VENVDIR)
	$(VENVPY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	@touch $(STAMP)

venv: $(STAMP)

HTMLOPTS = -b html $(SPHINXOPTS) -j $(JOBS) $(DOCTREE) . $(BUILDDIR)/html

html: $(STAMP)
	$(SPHINX) -q $(HTMLOPTS)
	@echo "The site is at $(CURDIR)/$(BUILDDIR)/html/index.html"

epub: $(STAMP)
	$(SPHINX) -b epub $(SPHINXOPTS) $(DOCTREE) . $(BUILDDIR)/epub
	@echo "The e-book is at" $(CURDIR)/$(BUILDDIR)/epub/*.epub

pdf: $(STAMP) tex-tools
	$(SPHINX) -b latex $(SPHINXOPTS) $(DOCTREE) . $(BUILDDIR)/latex
	$(MAKE) -C $(BUILDDIR)/latex $(LATEXMAKE) all-pdf
	@for tex in $(BUILDDIR)/latex/*.tex; do echo "The PDF is at $(CURDIR)/$${tex%.tex}.pdf"; done

cv: $(STAMP) tex-tools
	$(SPHINX) -b latex -t cv $(SPHINXOPTS) -d $(BUILDDIR)/cv-doctrees . $(BUILDDIR)/cv
	$(MAKE) -C $(BUILDDIR)/cv $(LATEXMAKE) all-pdf
	@for tex in $(BUILDDIR)/cv/*.tex; do echo "The CV is at $(CURDIR)/$${tex%.tex}.pdf"; done

all: html epub pdf cv

live: $(STAMP)
	$(VENVDIR)/bin/sphinx-autobuild --ignore "$(BUILDDIR)/*" --ignore "$(VENVDIR)/*" $(HTMLOPTS)

linkcheck: $(STAMP)
	$(SPHINX) -b linkcheck $(SPHINXOPTS) $(DOCTREE) . $(BUILDDIR)/linkcheck

# The browser checks' npm packages (axe-core, Lighthouse, the Nu HTML Checker), reinstalled when the lock changes.
$(NODESTAMP): $(NODEDIR)/package-lock.json
	npm ci --prefix $(NODEDIR) --ignore-scripts --no-audit --no-fund
	@touch $@

# Without npm the browser tests skip locally (and fail under CI=true).
test: $(STAMP) $(if $(shell command -v npm),$(NODESTAMP))
	$(VENVPY) -m pytest

lint: $(STAMP)
	$(VENVDIR)/bin/ruff check .
	$(VENVDIR)/bin/mypy

# Lighthouse (mobile, light and dark) on four pages and the Nu HTML Checker on every page.
audit: html $(NODESTAMP)
	node $(NODEDIR)/audit.mjs $(BUILDDIR)/html

# Build times against the goals in README.md; BENCHOPTS=--quick for a one-run smoke test.
bench: $(STAMP)
	$(VENVPY) benchmarks/bench.py $(BENCHOPTS)

# Every transitive dependency, pinned with hashes, for Python 3.11 and newer (uv resolves for all of them).
lock: $(STAMP)
	$(VENVPY) -m pip install --quiet uv
	( echo "# Every package the build and the tests install, pinned with hashes, for Python 3.11 to 3.13."; \
	  echo "# Generated from requirements.txt and requirements-dev.txt; after changing either, run: make lock"; \
	  $(VENVDIR)/bin/uv pip compile requirements.txt requirements-dev.txt --universal --python-version 3.11 \
	    --generate-hashes --no-header --quiet ) > requirements.lock

clean:
	rm -rf $(BUILDDIR)

distclean: clean
	rm -rf $(VENVDIR) $(NODEDIR)/node_modules

# One line saying what to install, instead of a page of LaTeX errors.
.PHONY: tex-tools
tex-tools:
	@command -v latexmk >/dev/null && command -v xelatex >/dev/null \
	  || { echo "The PDF needs TeX Live: sudo apt-get install $(TEX_PACKAGES)"; exit 1; }

# Any other builder (dirhtml, text, latexpdf, ...), the way sphinx-build's make mode runs it. The files
# make reads are never targets of it.
Makefile requirements.txt requirements-dev.txt $(NODEDIR)/package-lock.json: ;
%: $(STAMP)
	$(SPHINX) -M $@ . $(BUILDDIR) $(SPHINXOPTS) $(DOCTREE)
