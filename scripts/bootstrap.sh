#!/usr/bin/env bash
# Set up circulars on a fresh Debian/Ubuntu machine: system packages (when missing),
# a virtual environment in .venv, and the package with its test extras.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(python3 python3-venv python3-pip fonts-thai-tlwg tesseract-ocr tesseract-ocr-tha postgresql)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# A Python from elsewhere (pyenv, a container image) makes the Debian python packages unnecessary.
if python3 -m venv --help >/dev/null 2>&1; then
  missing=($(printf '%s\n' "${missing[@]:-}" | grep -v -E '^python3(-venv|-pip)?$' || true))
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "bootstrap: installing system packages: ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
log=.venv/install.log
if ! { .venv/bin/python -m pip install -q --upgrade pip && .venv/bin/python -m pip install -q -e ".[test]"; } >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "bootstrap: installing the Python packages failed (full log: $log)" >&2
  exit 1
fi
