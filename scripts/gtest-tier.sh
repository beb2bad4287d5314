#!/bin/bash
# Runs a GoogleTest binary as one test tier: the tests split into JOBS shards run side by
# side (GTEST_TOTAL_SHARDS), each one process for its share of the tests, with its XML
# report, its output and its exit code kept in build/results/<tier>.<i>.{xml,log,rc} for
# scripts/tally.mjs. One process per shard, not ctest's one per test: the 1,527 unit tests
# took 34 s natively and 3.5 minutes under ASan as processes of their own, most of it
# starting them. The exit code is kept because a sanitizer may fail a run after its tests
# passed (LeakSanitizer reports at exit).
#   scripts/gtest-tier.sh <tier> <binary> [jobs]
set -u
tier=$1 binary=$2 jobs=${3:-2}
results=build/results
mkdir -p "$results"
rm -f "$results/$tier".*
echo "$jobs" > "$results/$tier.shards"
for ((i = 0; i < jobs; i++)); do
  ( GTEST_TOTAL_SHARDS=$jobs GTEST_SHARD_INDEX=$i "$binary" --gtest_brief=1 \
      --gtest_output="xml:$results/$tier.$i.xml" > "$results/$tier.$i.log" 2>&1
    echo $? > "$results/$tier.$i.rc" ) &
done
wait
# What failed, on the terminal (the whole output stays in the logs).
for ((i = 0; i < jobs; i++)); do
  if [ "$(cat "$results/$tier.$i.rc")" != 0 ]; then
    grep -B2 -A20 -E '\[  FAILED  \]|ERROR: (Address|Leak)Sanitizer|runtime error|Failure$' "$results/$tier.$i.log" | head -200
  fi
done
exec node scripts/tally.mjs "$tier"
