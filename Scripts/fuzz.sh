#!/usr/bin/env bash
# Builds and runs one libFuzzer target against EvalNorm, seeded from the test fixtures.
#
#   Scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]
#
# TARGET: json (parse -> write -> parse is stable), vendor (decode -> encode gives the document
# back, also through canonical JSON), canonical (canonical read -> write -> read is stable), schema
# (compile any schema, validate any instances: an array [schema, instance, ...]). Each target is
# compiled with the library's sources into one module with -sanitize=fuzzer,address, into
# .build/fuzz/TARGET. The corpus grows in .build/fuzz/corpus/TARGET; a failing input is saved in
# .build/fuzz/artifacts/ and the script exits non-zero. Exit 77 when the toolchain has no libFuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:-}
seconds=${2:-}
shift 2 || true
case "$target" in
    json) source_file=JSONFuzz.swift ;;
    vendor) source_file=VendorFuzz.swift ;;
    canonical) source_file=CanonicalFuzz.swift ;;
    schema) source_file=SchemaFuzz.swift ;;
    *) echo "usage: Scripts/fuzz.sh json|vendor|canonical|schema SECONDS [libFuzzer options...]" >&2; exit 64 ;;
esac
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
    echo "fuzz.sh: SECONDS must be a whole number" >&2
    exit 64
fi

out=.build/fuzz
mkdir -p "$out/corpus/$target" "$out/artifacts"
binary="$out/$target"

# Rebuild when a source is newer than the binary.
if [ ! -x "$binary" ] || [ -n "$(find Sources/EvalNorm Fuzz -name '*.swift' -newer "$binary" | head -1)" ]; then
    probe="$out/probe"
    printf '@_cdecl("LLVMFuzzerTestOneInput") public func f(_ d: UnsafePointer<UInt8>, _ n: Int) -> Int32 { 0 }\n' > "$probe.swift"
    if ! swiftc -sanitize=fuzzer -parse-as-library "$probe.swift" -o "$probe" >/dev/null 2>&1; then
        echo "fuzz.sh: this toolchain cannot build libFuzzer targets (-sanitize=fuzzer); skipping" >&2
        exit 77
    fi
    echo "fuzz.sh: building $binary" >&2
    # Compile a snapshot of the sources, so that editing them meanwhile cannot break the build.
    snapshot=$(mktemp -d)
    trap 'rm -rf "$snapshot"' EXIT
    cp -R Sources/EvalNorm Fuzz "$snapshot"/
    rm -f "$binary"
    find "$snapshot/EvalNorm" -name '*.swift' -print0 | xargs -0 swiftc -swift-version 6 -module-name EvalNormFuzz -package-name EvalNorm -parse-as-library \
        -O -sanitize=fuzzer,address "$snapshot/Fuzz/FuzzSupport.swift" "$snapshot/Fuzz/$source_file" -o "$binary" 2>&1 \
        | grep -v "Cannot export local symbol '__asan" || true
    [ -x "$binary" ] || { echo "fuzz.sh: build failed" >&2; exit 1; }
fi

# Seeds: the fixtures and examples (for schema: each bundled schema with the documents of its kind).
corpus="$out/corpus/$target"
seeds="$out/seeds/$target"
rm -rf "$seeds" && mkdir -p "$seeds"
fixtures=Tests/EvalNormTests/Fixtures
case "$target" in
    json|vendor)
        cp Examples/*.json "$fixtures"/vendors/*.json "$fixtures"/lists/*.json "$seeds"/
        for file in "$fixtures"/scorecard-merged/*/*.json; do cp "$file" "$seeds/$(basename "$(dirname "$file")")-$(basename "$file")"; done ;;
    canonical)
        cp "$fixtures"/golden/*.json "$seeds"/ ;;
    schema)
        for schema in Schemas/*.schema.json; do
            name=$(basename "$schema" .schema.json)
            for document in "$fixtures"/vendors/"$name"-*.json "$fixtures"/lists/"$name".json "$fixtures"/lists/"$name"-*.json; do
                [ -e "$document" ] || continue
                { printf '['; cat "$schema"; printf ','; cat "$document"; printf ']'; } > "$seeds/$(basename "$document")"
            done
        done
        for golden in "$fixtures"/golden/*.canonical.json; do
            { printf '['; cat Schemas/eval-run.schema.json; printf ','; cat "$golden"; printf ']'; } > "$seeds/$(basename "$golden")"
        done ;;
esac

export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
"$binary" -max_total_time="$seconds" -max_len=262144 -rss_limit_mb=4096 -timeout=20 -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/$target-" "$@" "$corpus" "$seeds"
