@ TBB/TBH, IT blocks, CBZ/CBNZ, B/BL/BLX/BX. Each reached label adds a distinct bit to r0.
        .syntax unified
        .cpu cortex-m4
        .thumb
        .text
        movs    r0, #0
        movs    r1, #2
        tbb     [pc, r1]
table8:
        .byte   0, 0, (case2 - table8) / 2, 0
case2:
        orr     r0, r0, #1             @ bit 0: TBB took entry 2
        movs    r1, #1
        tbh     [pc, r1, lsl #1]
table16:
        .hword  0, (hcase1 - table16) / 2
hcase1:
        orr     r0, r0, #2             @ bit 1: TBH took entry 1
        cmp     r1, #1
        ite     eq
        orreq   r0, r0, #4             @ bit 2: executed (EQ)
        orrne   r0, r0, #0x100         @ skipped
        itt     ne
        addne   r0, r0, #0x200         @ skipped
        addne   r0, r0, #0x400         @ skipped
        movs    r2, #0
        cbz     r2, zero
        orr     r0, r0, #0x800         @ skipped
zero:
        cbnz    r2, never
        orr     r0, r0, #8             @ bit 3: CBNZ fell through
        bl      function               @ bit 4 and r3 = return address
        adr     r4, function2
        adds    r4, #1
        blx     r4                     @ bit 5
        b.w     done
never:
        orr     r0, r0, #0x1000
done:
        bkpt    #0
function:
        orr     r0, r0, #16
        mov     r3, lr
        bx      lr
        .align  2
function2:
        orr     r0, r0, #32
        bx      lr
