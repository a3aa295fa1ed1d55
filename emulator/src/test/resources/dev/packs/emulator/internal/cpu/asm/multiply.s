@ Multiply and divide: MUL MLA MLS UMULL SMULL UMLAL SMLAL SDIV UDIV (divide by zero gives 0).
        .syntax unified
        .cpu cortex-m4
        .thumb
        .text
        movs    r0, #7
        mvn     r1, #0                 @ r1 = -1
        movw    r2, #1000
        mul     r3, r0, r2             @ r3 = 7000
        mla     r4, r0, r2, r3         @ r4 = 14000
        mls     r5, r0, r2, r3         @ r5 = 0
        umull   r6, r7, r1, r1         @ 0xFFFFFFFE00000001: r6 = 1, r7 = 0xFFFFFFFE
        smull   r8, r9, r1, r2         @ -1000: r8 = 0xFFFFFC18, r9 = 0xFFFFFFFF
        umlal   r6, r7, r2, r2         @ + 1,000,000: r6 = 0x000F4241, r7 = 0xFFFFFFFE
        smlal   r8, r9, r1, r1         @ -1000 + 1 = -999: r8 = 0xFFFFFC19, r9 = 0xFFFFFFFF
        sdiv    r10, r8, r0            @ -999 / 7 = -142 (truncates toward zero) = 0xFFFFFF72
        udiv    r11, r2, r0            @ 142
        movs    r12, #0
        udiv    r12, r2, r12           @ 1000 / 0 = 0
        bkpt    #0
