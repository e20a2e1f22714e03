#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 20) from its seed corpus.
# `make test` runs them briefly, `make fuzz` for longer.
set -euo pipefail
build=$1
seconds=${2:-20}
here=$(cd "$(dirname "$0")" && pwd)
for seeds in "$here"/corpus/*/; do
  target=$(basename "$seeds")_fuzz
  work=$(mktemp -d)
  mkdir "$work/corpus"
  cp "$seeds"* "$work/corpus/"
  echo "fuzz: $target for ${seconds}s"
  status=0
  "$build/tests/fuzz/$target" -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 \
    -artifact_prefix="$work/" "$work/corpus" > "$work/log" 2>&1 || status=$?
  grep -E "^stat::number_of_executed_units" "$work/log" || true
  if [ "$status" -ne 0 ]; then
    echo "fuzz: $target FAILED"
    grep -A30 -E "ERROR|deadly signal" "$work/log" | head -60
    rm -rf "$work"
    exit 1
  fi
  rm -rf "$work"
done
