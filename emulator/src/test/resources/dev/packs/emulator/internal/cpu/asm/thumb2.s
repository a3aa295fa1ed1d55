@ 32-bit data processing: modified immediate, shifted register, plain immediate, bit-field, CLZ/RBIT/REV.
        .syntax unified
        .cpu cortex-m4
        .thumb
        .text
        mov.w   r0, #0x00AB00AB        @ replicated immediate
        orr     r1, r0, #0xFF000000    @ r1 = 0xFFAB00AB
        and     r2, r1, r0, lsl #8     @ r2 = 0xFFAB00AB & 0xAB00AB00 = 0xAB000000
        movw    r3, #0x1234
        movt    r3, #0x5678            @ r3 = 0x56781234
        addw    r4, r3, #0xFFF         @ r4 = 0x56782233
        subs.w  r5, r3, r3, ror #16    @ 0x56781234 - 0x12345678 = 0x4443BBBC
        bfi     r6, r3, #8, #8         @ r6 starts 0: r6 = 0x00003400
        bfc     r4, #0, #12            @ r4 = 0x56782000
        ubfx    r7, r3, #4, #12        @ r7 = 0x123
        sbfx    r8, r1, #16, #8        @ r8 = 0xFFFFFFAB
        clz     r9, r7                 @ r9 = 23
        rbit    r10, r9                @ r10 = 0xE8000000
        rev.w   r11, r3                @ r11 = 0x34127856
        orn     r12, r2, #0x00FFFFFF   @ r12 = 0xAB000000 | 0xFF000000 = 0xFF000000
        rsb     r0, r0, #0             @ r0 = -0x00AB00AB = 0xFF54FF55
        mvn     r1, r1, asr #4         @ ~0xFFFAB00A = 0x00054FF5
        bkpt    #0
