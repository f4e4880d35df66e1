# Every target creates the virtual environment first when it is missing, so
# each one is a complete set-up on its own on a fresh machine with python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv run test lint typecheck sandbox bench bundle bundle-check a11y clean
.PHONY: deb deb-check tarball ensure-bundle

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/addressbook --demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check addressbook tests bench packaging tools
	$(BIN)/ruff format --check addressbook tests bench packaging tools
	$(BIN)/mypy
	$(BIN)/actionlint -no-color .github/workflows/*.yml

sandbox: $(STAMP)
	$(BIN)/python -m addressbook.sandbox

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	rm -rf build/bundle dist/HarvestContacts
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--workpath build/bundle --distpath dist packaging/addressbook.spec
	@du -sh dist/HarvestContacts

# Build the bundle, then run it as a user would: --version, and the demo's smoke test
# offscreen (tests/packaging/bundle_checks.py, also the size and keyring checks).
bundle-check: bundle
	@if command -v desktop-file-validate >/dev/null; then \
		desktop-file-validate resources/com.harvestcontacts.HarvestContacts.desktop; \
	else echo "desktop-file-validate missing (apt-get install desktop-file-utils)"; fi
	@if command -v appstreamcli >/dev/null; then \
		appstreamcli validate --no-net resources/com.harvestcontacts.HarvestContacts.metainfo.xml; \
	else echo "appstreamcli missing (apt-get install appstream)"; fi
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/packaging/bundle_checks.py

# Release artifacts from the one-folder bundle (packaging/README.md). Each builds the bundle
# first; REUSE_BUNDLE=1 takes the dist/HarvestContacts already there (CI, after bundle-check).
VERSION = $(shell $(PYTHON) packaging/platform_bundle.py version)
ensure-bundle: $(STAMP)
	@if [ -n "$(REUSE_BUNDLE)" ] && [ -x dist/HarvestContacts/addressbook ]; then \
		echo "reusing dist/HarvestContacts"; else $(MAKE) bundle; fi

# The .deb for Debian and Ubuntu (dpkg-deb; installs to /opt/harvest-contacts).
deb: ensure-bundle
	$(BIN)/python packaging/linux/build_deb.py --bundle dist/HarvestContacts --out dist

# Install it with apt-get, run it, validate its files, purge it (needs root; changes the system).
deb-check: deb
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/packaging/deb_checks.py

# The same folder as a tarball, for other distributions.
tarball: ensure-bundle
	XZ_OPT=-T0 tar -C dist -cJf dist/harvest-contacts-$(VERSION)-linux-$$(uname -m).tar.xz \
		--owner=0 --group=0 HarvestContacts
	@ls -l dist/harvest-contacts-$(VERSION)-linux-$$(uname -m).tar.xz

# The real AT-SPI tree, as a screen reader reads it (tools/atspi_check.py): needs
# at-spi2-core and python3-pyatspi (system Python); skipped with the reason when missing.
a11y: $(STAMP)
	@if command -v xvfb-run >/dev/null && command -v dbus-run-session >/dev/null; then \
		xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- /usr/bin/python3 tools/atspi_check.py; \
	else echo "a11y check skipped: xvfb-run or dbus-run-session missing (apt-get install xvfb dbus)"; fi

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
