#!/usr/bin/env bash
# Full erase + program of 128 KiB through our own flash algorithms in the emulator (issue 5).
# Usage: bench/emulator-flash.sh [ROUNDS]   (default 10)
# Prints, per algorithm, the first run in a fresh JVM (what one `packs emulate` or flash costs)
# and the best of ROUNDS runs, once with the default JIT and once with C1 only, as ./packs runs;
# then what the real memory bus costs the interpreter on bench/cpu.sh's mixed loop.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -pl emulator -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
cp="emulator/target/test-classes:emulator/target/classes:$(cat "$cp_file")"
echo "== default JVM (C1 + C2)"
java -Dpacks.repo="$PWD" -cp "$cp" dev.packs.emulator.FlashBenchmark "${1:-10}"
echo "== -XX:TieredStopAtLevel=1 (C1 only, as ./packs runs)"
java -XX:TieredStopAtLevel=1 -Dpacks.repo="$PWD" -cp "$cp" dev.packs.emulator.FlashBenchmark "${1:-10}"
echo "== the CPU benchmark's mixed loop through the real MemoryBus and through the test RamBus"
java -cp "$cp" dev.packs.emulator.internal.cpu.MemoryBusBenchmark
