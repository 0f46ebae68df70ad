# Two commands on a fresh Debian machine with Python 3.11:
#   make html   set up .venv from the pinned requirements and build the site into output/
#   make test   also set up what the tests need (Debian's chromium, Node tools) and run them all
# Everything else is a one-line alias of an invoke task in tasks.py.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
INVOKE := $(BIN)/invoke

.PHONY: html clean regenerate serve devserver publish github check livereload new-post import-photos test test-fast bench lint format translations setup test-setup

html: setup
	$(INVOKE) build

setup: $(VENV)/.runtime

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test-setup: $(VENV)/.dev node_modules/.installed
	@sh tests/ensure-system-packages.sh

test: test-setup
	$(INVOKE) test

test-fast: $(VENV)/.dev
	$(INVOKE) test --fast

bench: $(VENV)/.dev
	$(INVOKE) bench

lint: $(VENV)/.dev
	$(INVOKE) lint

format: $(VENV)/.dev
	$(INVOKE) format

clean: setup
	$(INVOKE) clean

regenerate: setup
	$(INVOKE) regenerate

serve: setup
	$(INVOKE) serve

devserver: setup  # make devserver PORT=8001 to use another port
	$(INVOKE) livereload --port $(PORT)

livereload: devserver

check: setup
	$(INVOKE) check

new-post: setup  # make new-post TITLE="หัวข้อข่าว"
	$(INVOKE) new-post "$(TITLE)"

import-photos: setup  # make import-photos FOLDER=/media/camera GALLERY=opening-day
	$(INVOKE) import-photos "$(FOLDER)" --gallery "$(GALLERY)"

github: setup
	$(INVOKE) gh-pages

publish: setup
	$(INVOKE) publish

translations: setup
	$(INVOKE) translations
