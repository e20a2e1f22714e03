#!/usr/bin/env bash
# Times `threatshare hunt` on 1 and 2 threads against `LC_ALL=C grep -F -f`
# and `rg -F -f` on the same files: a Squid log of HUNT_BENCH_BYTES bytes
# (default 1 GB) and HUNT_BENCH_INDICATORS mixed indicators (default
# 1,000,000: IPv4 addresses, domains, URLs), made by bench/hunt_gen.py with a
# fixed seed. Checks that all four count the same lines with hits, and
# reports wall time, GB/s and peak memory (/usr/bin/time -v); hunt runs
# HUNT_BENCH_RUNS times on each thread count and its median run is shown.
# Usage: bench/hunt_compare.sh PATH/TO/threatshare
# The generated files are kept in HUNT_BENCH_DIR (default
# build/hunt-bench-data) and reused while the size and count are unchanged.
set -euo pipefail

binary=${1:?usage: hunt_compare.sh PATH/TO/threatshare}
here=$(cd "$(dirname "$0")" && pwd)
bytes=${HUNT_BENCH_BYTES:-1000000000}
count=${HUNT_BENCH_INDICATORS:-1000000}
dir=${HUNT_BENCH_DIR:-$here/../build/hunt-bench-data}
mkdir -p "$dir"
log=$dir/access.log
indicators=$dir/indicators.txt
stamp="$bytes $count"

for tool in grep rg /usr/bin/time python3; do
  command -v "$tool" > /dev/null || { echo "hunt_compare: $tool is missing (scripts/install-deps.sh)"; exit 2; }
done

if [ "$(cat "$dir/stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "generating $bytes bytes of Squid log and $count indicators in $dir ..."
  python3 "$here/hunt_gen.py" "$dir" --bytes "$bytes" --indicators "$count" > "$dir/expected_hits"
  echo "$stamp" > "$dir/stamp"
fi
expected=$(cat "$dir/expected_hits")
size=$(stat -c %s "$log")
cat "$log" "$indicators" > /dev/null  # every tool reads from the page cache

# run NAME COMMAND...: runs, records wall seconds, peak RSS (KB) and stdout.
run() {
  local name=$1
  shift
  /usr/bin/time -v -o "$dir/time.$name" "$@" > "$dir/out.$name" 2> "$dir/err.$name" || true
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/time.$name" |
    awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.$name")
  eval "wall_$name=$wall rss_$name=$rss"
}

# run_hunt T: HUNT_BENCH_RUNS back-to-back runs on T threads (default 5;
# fresh memory costs this VM anywhere from nothing to 0.3 s a run). Keeps
# the median run's wall time, peak RSS and summary, and the range.
runs=${HUNT_BENCH_RUNS:-5}
run_hunt() {
  local t=$1 i walls median
  for i in $(seq "$runs"); do
    run "hunt${t}_$i" "$binary" hunt --indicators "$indicators" --threads "$t" \
      --summary-json "$dir/summary${t}_$i.json" "$log"
  done
  walls=$(for i in $(seq "$runs"); do eval "echo \$wall_hunt${t}_$i $i"; done | sort -n)
  median=$(echo "$walls" | awk -v m=$(((runs + 1) / 2)) 'NR == m {print $2}')
  eval "wall_hunt$t=\$wall_hunt${t}_$median rss_hunt$t=\$rss_hunt${t}_$median"
  eval "range_hunt$t=$(echo "$walls" | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.2f-%.2f", lo, hi}')"
  cp "$dir/summary${t}_$median.json" "$dir/summary$t.json"
}

run_hunt 1
run_hunt 2
run grep env LC_ALL=C grep -c -F -f "$indicators" "$log"
run rg rg -c -F -f "$indicators" "$log"

hits_of() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['totals']['lines_with_hits'])" "$1"; }
load_of() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['timing']['load_seconds'])" "$1"; }
scan_of() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['timing']['scan_seconds'])" "$1"; }
hits_hunt1=$(hits_of "$dir/summary1.json")
hits_hunt2=$(hits_of "$dir/summary2.json")
hits_grep=$(head -1 "$dir/out.grep")
hits_rg=$(head -1 "$dir/out.rg")

echo
echo "log: $size bytes, $(wc -l < "$log") lines; indicators: $count; lines with hits expected: $expected"
printf '%-22s %10s %8s %12s %10s %10s\n' tool wall_s GB/s peak_RSS_MB hit_lines vs_grep
for name in hunt1 hunt2 grep rg; do
  eval "wall=\$wall_$name rss=\$rss_$name hits=\$hits_$name"
  label=$name
  [ "$name" = hunt1 ] && label="threatshare hunt -t1"
  [ "$name" = hunt2 ] && label="threatshare hunt -t2"
  [ "$name" = grep ] && label="grep -F -f"
  [ "$name" = rg ] && label="rg -F -f"
  awk -v l="$label" -v w="$wall" -v s="$size" -v r="$rss" -v h="$hits" -v g="$wall_grep" \
    'BEGIN { printf "%-22s %10.2f %8.3f %12.0f %10s %9.1fx\n", l, w, s / w / 1e9, r / 1024, h, g / w }'
done
for t in 1 2; do
  eval "range=\$range_hunt$t"
  awk -v t="$t" -v s="$size" -v x="$(scan_of "$dir/summary$t.json")" -v l="$(load_of "$dir/summary$t.json")" \
    -v n="$runs" -v r="$range" \
    'BEGIN { printf "hunt -t%s: median of %s runs (wall %s s); in it: loading %.2f s, scan %.2f s (%.3f GB/s)\n", t, n, r, l, x, s / x / 1e9 }'
done

status=0
for name in hunt1 hunt2 grep rg; do
  eval "hits=\$hits_$name"
  if [ "$hits" != "$expected" ]; then
    echo "MISMATCH: $name counted $hits lines with hits, expected $expected"
    status=1
  fi
done
[ $status -eq 0 ] && echo "hit counts agree: $expected lines"
exit $status
