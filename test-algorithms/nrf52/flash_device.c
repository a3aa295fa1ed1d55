/* FlashDevice of the packs nRF52 algorithm: nRF52832, 512 KiB at 0 in 4 KiB pages. */
#include "../stm32g4/flash_device.h"

__attribute__((used, section("DevDscr"))) const struct FlashDevice FlashDevice = {
  FLASH_DRV_VERS,
  "nRF52832 512KB Flash (packs)",
  ONCHIP,
  0x00000000u, /* start */
  0x00080000u, /* 512 KiB */
  0x00001000u, /* programming page: 4 KiB */
  0,
  0xFF,
  100,
  500,
  {
    {0x00001000u, 0x00000000u}, /* 128 pages of 4 KiB */
    {SECTOR_END}
  }
};
