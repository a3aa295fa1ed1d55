#!/usr/bin/env bash
# Erase + program + verify 128 KiB of the virtual NUCLEO-G431KB through the ST-Link stack (issue 11):
# USB transfers per KiB and per page, blocking waits, and the time of each round; then a whole
# `packs flash` through --probe virtual-stlink:FILE (bench/probe-flash.sh).
# Usage: bench/stlink.sh [ROUNDS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -o -pl probe -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
cp="probe/target/test-classes:probe/target/classes:$(cat "$cp_file")"
java -Dpacks.repo="$PWD" -cp "$cp" dev.packs.probe.internal.stlink.StLinkFlashBenchmark "${1:-5}"
echo
echo "The same as a user runs it: a whole packs flash of 128 KiB through --probe virtual-stlink:FILE (its --json usb)"
bench/probe-flash.sh virtual-stlink
