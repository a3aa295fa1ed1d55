#!/usr/bin/env bash
# Cold-process `packs show DEVICE` on a device database built from every shared descriptor, against a JVM that
# prints "hello" with the same JVM options. Uses hyperfine when installed (apt-get install hyperfine), else a loop.
# Usage: bench/show-cold.sh [DEVICE] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
device="${1:-STM32G431KBTx}"
runs="${2:-20}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A pack root whose .Web holds every shared descriptor (symlinks: nothing is copied).
mkdir -p "$work/root/.Web" "$work/hello"
for f in "$here"/../shared/data/pdsc/*.pdsc; do ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$work/root/.Web/"; done
cat >"$work/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$work/hello" "$work/hello/Hello.java"

"$here/packs" --version >/dev/null                         # build the jar and train the CDS archive
"$here/packs" --pack-root "$work/root" find "$device" >/dev/null 2>&1   # build the device database once

opts="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"
hello="java $opts -cp $work/hello Hello"
show="$here/packs --pack-root $work/root show $device"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N -w 3 -r "$runs" "$hello" "$show"
else
  for cmd in "$hello" "$show"; do
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do $cmd >/dev/null; done
    end=$(date +%s%N)
    echo "$cmd: $(( (end - start) / runs / 1000000 )) ms mean wall over $runs runs"
  done
fi
