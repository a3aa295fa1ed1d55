#!/usr/bin/env bash
# Resolves stm32g431kbtx against a temporary pack root holding the real STM32G4xx_DFP 1.1.0 descriptor:
# cold, again (served from the device database and the algorithm cache), then 300 times warm.
# Prints the time and the number of algorithm files opened for each. Usage: bench/target-show.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -pl project -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
java -cp "project/target/test-classes:project/target/classes:$(cat "$cp_file")" \
  dev.packs.project.TargetShowBench "$here"
