/*
 * A flash-algorithm-shaped program for the whole-call differential test: the CMSIS entry points over a
 * "flash" that is plain memory (erase sets 0xFF, programming only clears bits), plus integer helpers that
 * make the compiler emit divides, 64-bit arithmetic, switch tables, block copies and bit tricks.
 * Built for Cortex-M0 and Cortex-M4 at -O0, -Os and -O2 by build.sh; the entry table comes first.
 */
#include <stdint.h>

#define SECTOR_SIZE 0x400u

struct state {
  uint32_t base;
  uint32_t clock;
  uint32_t function;
  uint32_t calls;
  uint8_t history[16];
};

static struct state state;
static const uint16_t weights[8] = {3, 5, 7, 11, 13, 17, 19, 23};

int Init(uint32_t adr, uint32_t clk, uint32_t fnc);
int UnInit(uint32_t fnc);
int EraseSector(uint32_t adr);
int ProgramPage(uint32_t adr, uint32_t sz, const uint8_t *buf);
uint32_t Verify(uint32_t adr, uint32_t sz, const uint8_t *buf);
uint32_t Checksum(const uint8_t *p, uint32_t n);
uint32_t Mix(uint32_t a, uint32_t b);

__attribute__((section(".entry"), used)) const void *const entries[] = {
    (const void *)Init, (const void *)UnInit, (const void *)EraseSector, (const void *)ProgramPage,
    (const void *)Verify, (const void *)Checksum, (const void *)Mix,
};

int Init(uint32_t adr, uint32_t clk, uint32_t fnc) {
  state.base = adr;
  state.clock = clk;
  state.function = fnc;
  state.calls = 0;
  for (int i = 0; i < 16; i++) {
    ((volatile uint8_t *)state.history)[i] = (uint8_t)i;
  }
  return clk == 0 ? 1 : 0;
}

int UnInit(uint32_t fnc) {
  state.calls++;
  return fnc > 3;
}

int EraseSector(uint32_t adr) {
  volatile uint32_t *p = (volatile uint32_t *)(adr & ~(SECTOR_SIZE - 1));
  for (uint32_t i = 0; i < SECTOR_SIZE / 4; i++) {
    p[i] = 0xFFFFFFFFu;
  }
  state.history[state.calls++ & 15] = (uint8_t)(adr >> 10);
  return 0;
}

int ProgramPage(uint32_t adr, uint32_t sz, const uint8_t *buf) {
  if ((adr & 3) != 0) {
    return 1;
  }
  volatile uint32_t *p = (volatile uint32_t *)adr;
  for (uint32_t i = 0; i < sz; i += 4) {
    uint32_t word = (uint32_t)buf[i] | (uint32_t)buf[i + 1] << 8 | (uint32_t)buf[i + 2] << 16
        | (uint32_t)buf[i + 3] << 24;
    p[i / 4] &= word;
  }
  state.calls++;
  return 0;
}

uint32_t Verify(uint32_t adr, uint32_t sz, const uint8_t *buf) {
  const uint8_t *p = (const uint8_t *)adr;
  for (uint32_t i = 0; i < sz; i++) {
    if (p[i] != buf[i]) {
      return adr + i;
    }
  }
  return adr + sz;
}

uint32_t Checksum(const uint8_t *p, uint32_t n) {
  uint32_t crc = 0xFFFFFFFFu;
  for (uint32_t i = 0; i < n; i++) {
    crc ^= p[i];
    for (int bit = 0; bit < 8; bit++) {
      crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
    }
  }
  return ~crc;
}

static int32_t saturate16(int32_t v) {
  return v > 32767 ? 32767 : v < -32768 ? -32768 : v;
}

uint32_t Mix(uint32_t a, uint32_t b) {
  uint64_t wide = (uint64_t)a * b + ((uint64_t)b << 7);
  int32_t sa = (int32_t)a;
  uint32_t r;
  switch (a % 7) {
    case 0: r = (uint32_t)(wide >> 29); break;
    case 1: r = b ? a / b : 0xDEADu; break;
    case 2: r = (uint32_t)(sa >> 3) + (uint32_t)((int32_t)b % 13); break;
    case 3: r = (uint32_t)saturate16(sa / 3) ^ (b << 5); break;
    case 4: r = (uint32_t)(int16_t)(a >> 8) * weights[b & 7]; break;
    case 5: r = (a << (b & 31)) | (a >> ((32 - (b & 31)) & 31)); break;
    default: r = __builtin_clz(a | 1) + __builtin_popcount(b) + (uint32_t)(wide % 1000003u); break;
  }
  return r + state.calls + (uint32_t)(int8_t)state.history[a & 15];
}
