#!/usr/bin/env bash
# Lab benchmark of issue 12: mirror --all from a loopback vendor server (every shared descriptor as a pack),
# first run and rerun; update-index through 'packs serve', first and second; serve throughput of a 4 MB
# pack for one client and for CLIENTS at once (default 32).
# Usage: bench/mirror.sh [CLIENTS]     (from anywhere; builds the cache module's test classes first)
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -pl cache -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
java -Dpacks.shared="$PWD/../shared" \
  -cp "cache/target/test-classes:cache/target/classes:index/target/classes:flm-loader/target/classes:$(cat "$cp_file")" \
  dev.packs.cache.MirrorBench "$@"
