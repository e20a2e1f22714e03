#!/usr/bin/env bash
# Times the STIX 2.1 import on a generated bundle of STIX_BENCH_BYTES bytes
# (default 50 MB, bench/stix_gen.py, fixed seed) against Python's json
# module and `jq -c '.objects[]'` loading the same file, in one run:
#   check   threatshare import --check: parse (simdjson) + validate + map
#   import  threatshare import: the same, then store in one transaction
#   python  python3 -c 'json.load(f)'
#   jq      jq -c '.objects[]' > /dev/null
# Reports wall seconds, MB/s and peak memory (/usr/bin/time -v), and the
# stored objects per second of the import.
# Usage: bench/stix_compare.sh PATH/TO/threatshare
set -euo pipefail

binary=${1:?usage: stix_compare.sh PATH/TO/threatshare}
here=$(cd "$(dirname "$0")" && pwd)
bytes=${STIX_BENCH_BYTES:-50000000}
dir=${STIX_BENCH_DIR:-$here/../build/stix-bench-data}
mkdir -p "$dir"
bundle=$dir/bundle.json

for tool in jq /usr/bin/time python3; do
  command -v "$tool" > /dev/null || { echo "stix_compare: $tool is missing"; exit 2; }
done

if [ "$(cat "$dir/stamp" 2>/dev/null)" != "$bytes" ]; then
  echo "generating a $bytes-byte STIX bundle in $dir ..."
  python3 "$here/stix_gen.py" "$bundle" --bytes "$bytes" > "$dir/objects"
  echo "$bytes" > "$dir/stamp"
fi
objects=$(cat "$dir/objects")
size=$(stat -c %s "$bundle")
cat "$bundle" > /dev/null  # every tool reads from the page cache

data=$dir/portal
rm -rf "$data"
"$binary" admin create-org --data "$data" --name Bench --sector none --membership participant > /dev/null

run() {
  local name=$1
  shift
  /usr/bin/time -v -o "$dir/time.$name" "$@" > "$dir/out.$name" 2> "$dir/err.$name" || {
    echo "stix_compare: $name failed:"; tail -5 "$dir/err.$name"; exit 1; }
}
run check "$binary" import --check --data "$data" "$bundle"
run import "$binary" import --data "$data" --org Bench "$bundle"
run python python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$bundle"
run jq jq -c '.objects[]' "$bundle"

seconds() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$1"; }
peak() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }

echo "bundle: $size bytes, $objects objects"
printf "%-8s %9s %9s %10s\n" tool seconds MB/s "peak MB"
for name in check import python jq; do
  s=$(seconds "$dir/time.$name")
  printf "%-8s %9.2f %9.1f %10s\n" "$name" "$s" "$(awk -v b="$size" -v s="$s" 'BEGIN {print b / 1e6 / s}')" "$(peak "$dir/time.$name")"
done
s=$(seconds "$dir/time.import")
c=$(seconds "$dir/time.check")
echo "import stores $(awk -v n="$objects" -v s="$s" 'BEGIN {printf "%.0f", n / s}') objects/s (whole run: read, parse, validate, map, store)"
echo "store phase: $(awk -v n="$objects" -v s="$s" -v c="$c" 'BEGIN {printf "%.0f", n / (s - c)}') objects/s (import minus check)"
cat "$dir/out.import"
