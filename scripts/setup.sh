#!/bin/sh
# Creates .venv and installs the pinned dependencies; safe to run again.
set -eu
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
    -c constraints.txt -e ".[test]"
# The web editor (decap-cms, decap-server; pinned in package-lock.json). Install
# scripts are skipped: the packages ship what the site needs.
if command -v npm >/dev/null 2>&1; then
    npm ci --ignore-scripts --no-audit --no-fund --silent
fi
