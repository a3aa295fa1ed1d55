/*
 * A tiny Cortex-M firmware whose only job is to give the image readers a realistic layout: code and
 * constants at 0x08000000, initialised data stored in flash but run from RAM (LMA != VMA), zeroed data
 * (NOBITS), uninitialised RAM in a segment with no file bytes, a configuration block after a gap at
 * 0x08004000, and a calibration table that straddles the 64 KiB boundary at 0x08010000 (so Intel HEX
 * needs a second extended linear address record).
 */
#include <stdint.h>

extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss, _estack;

void Reset_Handler(void);

/* The vector table: initial SP and the reset handler. */
__attribute__((section(".isr_vector"), used))
const void *const vectors[2] = {&_estack, (const void *)Reset_Handler};

/* Initialised data: stored in flash after .text, copied to RAM at start-up. */
volatile uint32_t counter = 0x12345678u;
volatile uint8_t greeting[24] = "packs image fixture";

/* Zeroed data: NOBITS, never part of an image. */
volatile uint32_t scratch[16];

/* Uninitialised RAM in a segment of its own whose file size is zero. */
__attribute__((section(".noinit"), used))
volatile uint8_t trace[256];

struct config {
  uint32_t magic;
  uint32_t baud;
  char name[16];
};

/* A configuration block at its own address after a gap. */
__attribute__((section(".config"), used))
const struct config config = {0xC0F1C0F1u, 115200u, "fixture"};

/* A table placed across 0x08010000. */
__attribute__((section(".calib"), used))
const uint16_t calib[24] = {
    0x0101, 0x0202, 0x0303, 0x0404, 0x0505, 0x0606, 0x0707, 0x0808, 0x0909, 0x0A0A, 0x0B0B, 0x0C0C,
    0x0D0D, 0x0E0E, 0x0F0F, 0x1010, 0x1111, 0x1212, 0x1313, 0x1414, 0x1515, 0x1616, 0x1717, 0x1818};

void Reset_Handler(void) {
  uint32_t *src = &_sidata;
  for (uint32_t *dst = &_sdata; dst < &_edata;) {
    *dst++ = *src++;
  }
  for (uint32_t *dst = &_sbss; dst < &_ebss;) {
    *dst++ = 0;
  }
  for (;;) {
    counter += config.baud + calib[counter & 15u];
    greeting[counter % sizeof greeting] ^= 1u;
    scratch[counter & 15u] = counter;
    trace[counter & 255u] = (uint8_t)counter;
  }
}
