#!/usr/bin/env bash
# Rebuilds the image-reader fixtures from firmware.c and firmware.ld: one linked ELF and what
# arm-none-eabi-objcopy makes of it (Intel HEX, S-records, raw binary). Needs gcc-arm-none-eabi.
# The outputs are committed, so tests do not need the compiler. -z noexecstack adds a GNU_STACK program
# header: a non-LOAD entry the ELF reader must ignore.
set -euo pipefail
cd "$(dirname "$0")"
arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -Os -ffreestanding -fno-builtin -nostdlib -Wall -Wextra -Werror \
  -fno-unwind-tables -fno-asynchronous-unwind-tables -Wl,-z,noexecstack -T firmware.ld -o firmware.elf firmware.c
objcopy=(arm-none-eabi-objcopy -R .bss)
"${objcopy[@]}" -O ihex firmware.elf firmware.hex
"${objcopy[@]}" -O srec firmware.elf firmware.srec
# The gaps between sections are filled with 0xFF in the binary, as an erased flash reads.
"${objcopy[@]}" -O binary --gap-fill 0xFF firmware.elf firmware.bin
# The same image moved to address 0: S2 records (24-bit addresses) with an S8, and S3 forced with an S7.
"${objcopy[@]}" -O srec --change-addresses -0x08000000 firmware.elf firmware-low.s28
"${objcopy[@]}" -O srec --change-addresses -0x08000000 --srec-forceS3 firmware.elf firmware-low.s37
# Only the first 64 KiB moved to address 0: S1 records (16-bit addresses) with an S9.
"${objcopy[@]}" -O srec --change-addresses -0x08000000 -R .calib firmware.elf firmware-low.s19
chmod 644 firmware.elf firmware.hex firmware.srec firmware.bin firmware-low.s*
arm-none-eabi-readelf -lW firmware.elf >&2
