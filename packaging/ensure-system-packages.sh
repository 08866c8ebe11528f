#!/usr/bin/env bash
# Installs the Debian packages named on the command line that are missing.
# As root it installs them with apt-get; otherwise it says which are missing and carries on,
# so a developer without root still gets a clear message instead of a failed build.
set -euo pipefail
missing=()
for package in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system packages not checked (no apt-get); needed: ${missing[*]}" >&2
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing system packages (install them as root): ${missing[*]}" >&2
  exit 0
fi
echo "installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
