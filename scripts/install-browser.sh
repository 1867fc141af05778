#!/bin/sh
# Install headless Chromium for heartline's browser tests (tests/report/).
#
# The report tests drive Debian's own chromium package at /usr/bin/chromium through Playwright for
# Python; they never run `playwright install` (which downloads a browser). Run this as root on a
# Debian (or Ubuntu) machine before the tests; it does nothing when chromium is already installed.
#
#   sudo scripts/install-browser.sh
set -eu

BROWSER=/usr/bin/chromium

if [ -x "$BROWSER" ]; then
    echo "install-browser: $BROWSER is already installed: $("$BROWSER" --version 2>/dev/null || echo unknown version)"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-browser: error: installing chromium needs root. Rerun with: sudo $0" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: error: apt-get not found; install Chromium yourself so that $BROWSER exists." >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core

if [ ! -x "$BROWSER" ]; then
    echo "install-browser: error: apt-get finished but $BROWSER is missing; check the package name for this distribution." >&2
    exit 1
fi
echo "install-browser: installed $("$BROWSER" --version 2>/dev/null || echo chromium)"
