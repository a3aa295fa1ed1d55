@ ARMv8-M Baseline additions over ARMv6-M: MOVW/MOVT, SDIV/UDIV, CBZ/CBNZ, B.W, exclusives, acquire/release.
@ Entry: r0 = 0x20000000 (RAM, zero-filled).
        .syntax unified
        .cpu cortex-m23
        .thumb
        .text
        movw    r1, #0xBEEF
        movt    r1, #0xDEAD            @ r1 = 0xDEADBEEF
        movs    r2, #10
        rsbs    r3, r2, #0             @ r3 = -10
        movs    r4, #3
        sdiv    r5, r3, r4             @ r5 = -3
        udiv    r6, r2, r4             @ r6 = 3
        cbz     r4, skip               @ not taken
        b.w     over
skip:
        movs    r6, #0xEE
over:
        ldrex   r7, [r0]               @ r7 = 0
        strex   r2, r1, [r0]           @ r2 = 0, [0] = 0xDEADBEEF
        stl     r6, [r0]               @ [0] = 3
        adds    r0, #4
        stlh    r1, [r0]               @ [4] = 0xBEEF
        lda     r4, [r0]               @ r4 = 0xBEEF
        ldaexb  r3, [r0]               @ r3 = 0xEF
        stlexb  r2, r6, [r0]           @ r2 = 0, [4] = 0xBE03
        ldah    r3, [r0]               @ r3 = 0xBE03
        bkpt    #0
