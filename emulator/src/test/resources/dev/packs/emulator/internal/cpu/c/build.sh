#!/usr/bin/env bash
# Rebuilds algorithm-<cpu>-<opt>.bin from algorithm.c for the whole-call differential test.
# Needs Debian gcc-arm-none-eabi. Each image is linked at 0x20000000 with its entry table first.
set -euo pipefail
cd "$(dirname "$0")"
for cpu in cortex-m0 cortex-m4; do
  for opt in O0 Os O2; do
    out="algorithm-${cpu#cortex-}-$opt"
    arm-none-eabi-gcc -mcpu="$cpu" -mthumb -"$opt" -ffreestanding -fno-builtin -nostdlib -Wall -Wextra \
      -T link.ld -o "/tmp/$out.elf" algorithm.c -lgcc
    arm-none-eabi-objcopy -O binary "/tmp/$out.elf" "$out.bin"
    rm -f "/tmp/$out.elf"
  done
done
