#!/usr/bin/env bash
# Whole-process `packs flash` of a 128 KiB image into the STM32G431KB through a virtual probe (issues
# 10 and 11): the real STM32G4xx_DFP 1.1.0 descriptor installed in a throwaway pack root, our own STM32G4
# algorithm standing in for the vendor's FLM, the flash kept in a file (--probe KIND:FILE). Then the
# same image again, which smart flash must skip. Prints, per run, the wall time and the `usb` object of
# `packs flash --json`: packets and bytes each way, and blocking waits (the counts do not depend on
# the machine; the time does).
# Usage: bench/probe-flash.sh virtual-dap|virtual-stlink
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
kind="${1:?usage: bench/probe-flash.sh virtual-dap|virtual-stlink}"
shared="${PACKS_SHARED:-$repo/../shared}"
pdsc="$shared/data/pdsc/Keil.STM32G4xx_DFP.1.1.0.pdsc"
flm="$repo/test-algorithms/stm32g4/build/packs_stm32g4_128k.flm"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

./packs --version >/dev/null # builds the jar when sources changed

# A real .pack: the descriptor at the top, our G4 algorithm at every algorithm path it names.
mkdir -p "$tmp/stage"
cp "$pdsc" "$tmp/stage/Keil.STM32G4xx_DFP.pdsc"
grep -o '<algorithm name="[^"]*"' "$pdsc" | sed 's/<algorithm name="//; s/"$//; s#\\#/#g' | sort -u |
  while read -r path; do mkdir -p "$tmp/stage/$(dirname "$path")"; cp "$flm" "$tmp/stage/$path"; done
jar --create --no-manifest --file "$tmp/Keil.STM32G4xx_DFP.1.1.0.pack" -C "$tmp/stage" .
./packs --pack-root "$tmp/root" --offline install "$tmp/Keil.STM32G4xx_DFP.1.1.0.pack" >/dev/null 2>&1
head -c 131072 /dev/urandom >"$tmp/app.bin"

field() { sed -n "s/^ *\"$1\" : \([0-9.]*\),\?$/\1/p" "$2" | tail -1; }
printf '%-8s %7s %6s %6s %10s %9s %10s %9s %6s %7s\n' run wall_s calls pkt_out pkt_in bytes_out bytes_in \
  pkt/KiB waits waits/pg
for run in first reflash; do
  start=$(date +%s.%N)
  ./packs --pack-root "$tmp/root" flash --target stm32g431kbtx --probe "$kind:$tmp/flash.bin" \
    --base-address 0x08000000 --json "$tmp/app.bin" >"$tmp/$run.json"
  end=$(date +%s.%N)
  out=$(field packetsOut "$tmp/$run.json")
  in=$(field packetsIn "$tmp/$run.json")
  waits=$(field waits "$tmp/$run.json")
  printf '%-8s %7.2f %6s %6s %10s %9s %10s %9.2f %6s %7.2f\n' "$run" "$(echo "$end - $start" | bc)" \
    "$(field calls "$tmp/$run.json")" "$out" "$in" "$(field bytesOut "$tmp/$run.json")" \
    "$(field bytesIn "$tmp/$run.json")" "$(echo "($out + $in) / 128" | bc -l)" "$waits" \
    "$(echo "$waits / 64" | bc -l)"
done
echo "packet size $(field packetSize "$tmp/first.json"); 128 KiB = 64 pages of 2 KiB; packets counted both ways"
