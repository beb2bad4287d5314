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
TIERS   := unit asan fuzz wasm stage e2e clock firefox variants
# Build output without the per-file progress lines; errors and warnings still show.
QUIET_BUILD := { grep -vE '^(\[ *[0-9]+%\] (Building|Linking)|g?make\[)' || true; }

# node --test with a readable report on the terminal and TAP kept for the tally. No test
# may hang CI: each has TEST_TIMEOUT ms, each tier TIER_TIMEOUT s (then it counts as failed).
TEST_TIMEOUT ?= 120000
TIER_TIMEOUT ?= 1500
node_tier = rm -f $(RESULTS)/$(1).*; mkdir -p $(RESULTS); \
	$(4) timeout -k 10 $(TIER_TIMEOUT) node --test --test-concurrency=1 --test-timeout=$(TEST_TIMEOUT) --test-reporter=$(3) --test-reporter-destination=stdout \
	  --test-reporter=tap --test-reporter-destination=$(RESULTS)/$(1).tap $(2); \
	node scripts/tally.mjs $(1)

.PHONY: deps registry-lists build native wasm extension test test-unit test-wasm test-e2e test-clock test-stage test-firefox demo stage clean \
	test-asan fuzz fuzz-build test-fuzz bench-feed fixtures bench-core wasm-size bench-link

deps:
	@scripts/deps.sh

native: deps
	@test -f $(NATIVE)/CMakeCache.txt || cmake -S . -B $(NATIVE) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@set -o pipefail; cmake --build $(NATIVE) -j$(JOBS) | $(QUIET_BUILD)

# The registry's lists that code needs before the core loads (scripts/registry-lists.mjs).
registry-lists:
	@node scripts/registry-lists.mjs

