#!/usr/bin/env bash
# Install what is needed, start a throw-away PostgreSQL (when root), then run the linter and
# the whole test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
source scripts/pg-test-server.sh
.venv/bin/python -m ruff check circulars tests corpus bench scripts
.venv/bin/python -m pytest "$@"
