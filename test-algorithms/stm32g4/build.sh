#!/usr/bin/env bash
# Builds packs' own STM32G4 flash algorithm into build/packs_stm32g4_128k.flm (Cortex-M4, -Os), and
# build/packs_stm32g4_128k_wrongpage.flm, a variant that erases the wrong page (for tests only).
# Needs gcc-arm-none-eabi. The built .flm is committed, so tests do not need the compiler.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/build"
mkdir -p "$out"
flags=(-mcpu=cortex-m4 -mthumb -Os -ffreestanding -fno-builtin -fno-common -nostdlib
  -fno-unwind-tables -fno-asynchronous-unwind-tables -Wall -Wextra -Werror)
arm-none-eabi-gcc "${flags[@]}" -T "$here/flm.ld" -Wl,--no-gc-sections -Wl,-e,Init \
  -o "$out/packs_stm32g4_128k.flm" "$here/flash_prg.c" "$here/flash_device.c"
# A deliberately broken variant whose EraseSector erases the wrong page, for the tests that show it.
arm-none-eabi-gcc "${flags[@]}" -DPACKS_WRONG_PAGE -T "$here/flm.ld" -Wl,--no-gc-sections -Wl,-e,Init \
  -o "$out/packs_stm32g4_128k_wrongpage.flm" "$here/flash_prg.c" "$here/flash_device.c"
arm-none-eabi-size -A "$out/packs_stm32g4_128k.flm" >&2
