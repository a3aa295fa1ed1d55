/*
 * packs' own nRF52 flash algorithm, written from the nRF52832 product specification, chapter NVMC:
 * CONFIG selects write (WEN) or erase (EEN) enable, ERASEPAGE takes a page address, ERASEALL erases
 * everything, READY reads 1 when the controller is idle. Words are written directly.
 * It uses no global variables, so it needs no static base and runs wherever it is placed.
 */
#include <stdint.h>

#define NVMC_REG(off) (*(volatile uint32_t *)(0x4001E000u + (off)))
#define NVMC_READY NVMC_REG(0x400)
#define NVMC_CONFIG NVMC_REG(0x504)
#define NVMC_ERASEPAGE NVMC_REG(0x508)
#define NVMC_ERASEALL NVMC_REG(0x50C)

#define CONFIG_REN 0u
#define CONFIG_WEN 1u
#define CONFIG_EEN 2u

static void wait_ready(void) {
  while (NVMC_READY == 0) {
  }
}

int Init(unsigned long adr, unsigned long clk, unsigned long fnc) {
  (void)adr;
  (void)clk;
  (void)fnc;
  wait_ready();
  NVMC_CONFIG = CONFIG_REN;
  return 0;
}

int UnInit(unsigned long fnc) {
  (void)fnc;
  wait_ready();
  NVMC_CONFIG = CONFIG_REN;
  return 0;
}

int EraseChip(void) {
  NVMC_CONFIG = CONFIG_EEN;
  wait_ready();
  NVMC_ERASEALL = 1;
  wait_ready();
  NVMC_CONFIG = CONFIG_REN;
  return 0;
}

int EraseSector(unsigned long adr) {
  NVMC_CONFIG = CONFIG_EEN;
  wait_ready();
  NVMC_ERASEPAGE = adr;
  wait_ready();
  NVMC_CONFIG = CONFIG_REN;
  return 0;
}

int ProgramPage(unsigned long adr, unsigned long sz, unsigned char *buf) {
  volatile uint32_t *dst = (volatile uint32_t *)adr;
  uint32_t i;
  if ((adr & 3u) != 0) {
    return 1;
  }
  NVMC_CONFIG = CONFIG_WEN;
  wait_ready();
  for (i = 0; i < sz; i += 4) {
    uint32_t word = (uint32_t)buf[i] | ((uint32_t)buf[i + 1] << 8) | ((uint32_t)buf[i + 2] << 16)
        | ((uint32_t)buf[i + 3] << 24);
    dst[i / 4] = word;
    wait_ready();
  }
  NVMC_CONFIG = CONFIG_REN;
  for (i = 0; i < sz; i += 4) {
    uint32_t word = (uint32_t)buf[i] | ((uint32_t)buf[i + 1] << 8) | ((uint32_t)buf[i + 2] << 16)
        | ((uint32_t)buf[i + 3] << 24);
    if (dst[i / 4] != word) {
      return 1;
    }
  }
  return 0;
}
