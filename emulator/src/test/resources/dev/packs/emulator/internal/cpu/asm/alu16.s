@ 16-bit data processing and flags (ARMv6-M). Expected values are in Thumb16Test.
        .syntax unified
        .cpu cortex-m0
        .thumb
        .text
        movs    r0, #200            @ r0 = 200
        movs    r1, #56
        adds    r2, r0, r1          @ r2 = 256
        subs    r3, r1, r0          @ r3 = -144 = 0xFFFFFF70 (N, borrow: C clear)
        mrs     r4, apsr            @ r4 = 0x80000000 (N)
        lsls    r5, r0, #24         @ r5 = 0xC8000000, C = bit 8 of 200 = 0
        asrs    r6, r5, #4          @ r6 = 0xFC800000
        lsrs    r7, r5, #28         @ r7 = 0xC, C = bit 27 of r5 = 1
        adcs    r7, r1              @ r7 = 12 + 56 + 1 = 69
        movs    r1, #1
        rors    r1, r1              @ ror by 1: r1 = 0x80000000, C = 1
        mrs     r4, apsr            @ r4 = 0xA0000000 (N C)
        movs    r2, #0
        sbcs    r2, r2              @ 0 - 0 - !C(=0) = 0, C = 1, Z = 1
        mvns    r3, r2              @ r3 = 0xFFFFFFFF
        negs    r0, r0              @ r0 = -200 = 0xFFFFFF38
        muls    r0, r0, r0          @ r0 = 40000 = 0x9C40
        bics    r3, r0              @ r3 = 0xFFFF63BF
        cmn     r3, r3              @ flags only
        movs    r2, #0x7F
        lsls    r2, r2, #24         @ r2 = 0x7F000000
        adds    r2, r2, r2          @ overflow: r2 = 0xFE000000, N V
        mrs     r4, apsr            @ r4 = 0x90000000 (N V)
        mov     r8, r2
        add     r8, r8              @ r8 = 0xFC000000 (high-register ADD, flags untouched)
        rev     r5, r0              @ r5 = 0x409C0000
        rev16   r6, r0              @ r6 = 0x0000409C
        revsh   r7, r0              @ r7 = 0x0000409C
        sxtb    r1, r0              @ r1 = 0x00000040
        uxth    r3, r5              @ r3 = 0
        bkpt    #0
