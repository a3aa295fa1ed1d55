#!/usr/bin/env bash
# Parse + resolve throughput over every shared descriptor (warm): MB/s and devices/s per file and in total.
# Usage: bench/pdsc-throughput.sh [PDSC_DIR] [SECONDS_PER_PHASE]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -pl index -am test-compile >&2
cp_file="index/target/bench.classpath"
mvn -B -q -pl index org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.outputFile="$here/$cp_file" -Dmdep.includeScope=runtime >&2
java -XX:+UseSerialGC -cp "index/target/test-classes:index/target/classes:$(cat "$cp_file")" \
  dev.packs.index.bench.PdscThroughput "${1:-$here/../shared/data/pdsc}" "${2:-1}"
