#!/usr/bin/env bash
# Interpreter instructions per second on a mixed loop, with Unicorn (libunicorn2) on the same loop.
# Usage: bench/cpu.sh [ITERATIONS [ROUNDS]]   (defaults 10000000 iterations x 12 instructions, 5 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -pl emulator -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
java -cp "emulator/target/test-classes:emulator/target/classes:$(cat "$cp_file")" \
  dev.packs.emulator.internal.cpu.CpuBenchmark "$@"
