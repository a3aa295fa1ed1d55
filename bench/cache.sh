#!/usr/bin/env bash
# Pack-cache benchmark of issue 3: first vs second update-index against a loopback mirror of the 2022 index
# (~830 packs, shared descriptors as content), and the install speed of a 4 MB pack from loopback.
# Usage: bench/cache.sh     (from anywhere; builds the cache module's test classes first)
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -pl cache -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
java -Dpacks.shared="$PWD/../shared" \
  -cp "cache/target/test-classes:cache/target/classes:index/target/classes:$(cat "$cp_file")" \
  dev.packs.cache.CacheBench
