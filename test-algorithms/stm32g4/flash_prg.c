/*
 * packs' own STM32G4 flash algorithm, written from RM0440 (STM32G4 reference manual), section
 * "Embedded flash memory": unlock with KEY1/KEY2 in FLASH_KEYR, wait for BSY in FLASH_SR to clear,
 * erase a page with PER + PNB + STRT, program double words with PG, lock with CR.LOCK.
 * For the 128 KiB single-bank STM32G431/441 (2 KiB pages, no BKER).
 *
 * It uses no global variables, so it needs no static base and runs wherever it is placed.
 */
#include <stdint.h>

#define FLASH_REG(off) (*(volatile uint32_t *)(0x40022000u + (off)))
#define FLASH_KEYR FLASH_REG(0x08)
#define FLASH_SR FLASH_REG(0x10)
#define FLASH_CR FLASH_REG(0x14)
#define FLASHSIZE_KB (*(volatile uint16_t *)0x1FFF75E0u)

#define KEY1 0x45670123u
#define KEY2 0xCDEF89ABu

#define SR_EOP (1u << 0)
#define SR_OPERR (1u << 1)
#define SR_PROGERR (1u << 3)
#define SR_WRPERR (1u << 4)
#define SR_PGAERR (1u << 5)
#define SR_SIZERR (1u << 6)
#define SR_PGSERR (1u << 7)
#define SR_MISERR (1u << 8)
#define SR_FASTERR (1u << 9)
#define SR_BSY (1u << 16)
#define SR_ERRORS (SR_OPERR | SR_PROGERR | SR_WRPERR | SR_PGAERR | SR_SIZERR | SR_PGSERR \
    | SR_MISERR | SR_FASTERR)

#define CR_PG (1u << 0)
#define CR_PER (1u << 1)
#define CR_MER1 (1u << 2)
#define CR_PNB_SHIFT 3
#define CR_STRT (1u << 16)
#define CR_LOCK (1u << 31)

#define FLASH_START 0x08000000u
#define PAGE_SIZE 0x800u

static void wait_ready(void) {
  while (FLASH_SR & SR_BSY) {
  }
}

/* Returns 0 when the last operation left no error flag, else clears them and returns 1. */
static int check_errors(void) {
  uint32_t errors = FLASH_SR & SR_ERRORS;
  if (errors != 0) {
    FLASH_SR = errors;
    return 1;
  }
  return 0;
}

static uint32_t flash_size(void) {
  uint32_t kib = FLASHSIZE_KB;
  if (kib == 0 || kib == 0xFFFF) {
    kib = 128;
  }
  return kib * 1024u;
}

int Init(unsigned long adr, unsigned long clk, unsigned long fnc) {
  (void)adr;
  (void)clk;
  (void)fnc;
  wait_ready();
  if (FLASH_CR & CR_LOCK) {
    FLASH_KEYR = KEY1;
    FLASH_KEYR = KEY2;
  }
  FLASH_SR = SR_ERRORS | SR_EOP;
  return (FLASH_CR & CR_LOCK) ? 1 : 0;
}

int UnInit(unsigned long fnc) {
  (void)fnc;
  wait_ready();
  FLASH_CR = CR_LOCK;
  return 0;
}

int EraseChip(void) {
  wait_ready();
  FLASH_SR = SR_ERRORS;
  FLASH_CR = CR_MER1;
  FLASH_CR = CR_MER1 | CR_STRT;
  wait_ready();
  FLASH_CR = 0;
  return check_errors();
}

int EraseSector(unsigned long adr) {
  uint32_t offset = adr - FLASH_START;
  uint32_t page;
  if (offset >= flash_size()) {
    return 1;
  }
  page = offset / PAGE_SIZE;
#ifdef PACKS_WRONG_PAGE
  /* Deliberately wrong, for the emulator's tests only: the page number loses its bank bit, as a
   * driver that takes this single-bank part for two 64 KiB banks would. Page 32 becomes page 0. */
  page &= 0x1Fu;
#endif
  wait_ready();
  FLASH_SR = SR_ERRORS;
  FLASH_CR = CR_PER | (page << CR_PNB_SHIFT);
  FLASH_CR = CR_PER | (page << CR_PNB_SHIFT) | CR_STRT;
  wait_ready();
  FLASH_CR = 0;
  return check_errors();
}

static uint32_t load_word(const unsigned char *p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

int ProgramPage(unsigned long adr, unsigned long sz, unsigned char *buf) {
  volatile uint32_t *dst = (volatile uint32_t *)adr;
  uint32_t done;
  if ((adr & 7u) != 0) {
    return 1;
  }
  wait_ready();
  FLASH_SR = SR_ERRORS;
  FLASH_CR = CR_PG;
  for (done = 0; done < sz; done += 8) {
    uint32_t low = 0xFFFFFFFFu;
    uint32_t high = 0xFFFFFFFFu;
    uint32_t left = sz - done;
    if (left >= 8) {
      low = load_word(buf + done);
      high = load_word(buf + done + 4);
    } else {
      /* A short tail is padded with the erased value. */
      uint32_t i;
      for (i = 0; i < left; i++) {
        if (i < 4) {
          low = (low & ~(0xFFu << (8 * i))) | ((uint32_t)buf[done + i] << (8 * i));
        } else {
          high = (high & ~(0xFFu << (8 * (i - 4)))) | ((uint32_t)buf[done + i] << (8 * (i - 4)));
        }
      }
    }
    dst[0] = low;
    dst[1] = high;
    dst += 2;
    wait_ready();
    if (FLASH_SR & SR_ERRORS) {
      FLASH_CR = 0;
      return check_errors();
    }
  }
  FLASH_CR = 0;
  return 0;
}
