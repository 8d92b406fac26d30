#!/usr/bin/env bash
# The main job on the bundled sample letters, with the embedded defaults:
# read every letter in corpus/letters, print what was found, then the tasks by due date.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/circulars extract corpus/letters
.venv/bin/circulars tasks corpus/letters
