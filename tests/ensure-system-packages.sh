#!/bin/sh
# Debian packages the browser tests need: chromium (Playwright drives it; it cannot
# download a browser here) and a Java runtime for the Nu HTML checker.
set -e
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian packages:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
    echo "The browser tests need Debian packages:$missing" >&2
    echo "Install them with: sudo apt-get install$missing   (or run: make test-fast)" >&2
    exit 1
fi
