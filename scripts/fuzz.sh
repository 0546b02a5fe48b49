#!/usr/bin/env bash
# `make fuzz`: builds each fuzz target of Fuzz/ with libFuzzer and AddressSanitizer, writes
# the seed corpora and runs each target for RUNS inputs.
#
#   scripts/fuzz.sh RUNS [libFuzzer option...]      e.g. scripts/fuzz.sh 1000000 -jobs=2
#
# Everything lands in .build-fuzz/, never in .build/ (a sanitized build would disturb the normal
# one): release/fuzz-* the binaries, seeds/ (rewritten each time), corpus/ (what libFuzzer
# learnt; kept between runs), crashes/ (crash-*, timeout-*, oom-*: the input that did it) and
# logs/ (libFuzzer's whole output). Exit status 1 when any target found something.
set -euo pipefail

runs=${1:?usage: scripts/fuzz.sh RUNS [libFuzzer option...]}
shift
build=.build-fuzz
swift=${SWIFT:-swift}
targets=(cloudevents cap)

for target in "${targets[@]}"; do
    # Fuzz targets exist in Package.swift only under WATCHFLOOR_FUZZ. gold warns once per ASan
    # symbol it cannot export (about 140 lines, harmless), so those lines are dropped.
    WATCHFLOOR_FUZZ=1 "$swift" build -c release --build-path "$build" -Xswiftc -sanitize=fuzzer,address \
        --product "fuzz-$target" 2>&1 | { grep -v 'Cannot export local symbol' || true; }
done

python3 scripts/fuzz-seeds.py "$build/seeds" --cap Tests/Fixtures/cap --cap "${CAP_CORPUS:-../shared/conformance/cap}"

failed=()
for target in "${targets[@]}"; do
    mkdir -p "$build/corpus/$target" "$build/crashes/$target" "$build/logs"
    log="$build/logs/$target.log"
    echo "fuzz-$target: $runs runs (log: $log)"
    # SWIFT_BACKTRACE off: Swift's own crash handler would take the signal before libFuzzer
    # could save the input. Leak checks per input are off (-detect_leaks=0) because Foundation's
    # XMLParser leaks a little on every malformed document (Fuzz/lsan.supp), which sets them off
    # on most inputs, costs minutes and finds nothing; libFuzzer then gives up on them anyway.
    if SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=Fuzz/lsan.supp \
        "$build/release/fuzz-$target" "$build/corpus/$target" "$build/seeds/$target" \
        -dict="Fuzz/$target.dict" -runs="$runs" -timeout=5 -rss_limit_mb=2048 -detect_leaks=0 \
        -artifact_prefix="$build/crashes/$target/" -print_final_stats=1 "$@" >"$log" 2>&1; then
        grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^Done |^stat::' "$log" | sed 's/^/  /'
    else
        failed+=("$target")
        echo "fuzz-$target FAILED; the end of its log:"
        tail -n 40 "$log" | sed 's/^/  /'
    fi
done

if ((${#failed[@]})); then
    echo "fuzzing found problems in: ${failed[*]} (inputs in $build/crashes/)"
    exit 1
fi
