#!/usr/bin/env bash
# Installs what building, running and testing threatshare needs: Debian
# packages only. The web console's npm packages come from web/package-lock.json
# through `npm ci`, which the Makefile runs.
# Idempotent: packages already present are not touched and apt is not asked.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ninja-build git
  libboost1.81-dev libsqlite3-dev sqlite3 libsodium-dev libssl-dev openssl
  libidn2-dev libcli11-dev nlohmann-json3-dev libspdlog-dev libfmt-dev
  libtomlplusplus-dev libgtest-dev libgmock-dev libbenchmark-dev
  clang-format clang libclang-rt-dev python3 curl
  chromium fonts-noto-cjk
  libzstd-dev zlib1g-dev zstd ripgrep time libcurl4-openssl-dev
  libsimdjson-dev jq
  libgmime-3.0-dev libarchive-dev libyara-dev libfuzzy-dev libtlsh-dev libmagic-dev
  ssdeep zip p7zip-full bc
)
# Node.js and npm build and test the web console. A Node.js that already
# brings npm (NodeSource's nodejs conflicts with Debian's npm package) is
# kept: the Debian packages are added only for missing commands.
command -v node > /dev/null 2>&1 || packages+=(nodejs)
command -v npm > /dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
