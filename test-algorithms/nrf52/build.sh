#!/usr/bin/env bash
# Builds packs' own nRF52 flash algorithm into build/packs_nrf52832.flm (Cortex-M4, -Os).
# Needs gcc-arm-none-eabi. The built .flm is committed, so tests do not need the compiler.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/build"
mkdir -p "$out"
flags=(-mcpu=cortex-m4 -mthumb -Os -ffreestanding -fno-builtin -fno-common -nostdlib
  -fno-unwind-tables -fno-asynchronous-unwind-tables -Wall -Wextra -Werror)
arm-none-eabi-gcc "${flags[@]}" -T "$here/../stm32g4/flm.ld" -Wl,--no-gc-sections -Wl,-e,Init \
  -o "$out/packs_nrf52832.flm" "$here/flash_prg.c" "$here/flash_device.c"
arm-none-eabi-size -A "$out/packs_nrf52832.flm" >&2
