#!/usr/bin/env bash
# The issue-2 benchmark: the real replay path (decode, correlate, hash, commit to SQLite with
# synchronous=FULL, log to stdout) on a generated 1,000,000-event day, against `jq -c .data`
# on the same file, interleaved in one run. Prints both rates, the ratio and peak memory.
# Each round also times SQLite alone storing the rows that replay wrote (sqlite-floor, built
# beside the binary): the floor under the replay's speed that no code of ours can lower.
# Usage: scripts/bench-replay.sh [BINARY] [EVENTS] [ROUNDS]
set -euo pipefail
bin=${1:-.build/release/watchfloor}
events=${2:-1000000}
rounds=${3:-3}
floor_bin="$(dirname "$bin")/sqlite-floor"
[ -x "$floor_bin" ] || { echo "bench: $floor_bin is missing (swift build -c release builds it)" >&2; exit 1; }
out=${BENCH_DIR:-bench-out}
mkdir -p "$out"
command -v jq >/dev/null || { echo "bench: jq is missing (make deps installs it)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

day="$out/day-$events.jsonl"
if [ ! -s "$day" ] || [ "$(wc -l < "$day")" -ne "$events" ]; then
  start=$(date +%s.%N)
  "$bin" demo generate --seed 20261124 --events "$events" --output "$day"
  end=$(date +%s.%N)
  printf 'generate: %d events in %.2f s (%s)\n' "$events" "$(echo "$end - $start" | bc)" "$(du -h "$day" | cut -f1)"
fi

# Runs a command, prints "seconds maxrss_kb".
measure() {
  /usr/bin/time -f '%e %M' -o "$out/time.txt" "$@" > /dev/null
  cat "$out/time.txt"
}

jq_total=0; wf_total=0; wf_peak=0; bare_total=0; schema_total=0; unsynced_total=0
for i in $(seq 1 "$rounds"); do
  read -r jq_s jq_kb < <(measure jq -c .data "$day")
  rm -f "$out/bench.db" "$out/bench.db-wal" "$out/bench.db-shm"
  read -r wf_s wf_kb < <(measure "$bin" replay "$day" --headless --speed max --store "$out/bench.db")
  printf 'round %d: jq %.2f s (%.0f ev/s) | watchfloor %.2f s (%.0f ev/s), peak %d MB\n' \
    "$i" "$jq_s" "$(echo "$events / $jq_s" | bc -l)" "$wf_s" "$(echo "$events / $wf_s" | bc -l)" "$((wf_kb / 1024))"
  "$floor_bin" "$out/bench.db" > "$out/floor.txt"
  read -r _ bare_s rows < <(grep '^bare ' "$out/floor.txt")
  read -r _ schema_s _ < <(grep '^schema ' "$out/floor.txt")
  read -r _ unsynced_s _ < <(grep '^unsynced ' "$out/floor.txt")
  printf '         SQLite alone storing its %d rows: (seq, line) %.2f s | the store'"'"'s schema %.2f s | (seq, line) unsynced %.2f s\n' \
    "$rows" "$bare_s" "$schema_s" "$unsynced_s"
  jq_total=$(echo "$jq_total + $jq_s" | bc -l); wf_total=$(echo "$wf_total + $wf_s" | bc -l)
  bare_total=$(echo "$bare_total + $bare_s" | bc -l); schema_total=$(echo "$schema_total + $schema_s" | bc -l)
  unsynced_total=$(echo "$unsynced_total + $unsynced_s" | bc -l)
  [ "$wf_kb" -gt "$wf_peak" ] && wf_peak=$wf_kb
done
jq_rate=$(echo "$events * $rounds / $jq_total" | bc -l)
wf_rate=$(echo "$events * $rounds / $wf_total" | bc -l)
printf '\nreplay --speed max --store: %.0f events/s; jq -c .data: %.0f events/s; ratio %.2fx (target >= 2x)\n' \
  "$wf_rate" "$jq_rate" "$(echo "$wf_rate / $jq_rate" | bc -l)"
for floor in "bare:(seq, line) only" "schema:the store's own schema" "unsynced:(seq, line) with synchronous=OFF (not durable)"; do
  case ${floor%%:*} in bare) total=$bare_total ;; schema) total=$schema_total ;; unsynced) total=$unsynced_total ;; esac
  rate=$(echo "$events * $rounds / $total" | bc -l)
  printf 'floor, SQLite alone storing the log rows, %s: %.0f events/s, ratio %.2fx jq\n' "${floor#*:}" "$rate" "$(echo "$rate / $jq_rate" | bc -l)"
done
printf 'peak memory of the fold: %d MB (target < 1024 MB)\n' "$((wf_peak / 1024))"
"$bin" log verify --store "$out/bench.db" | cut -c1-160
