# Watchfloor — the duty officer's command board. `make run` and `make test` work on a fresh
# Debian machine with the Swift toolchain: they install the few system packages they need.

SWIFT        ?= swift
BIN          := .build/debug/watchfloor
RELEASE_BIN  := .build/release/watchfloor
APT_PACKAGES := libncurses-dev libsqlite3-dev tmux jq time bc python3

.PHONY: all deps build build-tests run test unit-tests e2e-tests conformance bench fuzz demo-data clean

all: build

# System packages, installed only when missing (needs root or sudo).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

# The board on this terminal, replaying the bundled Jinan rainstorm as training into a fresh
# store under the state directory ($XDG_STATE_HOME/watchfloor, else ~/.local/state/watchfloor).
run: build
	$(BIN) run

# Every test, in two steps: `unit-tests`, the pure and in-process tests of the layers that do
# no I/O (Core, UI, Terminal), in parallel; then `e2e-tests`, everything that starts something —
# the watchfloor binary, a console in tmux, a TCP feed, threads that follow files, a PostgreSQL
# server — one test at a time, so that on a busy machine they do not starve each other of its
# cores. scripts/test-postgres.sh starts a throwaway PostgreSQL server on loopback in a
# temporary directory (installing postgresql when missing) for the store conformance suite,
# which runs against SQLite and PostgreSQL alike, and stops it whether the tests pass or fail.
E2E_TARGETS := WatchfloorAppTests|WatchfloorStoreTests|WatchfloorFeedsTests

# Both steps run, one after the other even under `make -j`, and the e2e tests run even when a
# unit test failed; `make test` fails if either did.
test: build-tests
	@status=0; \
	$(MAKE) --no-print-directory unit-tests || status=1; \
	$(MAKE) --no-print-directory e2e-tests || status=1; \
	exit $$status

build-tests: deps
	$(SWIFT) build --build-tests

# CAP_CORPUS is `make conformance`'s alone: the tests here run over the project's own CAP
# documents, whatever the environment or the command line says.
unit-tests: build-tests
	env -u CAP_CORPUS $(SWIFT) test --skip-build --skip '$(E2E_TARGETS)'

e2e-tests: build-tests
	env -u CAP_CORPUS bash scripts/test-postgres.sh run $(SWIFT) test --skip-build --no-parallel --filter '$(E2E_TARGETS)'

# The CAP decoder against an external corpus of real-world alerts: every file gets the verdict
# its expected.tsv gives (the same test that runs over the project's own Tests/Fixtures/cap in
# `make test`). CAP_CORPUS names the folder; a missing or empty one fails here, loudly.
CAP_CORPUS ?= ../shared/conformance/cap

# The corpus is looked at first, so that a wrong CAP_CORPUS fails at once, not after a build.
conformance:
	@corpus='$(CAP_CORPUS)'; \
	if [ ! -f "$$corpus/expected.tsv" ] || ! ls "$$corpus"/*.cap >/dev/null 2>&1; then \
	  echo "conformance: no CAP corpus at $$corpus (it needs expected.tsv and *.cap files); name one with CAP_CORPUS=DIR" >&2; \
	  exit 1; \
	fi
	$(MAKE) --no-print-directory build-tests
	CAP_CORPUS="$$(cd '$(CAP_CORPUS)' && pwd)" $(SWIFT) test --skip-build --filter 'CAPConformanceTests'

# Benchmarks, never timed tests: the replay path against jq on a 1,000,000-event day, the
# cost of one report with 1k and 100k open incidents, the cost of one frame of the default
# layout at 200×60 with 10,000 open incidents, the board in a real pseudo-terminal
# (keystroke latency, bytes per change), a command's commit latency, and live ingest from
# `feed serve` over loopback TCP with one feed and with six, and how soon a command committed on
# one console reaches a follower of the same store (PostgreSQL LISTEN/NOTIFY, SQLite polling).
bench: deps
	$(SWIFT) build -c release
	bash scripts/bench-replay.sh $(RELEASE_BIN)
	.build/release/correlation-cost demo-data/geo/shandong.json
	.build/release/frame-cost demo-data/geo/shandong.json layouts/default.yaml
	python3 scripts/bench-terminal.py $(RELEASE_BIN)
	.build/release/commit-latency demo-data
	python3 scripts/bench-ingest.py $(RELEASE_BIN)
	python3 scripts/bench-follow.py $(RELEASE_BIN)

# Fuzzing, never a test: each decoder (CloudEvents lines, CAP documents) under libFuzzer with
# AddressSanitizer for FUZZ_RUNS inputs, seeded from demo-data/scenarios, the project's own
# CAP documents and, when present, the external CAP corpus (CAP_CORPUS); `make fuzz
# FUZZ_RUNS=1000000` for a long run, FUZZ_OPTIONS for more libFuzzer flags. Builds into .build-fuzz, apart from .build; see scripts/fuzz.sh.
FUZZ_RUNS    ?= 100000
FUZZ_OPTIONS ?=

fuzz: deps
	SWIFT=$(SWIFT) bash scripts/fuzz.sh $(FUZZ_RUNS) $(FUZZ_OPTIONS)

# The generated ordinary day in demo-data is written by the program itself.
demo-data: build
	$(BIN) demo generate --seed 20261124 --events 3000 --output demo-data/scenarios/ordinary-day.jsonl

clean:
	rm -rf .build .build-fuzz
