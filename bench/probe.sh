#!/usr/bin/env bash
# Erase + program + verify of the 128 KiB STM32G431KB flash through the virtual CMSIS-DAP probe
# (issue 10), driving our own G4 algorithm the way the flash engine calls it.
# Prints packets per KiB and blocking waits per page against the floor: page data out at 504 bytes
# per packet, verify data in at 508, and 2 packets per flash-algorithm call. Then a whole `packs flash`
# through --probe virtual-dap:FILE (bench/probe-flash.sh).
# For comparison, from reading their code: pyOCD needs about 8 blocking round trips per 1 KiB page,
# probe-rs about 30.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -o -pl probe -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
cp="probe/target/test-classes:probe/target/classes:$(cat "$cp_file")"
java -Dpacks.repo="$PWD" -cp "$cp" dev.packs.probe.internal.dap.ProbeBenchmark
echo
echo "The same as a user runs it: a whole packs flash of 128 KiB through --probe virtual-dap:FILE (its --json usb)"
bench/probe-flash.sh virtual-dap
