# Two commands do all set-up on a fresh Debian machine with Python 3.11:
#   make run    opens the window (the bundled sample articles the first time, your library after)
#   make test   runs the whole test suite (lint, types, layer contract, tests, devset gate,
#               the compiled engine built and checked against the pure one)
# Both create .venv and install what they need, system packages included when run as root.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSET ?= ../shared/devset

# Shared libraries Qt's offscreen platform needs, plus fonts (Qt wheels ship none)
# and poppler for looking at exported PDFs.
# The tests validate the desktop entry, the AppStream metainfo and the install script.
VALIDATOR_PACKAGES := desktop-file-utils appstream shellcheck
SYSTEM_PACKAGES := python3-venv libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 \
	libfontconfig1 libfreetype6 libxkbcommon0 fonts-dejavu-core fonts-wqy-microhei \
	$(VALIDATOR_PACKAGES)

export QT_QPA_PLATFORM ?= offscreen
export MPLBACKEND ?= Agg

# The mypyc build of the engine (packaging/compile_engine.py): a C compiler and the headers.
COMPILER_PACKAGES := gcc python3-dev
ENGINE_BUILD := build/compiled
PACKAGE_SOURCES := $(shell find desktop/briefing -name '*.py')
# What must hold for the compiled engine too: it is a build, checked like the source.
COMPILED_TESTS := tests/test_compiled_engine.py tests/test_own_articles.py \
	tests/test_generalisation.py tests/test_seed_facts.py tests/test_engine_properties.py

.PHONY: run test lint typecheck layers unit eval bench compiled compiled-check system-deps clean \
	companies screenshots package icons

# The window on a real display (X11 or Wayland through XWayland) needs Qt's xcb libraries.
DESKTOP_PACKAGES := libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
	libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 \
	libxkbcommon-x11-0

# Opens the window on your library; the bundled sample articles are loaded while it is empty.
run: $(STAMP)
	@bash packaging/ensure-system-packages.sh $(DESKTOP_PACKAGES) >&2
	@env -u QT_QPA_PLATFORM $(BIN)/briefing --with-samples

test: $(STAMP) lint typecheck layers unit eval compiled-check

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

# Every tab of the window with the sample articles, as PNG (offscreen; never the user's
# profile). `make screenshots SCREENSHOT_DIR=path` writes elsewhere; DOCS=1 refreshes docs/.
SCREENSHOT_DIR ?= build/screenshots
screenshots: $(STAMP)
	$(BIN)/python packaging/screenshots.py $(SCREENSHOT_DIR) $(if $(DOCS),--docs)

# The app icon in every size and format (resources/icons/), from the SVG drawings.
icons: $(STAMP)
	$(BIN)/python packaging/render_icons.py

# Regenerate the engine's company table from resources/companies/companies.csv.
companies: $(STAMP)
	$(BIN)/python packaging/generate_company_table.py

lint: $(STAMP)
	$(BIN)/ruff check desktop tests benchmarks packaging
	$(BIN)/ruff format --check desktop tests benchmarks packaging

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

# Both builds of the engine, pure Python first.
bench: $(STAMP) compiled
	$(BIN)/python benchmarks/extraction_speed.py
	$(BIN)/python benchmarks/extraction_speed.py --engine $(ENGINE_BUILD)

compiled: $(ENGINE_BUILD)/.built

$(ENGINE_BUILD)/.built: $(STAMP) $(PACKAGE_SOURCES) packaging/compile_engine.py
	@bash packaging/ensure-system-packages.sh $(COMPILER_PACKAGES) >&2
	$(BIN)/python packaging/compile_engine.py --out $(ENGINE_BUILD)
	@touch $@

# The compiled engine must give byte for byte the output of the pure one.
EQUIVALENCE_ARTICLES := resources/samples tests/fixtures/articles tests/fixtures/generalisation/articles

compiled-check: compiled
	@out=$$(mktemp -d) && \
		$(BIN)/briefing extract $(EQUIVALENCE_ARTICLES) -o $$out/pure.json && \
		PYTHONPATH=$(ENGINE_BUILD) $(BIN)/briefing extract $(EQUIVALENCE_ARTICLES) -o $$out/compiled.json && \
		cmp $$out/pure.json $$out/compiled.json && \
		echo "compiled engine: same output as the pure one on $$(find $(EQUIVALENCE_ARTICLES) -type f | wc -l) files" && \
		rm -rf $$out
	BRIEFING_EXPECT_COMPILED=1 PYTHONPATH=$(ENGINE_BUILD) MPLCONFIGDIR=$$(mktemp -d) \
		$(BIN)/python -m pytest -q -p no:cacheprovider $(COMPILED_TESTS)
	@if [ -d "$(DEVSET)" ]; then \
		PYTHONPATH=$(ENGINE_BUILD) $(BIN)/briefing eval $(DEVSET)/gold \
			--articles $(DEVSET)/articles --floors tests/quality_floors.json; \
	fi

# The one-folder app for this platform (packaging/investor-briefing.spec), then the frozen
# app checked as a new user would run it (packaging/check_frozen_app.py: --version, extract,
# export, --smoke-test, no network, no write outside its data and config folders).
# PyInstaller calls objdump and objcopy on Linux (binutils; ldd and ldconfig come with libc),
# strip only with strip=True, which the spec leaves off. The validators of resources/linux are
# ensured again here, for a .venv made before they joined SYSTEM_PACKAGES.
PACKAGE_BUILD := build/package
PACKAGE_STAMP := $(VENV)/.installed-package
PACKAGE_APP := $(PACKAGE_BUILD)/dist/investor-briefing/investor-briefing
PACKAGING_PACKAGES := binutils $(VALIDATOR_PACKAGES)

# Editable, like $(STAMP): a plain `pip install .[package]` would replace the checkout's
# editable install with a copy.
$(PACKAGE_STAMP): $(STAMP)
	@bash packaging/ensure-system-packages.sh $(PACKAGING_PACKAGES) >&2
	@$(BIN)/python -m pip install --quiet -e '.[test,package]' >&2
	@touch $@

package: $(PACKAGE_STAMP)
	@start=$$(date +%s) && \
		$(BIN)/pyinstaller packaging/investor-briefing.spec --distpath $(PACKAGE_BUILD)/dist \
			--workpath $(PACKAGE_BUILD)/work --noconfirm --log-level WARN && \
		echo "package: built $(PACKAGE_APP) in $$(( $$(date +%s) - start )) s"
	$(BIN)/python packaging/check_frozen_app.py $(PACKAGE_APP)

clean:
	rm -rf $(VENV) build *.egg-info desktop/*.egg-info
