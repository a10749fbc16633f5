#!/usr/bin/env bash
# Times `evalnorm normalize --ndjson` on generated Lunary runs with 1 and 2 jobs: throughput (MB/s,
# documents/s) and peak memory. Usage: Scripts/bench-ndjson.sh [MB] (default 500). The input is
# written to ${TMPDIR:-/tmp}/evalnorm-lunary-MB.ndjson and kept for later runs.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-500}
swift build -c release --product evalnorm >/dev/null
swift build -c release --product evalnorm-bench >/dev/null
input=${TMPDIR:-/tmp}/evalnorm-lunary-$size.ndjson
if [ ! -s "$input" ]; then
    echo "generating $input ($size MB)..." >&2
    .build/release/evalnorm-bench --write-lunary-ndjson "$size" > "$input"
fi
bytes=$(wc -c < "$input")
lines=$(wc -l < "$input")
echo "input: $input, $bytes bytes, $lines documents"
for jobs in 1 2; do
    start=$(date +%s.%N)
    if command -v /usr/bin/time >/dev/null; then
        /usr/bin/time -f "%M" -o /tmp/evalnorm-bench-rss .build/release/evalnorm normalize --ndjson --jobs "$jobs" "$input" > /dev/null
        rss="$(awk '{printf "%.1f MB", $1 / 1024}' /tmp/evalnorm-bench-rss)"
    else
        .build/release/evalnorm normalize --ndjson --jobs "$jobs" "$input" > /dev/null
        rss="(no /usr/bin/time)"
    fi
    end=$(date +%s.%N)
    awk -v b="$bytes" -v n="$lines" -v s="$start" -v e="$end" -v j="$jobs" -v r="$rss" \
        'BEGIN { t = e - s; printf "jobs %d: %.2f s, %.1f MB/s, %.0f documents/s, peak RSS %s\n", j, t, b / 1e6 / t, n / t, r }'
done
