#!/usr/bin/env bash
# Sample hashing side by side on the same file: `sha256sum`, `ssdeep`, both
# one after the other (what a script computing the usual digests would run),
# and ComputeDigests, which yields md5, sha1, sha256, sha512, ssdeep and TLSH
# in one pass (bench/content_bench, BM_AllDigests, on the bytes in memory as
# an upload arrives). Prints MB/s for each (1 MB = 10^6 bytes).
# The file (CONTENT_BENCH_BYTES, default 256 MB: half random, half
# repetitive text, fixed seed) is kept in CONTENT_BENCH_DIR.
# Usage: bench/content_compare.sh BUILD_DIR   (built with -DTS_BENCH=ON)
set -euo pipefail

build_dir=${1:?usage: content_compare.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
bytes=${CONTENT_BENCH_BYTES:-256000000}
dir=${CONTENT_BENCH_DIR:-$here/../build/content-bench-data}
bench=$build_dir/bench/content_bench
for tool in sha256sum ssdeep python3 "$bench"; do
  command -v "$tool" > /dev/null || { echo "content_compare: $tool is missing"; exit 2; }
done
mkdir -p "$dir"
file=$dir/sample-$bytes.bin
if [ ! -f "$file" ]; then
  python3 - "$file" "$bytes" <<'PY'
import random, sys
path, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(1)
with open(path, "wb") as f:
    f.write(rng.randbytes(n // 2))
    text = b"".join(b"GET /index.php?id=%d\n" % rng.randrange(1000) for _ in range(200000))
    left = n - n // 2
    while left > 0:
        f.write(text[:left])
        left -= len(text[:left])
PY
fi
cat "$file" > /dev/null  # page cache for the command-line tools

seconds() {  # wall seconds of a command
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.3f}')"
}
mbs() { python3 -c "print(f'{$bytes / $1 / 1e6:.0f}')"; }

t_sha=$(seconds sha256sum "$file")
t_ssdeep=$(seconds ssdeep -s "$file")
t_both=$(python3 -c "print(f'{$t_sha + $t_ssdeep:.3f}')")
json=$(CONTENT_BENCH_FILE=$file "$bench" --benchmark_filter='BM_(AllDigests|Sha256Only|SsdeepOnly|TlshOnly)/' \
  --benchmark_repetitions=3 --benchmark_report_aggregates_only=true --benchmark_format=json 2>/dev/null)
ours() {  # median MB/s of a benchmark
  python3 -c "
import json, sys
for b in json.loads(sys.argv[1])['benchmarks']:
    if b['name'] == sys.argv[2] + '/real_time_median':
        print(f\"{b['bytes_per_second'] / 1e6:.0f}\")" "$json" "$1"
}

echo "file: $file ($bytes bytes)"
printf '| %-58s | %8s |\n' "tool" "MB/s"
printf '|%s|%s|\n' "---" "---:"
printf '| %-58s | %8s |\n' "sha256sum" "$(mbs "$t_sha")"
printf '| %-58s | %8s |\n' "ssdeep -s" "$(mbs "$t_ssdeep")"
printf '| %-58s | %8s |\n' "sha256sum then ssdeep" "$(mbs "$t_both")"
printf '| %-58s | %8s |\n' "ComputeDigests (md5+sha1+sha256+sha512+ssdeep+tlsh)" "$(ours BM_AllDigests)"
printf '| %-58s | %8s |\n' "  of which: OpenSSL sha256 alone" "$(ours BM_Sha256Only)"
printf '| %-58s | %8s |\n' "  of which: libfuzzy fuzzy_hash_buf alone" "$(ours BM_SsdeepOnly)"
printf '| %-58s | %8s |\n' "  of which: TLSH alone" "$(ours BM_TlshOnly)"
