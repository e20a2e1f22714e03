#!/usr/bin/env bash
# Runs every benchmark binary of a build (BUILD_DIR/bench), then the
# retro-hunt comparison against grep and ripgrep (bench/hunt_compare.sh)
# and the STIX import against Python's json and jq (bench/stix_compare.sh),
# sample hashing against sha256sum and ssdeep (bench/content_compare.sh),
# and mail analysis throughput (bench/mail_throughput.sh).
# Usage: bench/run.sh BUILD_DIR
# HUNT_BENCH_BYTES chooses the size of the generated log (default 1 GB;
# e.g. HUNT_BENCH_BYTES=50000000 for a quick check).
set -euo pipefail

build_dir=${1:?usage: bench/run.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)

for bin in "$build_dir"/bench/*; do
  if [ -f "$bin" ] && [ -x "$bin" ]; then
    echo "== $(basename "$bin")"
    "$bin"
  fi
done

echo "== hunt_compare.sh"
bash "$here/hunt_compare.sh" "$build_dir/src/threatshare"

echo "== stix_compare.sh"
bash "$here/stix_compare.sh" "$build_dir/src/threatshare"

echo "== content_compare.sh"
bash "$here/content_compare.sh" "$build_dir"

echo "== mail_throughput.sh"
bash "$here/mail_throughput.sh" "$build_dir/src/threatshare" 3
