#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for SECONDS (default 60) on a copy of the seed
# corpus in Fuzz/corpus/. Exits non-zero when a target crashes, hangs or runs out of memory; the
# input that did it stays in the work folder printed at the end.
#
#   Fuzz/run.sh            # a minute per target (CI gives each 40 s)
#   Fuzz/run.sh 3600       # an hour per target
#
# FUZZ_SCRATCH_PATH picks the build folder (default .build-fuzz); FUZZ_WORK_DIR the work folder
# (default: a new temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
scratch="${FUZZ_SCRATCH_PATH:-.build-fuzz}"
work="${FUZZ_WORK_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/dtm-fuzz.XXXXXX")}"
mkdir -p "$work"

# target  corpus folder (and dictionary of tokens)  longest input in bytes
targets=(
    "fuzz-csv csv 65536"
    "fuzz-reports-yaml yaml 65536"
    "fuzz-template template 16384"
    "fuzz-workbook workbook 65536"
    "fuzz-indicators-params indicators 16384"
)

# The Swift code gets coverage and AddressSanitizer from -sanitize; the C code (libyaml inside
# Yams, the driver) gets the same from -fsanitize, so a memory error in the YAML parser is caught.
for target in "${targets[@]}"; do
    read -r product _ _ <<<"$target"
    DTM_FUZZ=1 swift build -c release --scratch-path "$scratch" \
        -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address --product "$product"
done
bin="$(DTM_FUZZ=1 swift build -c release --scratch-path "$scratch" --show-bin-path)"

failed=()
for target in "${targets[@]}"; do
    read -r product corpus max_len <<<"$target"
    # libFuzzer adds what it finds to the first corpus folder: a copy keeps the committed seeds as
    # they are. Crashes, hangs and out-of-memory inputs go to artifacts/. No leak detection: Swift
    # keeps flag bits in the pointers of strings and arrays, which LeakSanitizer cannot follow, so
    # every global initialised during a run (the plugins' descriptions) would count as a leak.
    mkdir -p "$work/$product/corpus" "$work/$product/artifacts"
    cp Fuzz/corpus/"$corpus"/* "$work/$product/corpus/"
    echo "$product: fuzzing for $seconds s (inputs up to $max_len bytes)"
    # The Swift runtime's own backtracer is off: under AddressSanitizer it reads memory ASan
    # refuses and hides the runtime failure, which libFuzzer's stack trace names with its line.
    if SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" "$bin/$product" "$work/$product/corpus" \
        -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
        -dict="Fuzz/dictionaries/$corpus.dict" -artifact_prefix="$work/$product/artifacts/" -print_final_stats=1 \
        >"$work/$product/log.txt" 2>&1; then
        grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$work/$product/log.txt" | sed "s/^/$product: /"
    else
        failed+=("$product")
        grep -m1 -B2 -A40 -E 'ERROR: libFuzzer|ERROR: AddressSanitizer|runtime failure' "$work/$product/log.txt" || tail -n 60 "$work/$product/log.txt"
        echo "$product: FAILED; the input is in $work/$product/artifacts/"
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing failed: ${failed[*]} (log and inputs in $work)"
    exit 1
fi
echo "fuzzing: ${#targets[@]} targets, $seconds s each, no crash"
if [ -z "${FUZZ_WORK_DIR:-}" ]; then rm -rf "$work"; fi
