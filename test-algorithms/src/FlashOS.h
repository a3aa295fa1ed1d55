/* The CMSIS flash-algorithm interface: the FlashDevice descriptor and the entry points a debugger calls.
 * Written for packs from the published field layout (160-byte header, then (size, offset) sector pairs
 * ending at 0xFFFFFFFF, 0xFFFFFFFF). */
#ifndef PACKS_FLASHOS_H
#define PACKS_FLASHOS_H

#include <stdint.h>

#define FLASH_DRV_VERS 0x0101u /* interface version 1.01 */
#define ONCHIP 1u
#define SECTOR_END 0xFFFFFFFFu, 0xFFFFFFFFu

struct FlashSectors {
  uint32_t szSector;   /* sector size in bytes */
  uint32_t AddrSector; /* offset of the first sector of this size from the device start */
};

struct FlashDevice {
  uint16_t Vers;        /*   0 */
  char DevName[128];    /*   2 */
  uint16_t DevType;     /* 130 */
  uint32_t DevAdr;      /* 132 */
  uint32_t szDev;       /* 136 */
  uint32_t szPage;      /* 140 */
  uint32_t Res;         /* 144 */
  uint8_t valEmpty;     /* 148 */
  uint32_t toProg;      /* 152, ms */
  uint32_t toErase;     /* 156, ms */
  struct FlashSectors sectors[3];
};

int Init(uint32_t adr, uint32_t clk, uint32_t fnc);
int UnInit(uint32_t fnc);
int EraseChip(void);
int EraseSector(uint32_t adr);
int ProgramPage(uint32_t adr, uint32_t sz, const uint8_t *buf);
uint32_t Verify(uint32_t adr, uint32_t sz, const uint8_t *buf);

#endif
