# Veilig Bestuur: `make demo` runs the product, `make test` runs the whole suite,
# `make bench` measures it at national scale.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# axe-core for the browser tests' accessibility checks; skipped (with a note) without npm.
NODE_STAMP := node_modules/.installed
# NL Design System CSS and fonts copied from node_modules to site/static/vendor/ (scripts/assets.py).
ASSETS_STAMP := site/static/vendor/.built
# Compiled interface translations (committed as well; rebuilt when a catalogue changes).
MO := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

.PHONY: demo test lint install clean bench assets messages screenshots

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(NODE_STAMP): package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --silent && touch $(NODE_STAMP); \
	else echo "npm ontbreekt: axe-core niet geïnstalleerd, toegankelijkheidstests worden overgeslagen."; fi

$(ASSETS_STAMP): $(NODE_STAMP) $(STAMP) scripts/assets.py home/brand.py
	@if [ -f $(NODE_STAMP) ]; then $(PY) scripts/assets.py && touch $(ASSETS_STAMP); \
	else echo "npm ontbreekt: NL Design System-CSS en lettertypen niet gekopieerd."; fi

assets: $(ASSETS_STAMP)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po | $(STAMP)
	@if command -v msgfmt >/dev/null 2>&1; then msgfmt --check-format -o $@ $<; \
	else $(PY) -c "import polib, sys; polib.pofile(sys.argv[1]).save_as_mofile(sys.argv[2])" $< $@; fi

messages: $(MO)

install: $(STAMP) $(NODE_STAMP) $(ASSETS_STAMP) $(MO)

demo: $(STAMP) $(ASSETS_STAMP) $(MO)
	DJANGO_SETTINGS_MODULE=veiligbestuur.settings.dev scripts/demo.sh

test: $(STAMP) $(NODE_STAMP) $(ASSETS_STAMP) $(MO)
	scripts/test.sh

# Refresh the committed pictures (docs/screenshots) from the last browser-test run (var/screenshots).
screenshots:
	@for f in docs/screenshots/*.png; do n=$$(basename $$f); \
		if [ -f var/screenshots/$$n ]; then cp var/screenshots/$$n $$f; echo "bijgewerkt: $$f"; fi; done

# Production-like stack under load (PostgreSQL, Redis, gunicorn, workers); see docs/performance.md.
bench: $(STAMP) $(ASSETS_STAMP)
	$(PY) -m bench.run

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/bandit -q -r accounts core home meldingen partners protocols reporting toolkit workflows site -x '*/migrations/*'
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres DJANGO_SETTINGS_MODULE=veiligbestuur.settings.test \
		$(PY) manage.py lintmigrations --git-commit-id e90f13b

clean:
	rm -rf $(VENV) var static_collected node_modules site/static/vendor
