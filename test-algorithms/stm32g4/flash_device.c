/* FlashDevice of the packs STM32G4 algorithm: STM32G431KB, 128 KiB single bank, 2 KiB pages. */
#include "flash_device.h"

__attribute__((used, section("DevDscr"))) const struct FlashDevice FlashDevice = {
  FLASH_DRV_VERS,
  "STM32G431KB 128KB Flash (packs)",
  ONCHIP,
  0x08000000u, /* start */
  0x00020000u, /* 128 KiB */
  0x00000800u, /* programming page: 2 KiB */
  0,
  0xFF,        /* erased value */
  100,         /* program timeout, ms */
  500,         /* erase timeout, ms */
  {
    {0x00000800u, 0x00000000u}, /* 64 pages of 2 KiB */
    {SECTOR_END}
  }
};
