# Écoute — set-up, run, test, benchmark and lint. Works on a fresh Linux machine with Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_DB := .demo/demo.db
# Debian packages the tests use: a virtual screen, PDF tools, fonts; shellcheck, which
# actionlint runs on the release workflow's shell steps.
DEB_TOOLS := xvfb-run:xvfb pdftoppm:poppler-utils pdffonts:poppler-utils qpdf:qpdf xauth:xauth \
	shellcheck:shellcheck dbus-run-session:dbus-daemon
# Libraries Qt's xcb platform plugin loads (a real window under X11 or Xvfb), and fonts.
DEB_LIBS := libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 \
	fonts-dejavu-core \
	at-spi2-core python3-pyatspi dovecot-imapd
# (at-spi2-core, python3-pyatspi: the accessibility bus and its Python reader, for
# tests/test_atspi.py; dovecot-imapd: the real IMAP server of the mailbox tests, run
# unprivileged by tests/imap_server.py — the package's system service is not used)

# What `make dist` needs beyond that: dpkg-deb, the desktop-entry and AppStream validators.
DIST_TOOLS := dpkg-deb:dpkg desktop-file-validate:desktop-file-utils appstreamcli:appstream \
	ldd:libc-bin
DIST_STAMP := $(VENV)/.installed-dist

.PHONY: run test bench lint venv system-deps dist-system-deps dist demo clean translations

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Install the Debian packages of $(1) (tool:package pairs, by command) and $(2) (packages)
# that are missing, with apt-get update first.
define install_missing
	@missing=""; for pair in $(1); do \
	  tool=$${pair%%:*}; pkg=$${pair##*:}; \
	  command -v $$tool >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	for pkg in $(2); do \
	  dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installation des paquets Debian :$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

system-deps:
	$(call install_missing,$(DEB_TOOLS),$(DEB_LIBS))

dist-system-deps:
	$(call install_missing,$(DIST_TOOLS),)

$(DEMO_DB): | $(STAMP)
	$(VENV)/bin/ecoute demo $(DEMO_DB)

demo: $(DEMO_DB)

run: $(STAMP) system-deps $(DEMO_DB)
	@echo "Base de démonstration : $(DEMO_DB) — phrase de passe : demo"
	$(PY) -m ecoute_desktop.ui.app --db $(DEMO_DB)

test: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n 2 --dist loadfile

bench: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench

$(DIST_STAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet -e '.[test,dist]'
	touch $(DIST_STAMP)

# The Linux packages (installers/README.md): the PyInstaller bundle dist/Ecoute, the .deb and
# the .tar.gz, then installers/linux/check_dist.py proves each of them with --self-test.
dist: $(DIST_STAMP) system-deps dist-system-deps
	@started=$$(date +%s); \
	rm -rf dist/Ecoute dist/ecoute_*.deb dist/ecoute-*.tar.gz build/pyinstaller && \
	$(PY) -m PyInstaller installers/ecoute.spec --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath build/pyinstaller && \
	QT_QPA_PLATFORM=offscreen $(PY) installers/linux/package.py && \
	$(PY) installers/linux/check_dist.py && \
	echo "make dist : terminé en $$(( $$(date +%s) - started )) s"

# The source catalogue ecoute.ts (French, untranslated: the template of a new language), then
# the compiled .qm of each ecoute_<lang>.ts (docs/accessibility-and-translations.md).
TS_DIR := resources/translations
UI_SOURCES = $(shell find ecoute_desktop/ui -name '*.py' | LC_ALL=C sort)
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $(UI_SOURCES) -ts $(TS_DIR)/ecoute.ts \
	  -source-language fr_FR -locations none -no-obsolete -silent
	@for ts in $(TS_DIR)/ecoute_*.ts; do \
	  [ -e "$$ts" ] || continue; \
	  $(VENV)/bin/pyside6-lupdate $(UI_SOURCES) -ts "$$ts" \
	    -source-language fr_FR -locations none -no-obsolete -silent; \
	  $(VENV)/bin/pyside6-lrelease "$$ts" -qm "$${ts%.ts}.qm"; \
	done

lint: $(STAMP)
	$(VENV)/bin/ruff check ecoute_desktop tests installers
	$(VENV)/bin/ruff format --check ecoute_desktop tests installers
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) .demo .pytest_cache build dist
