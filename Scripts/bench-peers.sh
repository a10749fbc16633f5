#!/usr/bin/env bash
# Times whole processes on one generated Aegis run: `evalnorm fmt --compact`, `validate` and
# `normalize` against the peers a user would reach for instead (`jq -c .`; a Python process doing
# orjson parse + jsonschema-rs `iter_errors`; one doing only `orjson.dumps(orjson.loads(data))`).
# The commands take turns, round after round, so that a change in the machine's speed falls on all
# of them; the script prints each one's median wall time, MB/s and peak RSS. The first row times
# `/usr/bin/time true`: every other row includes that much (a few ms) besides its command.
#
# Usage: Scripts/bench-peers.sh [ROUNDS] [MB]   (defaults: 7 rounds, 50 MB)
# The input is written to ${TMPDIR:-/tmp}/evalnorm-aegis-MB.json and kept for later runs. A peer
# that is not installed (jq; python3 with orjson, jsonschema-rs) is skipped with a message. Python is
# only ever a peer here: nothing in EvalNorm or its tests uses it.
#
# `evalnorm` is built as README says to install it, with `--static-swift-stdlib` (into .build/static,
# so that it does not undo the usual release build); EVALNORM_BIN=PATH times another binary instead.
set -euo pipefail
export LC_ALL=C  # a dot in $EPOCHREALTIME and in the figures, whatever the user's locale
cd "$(dirname "$0")/.."
rounds=${1:-7}
size=${2:-50}
if [ -n "${EVALNORM_BIN:-}" ]; then
    bin=$EVALNORM_BIN
else
    swift build -c release --product evalnorm --static-swift-stdlib --scratch-path .build/static >/dev/null
    bin=.build/static/release/evalnorm
fi
swift build -c release --product evalnorm-bench >/dev/null
input=${TMPDIR:-/tmp}/evalnorm-aegis-$size.json
if [ ! -s "$input" ]; then
    echo "generating $input ($size MB)..." >&2
    .build/release/evalnorm-bench --write-aegis-run "$size" > "$input"
fi
schema=Schemas/aegis-run.schema.json
bytes=$(wc -c < "$input")

names=()
commands=()
add() { names+=("$1"); commands+=("$2"); }
# What every row includes besides the command itself: starting /usr/bin/time, and the clock reads.
add "(harness: /usr/bin/time true)" "true"
add "evalnorm fmt --compact" "$bin fmt --compact '$input'"
if command -v jq >/dev/null; then
    add "jq -c ." "jq -c . '$input'"
else
    echo "skipping jq: not installed" >&2
fi
add "evalnorm validate" "$bin validate '$input'"
if python3 -c 'import orjson, jsonschema_rs' 2>/dev/null; then
    add "orjson + jsonschema-rs iter_errors" "python3 -c 'import json, orjson, sys, jsonschema_rs
v = jsonschema_rs.validator_for(json.load(open(sys.argv[2])))
errors = list(v.iter_errors(orjson.loads(open(sys.argv[1], \"rb\").read())))
sys.exit(1 if errors else 0)' '$input' '$schema'"
else
    echo "skipping orjson + jsonschema-rs: python3 -m pip install orjson jsonschema-rs" >&2
fi
add "evalnorm normalize" "$bin normalize '$input'"
add "evalnorm normalize --no-validate" "$bin normalize --no-validate '$input'"
if python3 -c 'import orjson' 2>/dev/null; then
    add "orjson loads + dumps" "python3 -c 'import orjson, sys
sys.stdout.buffer.write(orjson.dumps(orjson.loads(open(sys.argv[1], \"rb\").read())))' '$input'"
else
    echo "skipping orjson loads + dumps: python3 -m pip install orjson" >&2
fi

samples=$(mktemp)
rss=$(mktemp)
trap 'rm -f "$samples" "$rss"' EXIT
echo "input: $input, $bytes bytes; $rounds rounds, commands in turn; evalnorm: $bin"
for round in $(seq "$rounds"); do
    for i in "${!commands[@]}"; do
        start=${EPOCHREALTIME:-$(date +%s.%N)}
        if ! eval "/usr/bin/time -f %M -o '$rss' ${commands[$i]}" > /dev/null; then
            echo "failed: ${names[$i]}" >&2
            exit 1
        fi
        end=${EPOCHREALTIME:-$(date +%s.%N)}
        echo "$i $start $end $(cat "$rss")" >> "$samples"
    done
done
median() { sort -g | awk '{ v[NR] = $1 } END { printf "%s %s %s\n", v[int((NR + 1) / 2)], v[1], v[NR] }'; }
for i in "${!names[@]}"; do
    read -r t tmin tmax < <(awk -v i="$i" '$1 == i { print $3 - $2 }' "$samples" | median)
    read -r m _ _ < <(awk -v i="$i" '$1 == i { print $4 }' "$samples" | median)
    awk -v name="${names[$i]}" -v t="$t" -v tmin="$tmin" -v tmax="$tmax" -v b="$bytes" -v m="$m" 'BEGIN {
        rate = name ~ /^\(/ ? "         " : sprintf("%5.0f MB/s", b / 1e6 / t)
        printf "%-34s median %.3f s (min %.3f, max %.3f)  %s  peak RSS %4.0f MB\n",
            name, t, tmin, tmax, rate, m / 1024 }'
done
