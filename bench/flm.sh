#!/usr/bin/env bash
# FLM loader benchmark: load + parse + place every .flm under test-algorithms/ (warm, per file), and the
# files a second, cached lookup opens (pack zip, FLM, cache files). Prints figures; asserts nothing.
#
#   bench/flm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cp="$(mktemp)"
trap 'rm -f "$cp"' EXIT
mvn -B -q -pl cache -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >&2
java -cp "cache/target/test-classes:cache/target/classes:$(cat "$cp")" dev.packs.cache.FlmBench "$PWD"