wasm: deps registry-lists
	@test -f $(EMBUILD)/CMakeCache.txt || $(EMENV) emcmake cmake -S . -B $(EMBUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@set -o pipefail; $(EMENV) cmake --build $(EMBUILD) -j$(JOBS) | $(QUIET_BUILD)
	@mkdir -p $(BUILD)/wasm
	@cp $(EMBUILD)/wasm/crosslink_core.mjs $(EMBUILD)/wasm/crosslink_core.wasm wasm/crosslink.mjs wasm/crosslink.d.ts $(BUILD)/wasm/

extension: wasm registry-lists
	@node scripts/build-extension.mjs

build: native extension

# The GoogleTest binary in $(JOBS) shards side by side (scripts/gtest-tier.sh); `ctest` in
# build/native still runs each test as a process of its own.
test-unit: native
	@scripts/gtest-tier.sh unit $(NATIVE)/tests/unit/unit_tests $(JOBS)

test-wasm: wasm
	@$(call node_tier,wasm,tests/wasm/*.test.mjs,dot)

test-e2e: extension
	@$(call node_tier,e2e,tests/e2e/*.test.mjs,spec)

# The tests that show, store or compare times and languages, again with the machine's
# clock 1,550 days ahead (faketime: node, Chromium and its worker all see it), another
# time zone and another language: they pass only if every time comes from the test
# (harness.mjs FIXED_NOW, TEST_TIMEZONE, TEST_LOCALE) or from one shared clock.
CLOCK_TESTS := tests/e2e/options-screenshots.test.mjs tests/e2e/a11y.test.mjs tests/e2e/link-status.test.mjs \
	tests/e2e/options.test.mjs tests/e2e/locales.test.mjs tests/wasm/share.test.mjs tests/wasm/flows.test.mjs
CLOCK_ENV   := TZ=Pacific/Auckland LANG=de_DE.UTF-8 LANGUAGE=de faketime -f +1550d
test-clock: extension
	@$(call node_tier,clock,$(CLOCK_TESTS),dot,$(CLOCK_ENV))

# The built Firefox package (build/extension-firefox/, unchanged) in headless Firefox ESR
# over WebDriver BiDi (puppeteer-core), against the stage through a proxy that lets only
# the stage's hosts through (tests/firefox/).
test-firefox: extension
	@$(call node_tier,firefox,tests/firefox/*.test.mjs,spec)

# The stage alone, walked by hand-scripted Playwright clicks (no extension needed).
test-stage: deps
	@$(call node_tier,stage,tests/stage/*.test.mjs,spec)

# The robustness tier of issue 15 ("First contact"): every flow through the built extension
# × each of the stage's first-contact variants × the markup scrambler's 8 fixed seeds
# (tests/variants/run.mjs says which runs; FULL=1 every variant × every seed,
# SEEDS=random N=200 explores new seeds, SEED=… reproduces one, FLOWS=/VARIANTS= narrow it).
# In `make test` (118 runs, about 3 minutes); build/results/variants.json has each run.
.PHONY: test-variants
test-variants: extension
	@rm -f $(RESULTS)/variants.*; SEEDS=$(SEEDS) N=$(N) SEED=$(SEED) FULL=$(FULL) timeout -k 10 $(TIER_TIMEOUT) node tests/variants/run.mjs

# Every tier runs even when one fails; the last line sums them all.
test: deps
	@rm -rf $(RESULTS)
	@$(MAKE) --no-print-directory build
	@status=0; for tier in $(TIERS); do $(MAKE) --no-print-directory test-$$tier || status=1; done; \
	node scripts/tally.mjs --total $(TIERS) && exit $$status

# The native unit tests again under AddressSanitizer + UndefinedBehaviorSanitizer.
ASANBUILD := $(BUILD)/asan
SANITIZE  := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
test-asan: deps
	@test -f $(ASANBUILD)/CMakeCache.txt || cmake -S . -B $(ASANBUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_FLAGS="$(SANITIZE)" -DCMAKE_EXE_LINKER_FLAGS="$(SANITIZE)" >/dev/null
	@set -o pipefail; cmake --build $(ASANBUILD) -j$(JOBS) | $(QUIET_BUILD)
	@scripts/gtest-tier.sh asan $(ASANBUILD)/tests/unit/unit_tests $(JOBS)

# libFuzzer (clang) with ASan + UBSan: `make fuzz FUZZ_SECONDS=600` for a real run,
# test-fuzz for the smoke pass inside `make test` (6 targets × 5 s). The Wasm build
# turns the recorded journeys into flow states for state_fuzz's seeds.
FUZZBUILD    := $(BUILD)/fuzz
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 5
fuzz-build: deps
	@test -f $(FUZZBUILD)/CMakeCache.txt || CC=clang CXX=clang++ cmake -S . -B $(FUZZBUILD) -DCROSSLINK_FUZZ=ON \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS="$(SANITIZE) -fsanitize=fuzzer-no-link" >/dev/null
	@set -o pipefail; cmake --build $(FUZZBUILD) -j$(JOBS) | $(QUIET_BUILD)

fuzz: fuzz-build wasm
	@node scripts/fuzz.mjs $(FUZZ_SECONDS)

test-fuzz: fuzz-build wasm
	@node scripts/fuzz.mjs $(FUZZ_SMOKE_SECONDS) --tier fuzz

# P4: the 1,000-post feed scrolled with and without the extension in one Chromium
# session; prints the ratio with its goal and writes build/bench/p4.json.
bench-feed: extension
	@node tests/bench/p4-feed.mjs

# P5: the link flow with the extension against the stage's hand-scripted walk, 20 runs
# each in one Chromium session; prints the ratio with its goal and writes build/bench/p5.json.
bench-link: extension
	@node tests/bench/p5-link.mjs --runs 20

# Re-records tests/fixtures/ (snapshots and journeys) from the stage; the result is committed.
fixtures: deps
	@node tests/fixtures/record.mjs

# The core's figures P1 (size), P3 (one decision on 5,000 elements), P6 (memory): build/bench/core.json.
bench-core: wasm
	@node tests/bench/core.mjs

# Where the Wasm's bytes go (P1 work): a relink with function names, then a table.
wasm-size: deps
	@test -f $(BUILD)/wasm-prof/CMakeCache.txt || $(EMENV) emcmake cmake -S . -B $(BUILD)/wasm-prof -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs >/dev/null
	@set -o pipefail; $(EMENV) cmake --build $(BUILD)/wasm-prof -j$(JOBS) --target crosslink_wasm | $(QUIET_BUILD)
	@node scripts/wasm-size.mjs $(BUILD)/wasm-prof/wasm/crosslink_core.wasm 2

# P2: service worker cold start to core ready, medians of P2_RUNS (25) stops and wake-ups
# in headless Chromium: build/bench/p2.json.
bench-start: extension
	@node tests/bench/p2-start.mjs

# Every performance figure, P1–P6 (../shared/DESIGN.md), in one run: each bench script
# writes build/bench/<name>.json, scripts/bench.mjs prints the table and writes
# build/bench.json. A bench that fails leaves its figure "not measured"; P5 runs when the
# flows work (bench-link, tests/bench/p5-link.mjs) is there. See tests/bench/README.md.
P4_ROUNDS ?= 10
.PHONY: bench bench-start
bench: extension
	@rm -f $(BUILD)/bench/*.json $(BUILD)/bench.json; status=0; \
	$(MAKE) --no-print-directory bench-core || status=1; \
	$(MAKE) --no-print-directory bench-start || status=1; \
	node tests/bench/p4-feed.mjs --rounds $(P4_ROUNDS) || status=1; \
	if $(MAKE) -n bench-link >/dev/null 2>&1; then $(MAKE) --no-print-directory bench-link || status=1; \
	elif [ -f tests/bench/p5-link.mjs ]; then node tests/bench/p5-link.mjs || status=1; \
	else echo "bench: P5 not measured (no tests/bench/p5-link.mjs on this branch)"; fi; \
	node tests/bench/p7-step.mjs || status=1; \
	node tests/bench/p8-popup.mjs || status=1; \
	echo; uptime; node scripts/bench.mjs --require P1,P2,P3,P4,P6,P7,P8 || status=1; exit $$status

demo: extension
	@node scripts/demo.mjs

# The store kit in build/store/ (store/README.md says what is in it and which store
# requirement each part meets); the Firefox source archive alone: make source-zip.
.PHONY: store source-zip
store: extension
	@node scripts/store.mjs

source-zip: deps
	@node scripts/source-zip.mjs

stage: deps
	@node web/server.mjs

clean:
	rm -rf $(BUILD)
