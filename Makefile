# The documented commands: `make run` serves the guide, `make test` runs the suite.
# Both set up everything they need in .venv on the first run.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Local development only: DEBUG on, a throwaway key, SQLite unless DATABASE_URL is set.
DEV := DEBUG=1

LANGUAGES := nl en es fr pt ar id tl

.PHONY: run test bench instructions lint format install messages catalogues gettext chromium wrk redis valgrind clean

run: install messages
	$(DEV) $(BIN)/python manage.py migrate --no-input -v 0
	$(DEV) $(BIN)/python manage.py load_content
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install messages chromium redis
	$(BIN)/python -m pytest

# Speed against a static file, search in-process, then a minute of load with and
# without Redis, on this machine (see README, "Performance"). LOAD_DURATION=10s for a
# shorter load run.
bench: install messages wrk redis
	$(BIN)/python scripts/bench.py $(DURATION)
	$(BIN)/python scripts/search_speed.py
	$(BIN)/python scripts/load.py

# Instructions per request, to compare two versions of the code: `make instructions PAGE=/nl/`.
instructions: install messages valgrind
	$(BIN)/python scripts/instructions.py $(PAGE)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet '.[dev]'
	touch $@

messages: install gettext
	$(DEV) $(BIN)/python manage.py compilemessages --ignore '$(VENV)' -v 0

# After changing interface text: update every catalogue, then translate what is new.
catalogues: install gettext
	$(DEV) $(BIN)/python manage.py makemessages $(addprefix -l ,$(LANGUAGES)) \
	  --ignore '$(VENV)' --ignore staticfiles --ignore tests --ignore build --no-obsolete -v 0

# A system tool from Debian's packages: installed when missing and we are root,
# otherwise explained. $(1): the command, $(2): the package.
define system_tool
	@command -v $(1) >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -q && apt-get install -y -q --no-install-recommends $(2); \
	  else \
	    echo "$(1) is missing: install it (e.g. 'sudo apt-get install $(2)')."; exit 1; \
	  fi; }
endef

# compilemessages needs GNU gettext's msgfmt.
gettext:
	$(call system_tool,msgfmt,gettext)

# The browser tests drive Debian's Chromium; nothing downloads a browser of its own.
chromium:
	$(call system_tool,chromium,chromium)

wrk:
	$(call system_tool,wrk,wrk)

# The load run and the fault tests start redis-servers of their own.
redis:
	$(call system_tool,redis-server,redis-server)

valgrind:
	$(call system_tool,valgrind,valgrind)

clean:
	rm -rf $(VENV) build *.egg-info staticfiles db.sqlite3 .pytest_cache .ruff_cache
	find locale -name '*.mo' -delete
