#!/bin/sh
# Debian packages the site needs beyond Python's: `build` (make html) needs a Chromium, which
# prints the printable edition (plugins/paper); `test` (make test) also needs a Java runtime
# for the Nu HTML checker and poppler-utils to read the PDFs back (Playwright drives
# Debian's chromium: it cannot download a browser here).
set -e
missing=""
has_browser() {
    for name in chromium chromium-browser google-chrome google-chrome-stable; do
        command -v "$name" >/dev/null 2>&1 && return 0
    done
    return 1
}
has_browser || missing="$missing chromium"
if [ "${1:-test}" = test ]; then
    command -v chromium >/dev/null 2>&1 || case "$missing" in *chromium*) ;; *) missing="$missing chromium" ;; esac
    command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
    command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian packages:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
    echo "This needs Debian packages:$missing" >&2
    echo "Install them with: sudo apt-get install$missing" >&2
    exit 1
fi
