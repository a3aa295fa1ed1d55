#!/usr/bin/env bash
# Whole-process `packs flash` of a 128 KiB image into the emulated STM32G431KB (issue 9): the real
# STM32G4xx_DFP 1.1.0 descriptor installed in a throwaway pack root, our own STM32G4 algorithm standing in
# for the vendor's FLM, the flash kept in a file (--probe emulator:FILE). Then the same image again: smart
# flash must erase and program nothing. Prints wall time, algorithm calls and target operations (each
# memory or register access and each run: what costs a USB round trip on a real probe), and the ratio.
# Usage: bench/flash.sh [ROUNDS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
rounds="${1:-5}"
shared="${PACKS_SHARED:-$repo/../shared}"
pdsc="$shared/data/pdsc/Keil.STM32G4xx_DFP.1.1.0.pdsc"
flm="$repo/test-algorithms/stm32g4/build/packs_stm32g4_128k.flm"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

./packs --version >/dev/null # builds the jar (and its class-data archive) when sources changed

# A real .pack: the descriptor at the top, our G4 algorithm at every algorithm path it names.
mkdir -p "$tmp/stage"
cp "$pdsc" "$tmp/stage/Keil.STM32G4xx_DFP.pdsc"
grep -o '<algorithm name="[^"]*"' "$pdsc" | sed 's/<algorithm name="//; s/"$//; s#\\#/#g' | sort -u |
  while read -r path; do mkdir -p "$tmp/stage/$(dirname "$path")"; cp "$flm" "$tmp/stage/$path"; done
jar --create --no-manifest --file "$tmp/Keil.STM32G4xx_DFP.1.1.0.pack" -C "$tmp/stage" .
./packs --pack-root "$tmp/root" --offline install "$tmp/Keil.STM32G4xx_DFP.1.1.0.pack" >/dev/null 2>&1
head -c 131072 /dev/urandom >"$tmp/app.bin"

# From the text output: "flashed N bytes ... in S s", "... K sectors erased ...", "...; C algorithm calls, T target operations"
seconds() { sed -n 's/^flashed .* in \([0-9.]*\) s$/\1/p' "$1"; }
calls() { sed -n 's/.*; \([0-9]*\) algorithm calls.*/\1/p' "$1"; }
erased() { sed -n 's/.*: \([0-9]*\) sectors\? erased.*/\1/p' "$1"; }
operations() { sed -n 's/.* \([0-9]*\) target operations$/\1/p' "$1"; }
TIMEFORMAT='%R %U %S'
timed() { # $1 = output file, then the packs arguments; prints "wall_s cpu_s" of the whole process
  local out="$1" times
  shift
  times=$({ time ./packs "$@" >"$out" 2>/dev/null; } 2>&1)
  echo "$times" | awk '{printf "%.2f %.2f\n", $1, $2 + $3}'
}

# What any packs process costs on this machine right now: the JVM, the launcher, picocli.
printf '%-6s %-9s %7s %6s %9s %6s %7s %10s\n' round run wall_s cpu_s engine_s calls erased target_ops
for round in $(seq 1 "$rounds"); do
  read -r wall cpu < <(timed /dev/null --version)
  printf '%-6s %-9s %7s %6s\n' "$round" "--version" "$wall" "$cpu"
  rm -f "$tmp/flash.bin"
  for kind in first reflash; do
    read -r wall cpu < <(timed "$tmp/$kind.txt" --pack-root "$tmp/root" flash --target stm32g431kbtx \
      --probe "emulator:$tmp/flash.bin" --base-address 0x08000000 "$tmp/app.bin")
    printf '%-6s %-9s %7s %6s %9s %6s %7s %10s\n' "$round" "$kind" "$wall" "$cpu" "$(seconds "$tmp/$kind.txt")" \
      "$(calls "$tmp/$kind.txt")" "$(erased "$tmp/$kind.txt")" "$(operations "$tmp/$kind.txt")"
  done
done
first=$(operations "$tmp/first.txt")
second=$(operations "$tmp/reflash.txt")
echo "target operations: first flash $first, unchanged reflash $second: $((first / (second > 0 ? second : 1)))x fewer"
