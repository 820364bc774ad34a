# Đọc nội dung — two commands: `make run` serves, `make test` checks everything.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
APT_RUN := redis-server libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core tesseract-ocr tesseract-ocr-vie poppler-utils
APT_TEST := $(APT_RUN) chromium gpodder
APT_BENCH := wrk

.PHONY: run test bench sysdeps sysdeps-test clean

# Test-only JavaScript (the current axe-core for the browser tests), pinned in package.json
# and package-lock.json. Node and npm come from Debian when the machine has neither.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || $(call apt_install,nodejs npm)
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VENV)/.installed: requirements.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install -q --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	touch $@

# System packages come from Debian (as root); without root we only say what is missing.
define apt_ensure
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "installing:$$missing"; \
	    (apt-get install -y -qq $$missing >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null)); \
	  else echo "please install with apt:$$missing"; exit 1; fi; fi
endef

define apt_install
	(apt-get install -y -qq $(1) >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null))
endef

sysdeps:
	$(call apt_ensure,$(APT_RUN))

sysdeps-test:
	$(call apt_ensure,$(APT_TEST))

run: sysdeps $(VENV)/.installed
	$(PY) runner.py

test: sysdeps-test $(VENV)/.installed-dev node_modules/.installed
	$(PY) -m pytest

bench: sysdeps-test $(VENV)/.installed-dev
	$(call apt_ensure,$(APT_BENCH))
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache node_modules
