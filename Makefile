# Crosslink — the two commands a newcomer needs are `make demo` and `make test`;
# everything else here is what they are made of.
SHELL := /bin/bash
.DEFAULT_GOAL := build

BUILD   := build
NATIVE  := $(BUILD)/native
EMBUILD := $(BUILD)/wasm-cmake
RESULTS := $(BUILD)/results
JOBS    ?= 2
# emcc's JS tools need Debian's Node modules (acorn) on the module path.
EMENV   := NODE_PATH=/usr/share/nodejs
TIERS   := unit wasm e2e stage
# Build output without the per-file progress lines; errors and warnings still show.
QUIET_BUILD := { grep -vE '^(\[ *[0-9]+%\] (Building|Linking)|g?make\[)' || true; }

# node --test with a readable report on the terminal and TAP kept for the tally.
node_tier = rm -f $(RESULTS)/$(1).*; mkdir -p $(RESULTS); \
	node --test --test-concurrency=1 --test-reporter=$(3) --test-reporter-destination=stdout \
	  --test-reporter=tap --test-reporter-destination=$(RESULTS)/$(1).tap $(2); \
	node scripts/tally.mjs $(1)

.PHONY: deps build native wasm extension test test-unit test-wasm test-e2e test-stage demo stage clean

deps:
	@scripts/deps.sh

native: deps
	@test -f $(NATIVE)/CMakeCache.txt || cmake -S . -B $(NATIVE) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@set -o pipefail; cmake --build $(NATIVE) -j$(JOBS) | $(QUIET_BUILD)

wasm: deps
	@test -f $(EMBUILD)/CMakeCache.txt || $(EMENV) emcmake cmake -S . -B $(EMBUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@set -o pipefail; $(EMENV) cmake --build $(EMBUILD) -j$(JOBS) | $(QUIET_BUILD)
	@mkdir -p $(BUILD)/wasm
	@cp $(EMBUILD)/wasm/crosslink_core.mjs $(EMBUILD)/wasm/crosslink_core.wasm wasm/crosslink.mjs wasm/crosslink.d.ts $(BUILD)/wasm/

extension: wasm
	@node scripts/build-extension.mjs

build: native extension

test-unit: native
	@rm -f $(RESULTS)/unit.*; mkdir -p $(RESULTS)
	@cd $(NATIVE) && ctest -j$(JOBS) --output-on-failure --output-junit $(abspath $(RESULTS))/unit.xml \
	  > $(abspath $(RESULTS))/unit.log 2>&1 || grep -B2 -A20 -E 'Failed|\*\*\*' $(abspath $(RESULTS))/unit.log | head -200
	@node scripts/tally.mjs unit

test-wasm: wasm
	@$(call node_tier,wasm,tests/wasm/*.test.mjs,dot)

test-e2e: extension
	@$(call node_tier,e2e,tests/e2e/*.test.mjs,spec)

# The stage alone, walked by hand-scripted Playwright clicks (no extension needed).
test-stage: deps
	@$(call node_tier,stage,tests/stage/*.test.mjs,spec)

# Every tier runs even when one fails; the last line sums them all.
test: deps
	@rm -rf $(RESULTS)
	@$(MAKE) --no-print-directory build
	@status=0; for tier in $(TIERS); do $(MAKE) --no-print-directory test-$$tier || status=1; done; \
	node scripts/tally.mjs --total $(TIERS) && exit $$status

# Re-records tests/fixtures/ (snapshots and journeys) from the stage; the result is committed.
fixtures: deps
	@node tests/fixtures/record.mjs

# The core's figures P1 (size), P3 (one decision on 5,000 elements), P6 (memory): build/bench/core.json.
bench-core: wasm
	@node tests/bench/core.mjs

demo: extension
	@node scripts/demo.mjs

stage: deps
	@node web/server.mjs

clean:
	rm -rf $(BUILD)
