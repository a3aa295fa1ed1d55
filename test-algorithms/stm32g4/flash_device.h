/* The CMSIS flash-algorithm device description (FlashDevice in section DevDscr), as documented for
 * CMSIS-Pack flash programming algorithms. Written for packs' own test algorithms. */
#ifndef PACKS_FLASH_DEVICE_H
#define PACKS_FLASH_DEVICE_H

#define FLASH_DRV_VERS 0x0101u
#define ONCHIP 1u
#define SECTOR_END 0xFFFFFFFFu, 0xFFFFFFFFu
#define SECTOR_NUM 512

struct FlashSectors {
  unsigned long szSector;   /* sector size in bytes */
  unsigned long AddrSector; /* offset of the first sector of this size */
};

struct FlashDevice {
  unsigned short Vers;
  char DevName[128];
  unsigned short DevType;
  unsigned long DevAdr;
  unsigned long szDev;
  unsigned long szPage;
  unsigned long Res;
  unsigned char valEmpty;
  unsigned long toProg;  /* ms */
  unsigned long toErase; /* ms */
  struct FlashSectors sectors[SECTOR_NUM];
};

#endif
