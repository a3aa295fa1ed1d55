#!/usr/bin/env bash
# Interpreter instructions per second on a mixed loop, with Unicorn (libunicorn2) on the same loop.
# Usage: bench/cpu.sh [ITERATIONS [ROUNDS]]   (defaults 10000000 iterations x 12 instructions, 5 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl emulator -am test-compile
jna="$HOME/.m2/repository/net/java/dev/jna/jna/5.19.1/jna-5.19.1.jar"
java -cp "emulator/target/classes:emulator/target/test-classes:$jna" \
  dev.packs.emulator.internal.cpu.CpuBenchmark "$@"
