# Two commands do all set-up on a fresh Debian machine with Python 3.11:
#   make run    reads the bundled sample articles and prints the extraction JSON
#   make test   runs the whole test suite (lint, types, layer contract, tests, devset gate)
# Both create .venv and install what they need, system packages included when run as root.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSET ?= ../shared/devset

# Shared libraries Qt's offscreen platform needs, plus fonts (Qt wheels ship none)
# and poppler for looking at exported PDFs.
SYSTEM_PACKAGES := python3-venv libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 \
	libfontconfig1 libfreetype6 libxkbcommon0 fonts-dejavu-core fonts-wqy-microhei

export QT_QPA_PLATFORM ?= offscreen
export MPLBACKEND ?= Agg

.PHONY: run test lint typecheck layers unit eval bench system-deps clean

run: $(STAMP)
	@$(BIN)/briefing extract resources/samples

test: $(STAMP) lint typecheck layers unit eval

system-deps:
	@bash packaging/ensure-system-packages.sh $(SYSTEM_PACKAGES)

# Set-up messages go to stderr so that `make run > extraction.json` stays valid JSON.
# Debian's bundled pip mishandles lxml's extras (STACK.md P17), so pip is upgraded first.
$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory system-deps >&2
	@echo "setting up $(VENV) (first run only)" >&2
	@$(PYTHON) -m venv $(VENV) >&2
	@$(BIN)/python -m pip install --quiet --upgrade pip >&2
	@$(BIN)/python -m pip install --quiet -e '.[test]' >&2
	@touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check desktop tests benchmarks
	$(BIN)/ruff format --check desktop tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

layers: $(STAMP)
	$(BIN)/lint-imports

unit: $(STAMP)
	MPLCONFIGDIR=$$(mktemp -d) $(BIN)/python -m pytest -q

# The quality gate: devset scores must stay at or above the floors kept in the repo.
eval: $(STAMP)
	@if [ -d "$(DEVSET)" ]; then \
		$(BIN)/briefing eval $(DEVSET)/gold --articles $(DEVSET)/articles --floors tests/quality_floors.json; \
	else \
		echo "eval: $(DEVSET) not found, devset gate skipped"; \
	fi

bench: $(STAMP)
	$(BIN)/python benchmarks/extraction_speed.py

clean:
	rm -rf $(VENV) build *.egg-info desktop/*.egg-info
