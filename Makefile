# TrialLens: the two Quick start commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed
NODE_STAMP = extension/node_modules/.installed

.PHONY: demo test setup clean extension extension-test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## Set everything up and check a bundled aggregator page against its official record.
# Offline, on a store of its own seeded from the bundled records in fixtures/ctgov.
demo: $(STAMP)
	TRIALLENS_OFFLINE=1 TRIALLENS_DB=$(VENV)/demo.sqlite3 $(VENV)/bin/triallens check fixtures/html/meddatax.com/nct07232563_bare_values.html
	@echo
	TRIALLENS_OFFLINE=1 TRIALLENS_DB=$(VENV)/demo.sqlite3 $(VENV)/bin/triallens check fixtures/html/clinconnect.io/nct06427642_full.html

## Run the whole test suite.
test: $(STAMP) $(NODE_STAMP)
	$(MAKE) --no-print-directory extension-test
	$(PY) -m pytest

## Browser extension (extension/): node unit tests, then the Firefox package through web-ext lint.
$(NODE_STAMP): extension/package.json extension/package-lock.json
	cd extension && npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

extension-test: $(NODE_STAMP)
	cd extension && node --test test/
	$(MAKE) --no-print-directory extension
	cd extension && npx --no-install web-ext lint --source-dir ../dist/firefox --output text

## Build dist/triallens-chrome.zip and dist/triallens-firefox.zip (checks the host list first).
extension: $(STAMP)
	$(PY) extension/sync_hosts.py --check
	$(PY) extension/build.py

clean:
	rm -rf $(VENV) build *.egg-info dist extension/node_modules
