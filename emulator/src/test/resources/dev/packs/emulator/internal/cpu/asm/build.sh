#!/usr/bin/env bash
# Rebuilds the flat binaries the CPU tests load from the assembly sources next to this script.
# Needs Debian binutils-arm-none-eabi. Each foo.s becomes foo.bin, linked at address 0.
set -euo pipefail
cd "$(dirname "$0")"
for source in *.s; do
  name="${source%.s}"
  arm-none-eabi-as -o "/tmp/$name.o" "$source"
  arm-none-eabi-ld -Ttext=0 -e 0 -o "/tmp/$name.elf" "/tmp/$name.o"
  arm-none-eabi-objcopy -O binary "/tmp/$name.elf" "$name.bin"
  rm -f "/tmp/$name.o" "/tmp/$name.elf"
done
