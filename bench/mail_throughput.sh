#!/usr/bin/env bash
# Mail analysis throughput: `threatshare mail analyze --json` over 1,000
# messages made by bench/mail_gen.py from the test corpus, in one process
# (the command analyses one message at a time: a one-thread figure). Prints
# messages per second, best of RUNS.
#   bash bench/mail_throughput.sh BUILD/src/threatshare [RUNS=3]
set -euo pipefail
binary=$1
runs=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
dir=${MAIL_BENCH_DIR:-$(mktemp -d)}
python3 "$here/mail_gen.py" "$dir" 1000 > /dev/null
best=""
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  "$binary" mail analyze --json "$dir"/*.eml > "$dir.out"
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc -l)
  if [ -z "$best" ] || [ "$(echo "$seconds < $best" | bc -l)" = 1 ]; then best=$seconds; fi
done
lines=$(wc -l < "$dir.out")
printf 'messages: %d  best of %d: %.3f s  %.0f messages/s\n' "$lines" "$runs" "$best" \
  "$(echo "$lines / $best" | bc -l)"
rm -f "$dir.out"
[ -n "${MAIL_BENCH_DIR:-}" ] || rm -rf "$dir"
