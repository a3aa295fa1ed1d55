#!/usr/bin/env bash
# Rebuilds the test flash algorithms in build/ from src/ with Debian's arm-none-eabi-gcc:
# Cortex-M0 and Cortex-M4, each at -O0, -Os and -O2. The built .flm files are committed, so the tests
# never need the compiler; rerun this only after changing src/. Next to each .flm, build/*.readelf.txt
# keeps arm-none-eabi-readelf's view of it, which the loader's tests compare against.
#
#   test-algorithms/build.sh
set -euo pipefail
cd "$(dirname "$0")"
command -v arm-none-eabi-gcc >/dev/null || { echo "build.sh: install gcc-arm-none-eabi" >&2; exit 1; }

flags=(-mthumb -fPIC -msingle-pic-base -mpic-register=r9 -mno-pic-data-is-text-relative
       -ffreestanding -fno-common -fno-builtin -Wall -Wextra -Werror
       -nostdlib -nostartfiles -T src/flm.ld -Wl,--no-undefined -Wl,--build-id=none)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p build

addr() { arm-none-eabi-nm "$1" | awk -v s="$2" '$3 == s { print $1 }'; }

for cpu in m0 m4; do
  for opt in O0 Os O2; do
    out="build/sfc_${cpu}_${opt}.flm"
    arm-none-eabi-gcc -mcpu="cortex-$cpu" -"$opt" "${flags[@]}" -o "$tmp/linked.elf" src/sfc_flash.c -lgcc
    # GNU ld cannot emit two output sections with one name; Keil FLMs have PrgData twice (PROGBITS + NOBITS).
    arm-none-eabi-objcopy --rename-section PrgData_zi=PrgData "$tmp/linked.elf" "$out"

    # The r9 ABI: rw_state starts PrgData, zi_state sits ZI_OFFSET (8) bytes above it.
    rw=$((16#$(addr "$out" rw_state))); zi=$((16#$(addr "$out" zi_state)))
    data=$((16#$(arm-none-eabi-readelf -SW "$out" | sed -E 's/^ *\[ *[0-9]+\] *//' | awk '$1 == "PrgData" && $2 == "PROGBITS" { print $3 }')))
    [ "$rw" -eq "$data" ] || { echo "$out: rw_state is not at the start of PrgData" >&2; exit 1; }
    [ $((zi - rw)) -eq 8 ] || { echo "$out: zi_state is not 8 bytes above rw_state" >&2; exit 1; }
    # r9 belongs to the debugger: the algorithm may read it, never write it.
    if arm-none-eabi-objdump -d "$out" | grep -E '\s(mov|movs|add|adds|ldr|sub|pop)(\.w)?\s+(r9|sb),|pop(\.w)?\s+\{[^}]*(r9|sb)' >/dev/null; then
      echo "$out: the code writes r9" >&2
      exit 1
    fi
    # Position independence: the object may carry no absolute or GOT relocation.
    arm-none-eabi-gcc -mcpu="cortex-$cpu" -"$opt" "${flags[@]}" -c -o "$tmp/sfc_flash.o" src/sfc_flash.c
    if arm-none-eabi-readelf -rW "$tmp/sfc_flash.o" | grep -E 'R_ARM_(ABS|GOT|TARGET|REL32)' >/dev/null; then
      echo "$out: absolute or GOT relocations found; the code is not position independent" >&2
      exit 1
    fi
    # The reference the loader's tests compare against: headers, sections, symbols, the FlashDevice bytes.
    arm-none-eabi-readelf -hSsW -x DevDscr "$out" > "${out%.flm}.readelf.txt"
    echo "built $out ($(stat -c %s "$out") bytes)"
  done
done
