#!/usr/bin/env bash
# Installs what the build and the tests need; quiet and quick when all is present.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(emscripten nlohmann-json3-dev libgtest-dev cmake g++ make clang libclang-rt-14-dev chromium firefox-esr openssl zip faketime librsvg2-bin nodejs npm)
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  # nodejs/npm: any Node ≥ 20 on PATH will do, Debian's or not.
  if [[ $pkg == nodejs || $pkg == npm ]] && command -v "${pkg/nodejs/node}" >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
  echo "deps: Node $(node --version) is too old; the tests need Node 20 or newer" >&2
  exit 1
fi

# npm packages exactly as locked (playwright-core and puppeteer-core: they never download browsers).
if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
