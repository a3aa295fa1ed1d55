/* A CMSIS flash algorithm for the PACKS simple flash controller (see ../SFC.md).
 *
 * RW data is reached through r9, as in Keil (RWPI) FLMs: the debugger sets r9 to the start of PrgData
 * (the "static base") before Init. GCC has no RWPI mode, and its -fPIC data accesses go through a GOT of
 * link-time addresses that no FLM loader relocates, so all RW state lives in two structs that the code
 * reaches from r9 explicitly: `rw_state` (initialised, first in PrgData) and `zi_state` (zero-initialised,
 * the NOBITS PrgData right after it). build.sh checks that the linked offsets match ZI_OFFSET and that
 * the image has no GOT. */
#include "FlashOS.h"

#define SFC_BASE 0x40022000u
#define SFC_KEYR (*(volatile uint32_t *)(SFC_BASE + 0x00u))
#define SFC_CR (*(volatile uint32_t *)(SFC_BASE + 0x04u))
#define SFC_AR (*(volatile uint32_t *)(SFC_BASE + 0x08u))
#define SFC_SR (*(volatile uint32_t *)(SFC_BASE + 0x0Cu))

#define CR_PG (1u << 0)
#define CR_SER (1u << 1)
#define CR_MER (1u << 2)
#define CR_STRT (1u << 16)
#define CR_LOCK (1u << 31)

#define SR_BSY (1u << 0)
#define SR_EOP (1u << 1)
#define SR_PGERR (1u << 2)
#define SR_WRPERR (1u << 3)
#define SR_ADDRERR (1u << 4)
#define SR_KEYERR (1u << 5)
#define SR_CLEAR (SR_EOP | SR_PGERR | SR_WRPERR | SR_ADDRERR | SR_KEYERR)
#define SR_ERRORS (SR_PGERR | SR_WRPERR | SR_ADDRERR | SR_KEYERR)

struct rw_state {
  uint32_t unlock_keys[2];
};
struct zi_state {
  uint32_t base_address;
  uint32_t operation;
};
#define ZI_OFFSET 8u /* sizeof(struct rw_state), rounded up to 4 */

/* Initialised RW data: lands in PrgData (PROGBITS). Only ever reached through r9. */
__attribute__((section(".data.rw_state"), used)) struct rw_state rw_state = {{0x45670123u, 0xCDEF89ABu}};
/* Zero-initialised RW data: lands in PrgData (NOBITS). Only ever reached through r9. */
__attribute__((section(".bss.zi_state"), used)) struct zi_state zi_state;

static inline volatile struct rw_state *rw(void) {
  char *base;
  __asm__ volatile("mov %0, r9" : "=r"(base));
  return (volatile struct rw_state *)base;
}

static inline volatile struct zi_state *zi(void) {
  char *base;
  __asm__ volatile("mov %0, r9" : "=r"(base));
  return (volatile struct zi_state *)(base + ZI_OFFSET);
}

__attribute__((section("DevDscr"), used)) const struct FlashDevice FlashDevice = {
    FLASH_DRV_VERS,
    "PACKS SFC 128KB Flash",
    ONCHIP,
    0x08000000u, /* device start */
    0x00020000u, /* device size */
    0x00000400u, /* programming page size */
    0u,
    0xFFu, /* erased value */
    100u,  /* program page timeout, ms */
    3000u, /* erase sector timeout, ms */
    {
        {0x00001000u, 0x00000000u}, /* 8 x 4 KiB */
        {0x00008000u, 0x00008000u}, /* 3 x 32 KiB */
        {SECTOR_END},
    },
};

/* Waits until the controller is idle, then reports and clears its status. Returns 0 on success. */
static int wait_done(void) {
  uint32_t sr;
  do {
    sr = SFC_SR;
  } while (sr & SR_BSY);
  SFC_SR = SR_CLEAR;
  return (sr & SR_ERRORS) ? 1 : 0;
}

int Init(uint32_t adr, uint32_t clk, uint32_t fnc) {
  (void)clk;
  zi()->base_address = adr;
  zi()->operation = fnc;
  SFC_SR = SR_CLEAR;
  SFC_KEYR = rw()->unlock_keys[0];
  SFC_KEYR = rw()->unlock_keys[1];
  return (SFC_CR & CR_LOCK) ? 1 : 0;
}

int UnInit(uint32_t fnc) {
  (void)fnc;
  zi()->operation = 0u;
  SFC_CR = CR_LOCK;
  return 0;
}

int EraseChip(void) {
  SFC_SR = SR_CLEAR;
  SFC_CR = CR_MER;
  SFC_CR = CR_MER | CR_STRT;
  int result = wait_done();
  SFC_CR = 0u;
  return result;
}

int EraseSector(uint32_t adr) {
  if (adr < zi()->base_address) {
    return 1;
  }
  SFC_SR = SR_CLEAR;
  SFC_CR = CR_SER;
  SFC_AR = adr;
  SFC_CR = CR_SER | CR_STRT;
  int result = wait_done();
  SFC_CR = 0u;
  return result;
}

/* Assembles a little-endian word from a byte buffer that may be unaligned. */
static uint32_t load_word(const uint8_t *p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

int ProgramPage(uint32_t adr, uint32_t sz, const uint8_t *buf) {
  uint32_t words = (sz + 3u) / 4u;
  int result = adr < zi()->base_address ? 1 : 0;
  SFC_SR = SR_CLEAR;
  SFC_CR = CR_PG;
  for (uint32_t i = 0u; i < words && result == 0; i++) {
    *(volatile uint32_t *)(adr + 4u * i) = load_word(buf + 4u * i);
    result = wait_done();
  }
  SFC_CR = 0u;
  return result;
}

uint32_t Verify(uint32_t adr, uint32_t sz, const uint8_t *buf) {
  const volatile uint8_t *flash = (const volatile uint8_t *)adr;
  for (uint32_t i = 0u; i < sz; i++) {
    if (flash[i] != buf[i]) {
      return adr + i;
    }
  }
  return adr + sz;
}
