# Watchfloor — the duty officer's command board. `make run` and `make test` work on a fresh
# Debian machine with the Swift toolchain: they install the few system packages they need.

SWIFT        ?= swift
BIN          := .build/debug/watchfloor
RELEASE_BIN  := .build/release/watchfloor
APT_PACKAGES := libncurses-dev libsqlite3-dev tmux jq time bc
RUN_STATE    ?= $(if $(XDG_STATE_HOME),$(XDG_STATE_HOME),$(HOME)/.local/state)/watchfloor

.PHONY: all deps build run test unit-tests e2e-tests bench demo-data clean

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

# Until the screen exists (issue 3): replay the Jinan rainstorm into a fresh store in the state
# directory and print the board.
run: build
	@mkdir -p "$(RUN_STATE)"
	@rm -f "$(RUN_STATE)/jinan-rainstorm.db" "$(RUN_STATE)/jinan-rainstorm.db-wal" "$(RUN_STATE)/jinan-rainstorm.db-shm"
	$(BIN) replay demo-data/scenarios/jinan-rainstorm.jsonl --headless --speed max --store "$(RUN_STATE)/jinan-rainstorm.db" > "$(RUN_STATE)/jinan-rainstorm.log"
	$(BIN) log verify "$(RUN_STATE)/jinan-rainstorm.log"
	$(BIN) board --store "$(RUN_STATE)/jinan-rainstorm.db"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Benchmarks, never timed tests: the replay path against jq on a 1,000,000-event day, and the
# cost of one report with 1k and 100k open incidents.
bench: deps
	$(SWIFT) build -c release
	bash scripts/bench-replay.sh $(RELEASE_BIN)
	.build/release/correlation-cost demo-data/geo/shandong.json

# The generated ordinary day in demo-data is written by the program itself.
demo-data: build
	$(BIN) demo generate --seed 20261124 --events 3000 --output demo-data/scenarios/ordinary-day.jsonl

clean:
	rm -rf .build
