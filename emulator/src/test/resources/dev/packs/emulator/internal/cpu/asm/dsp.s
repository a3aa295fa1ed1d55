@ DSP extension integer instructions compilers emit.
        .syntax unified
        .cpu cortex-m4
        .thumb
        .text
        ldr     r0, =0x80FF7F01
        movs    r1, #100
        sxtab   r2, r1, r0             @ 100 + 1 = 101
        sxtab   r3, r1, r0, ror #8     @ 100 + 0x7F = 227
        uxtah   r4, r1, r0, ror #16    @ 100 + 0x80FF = 0x8163
        sxth    r5, r0, ror #16        @ 0xFFFF80FF
        ssat    r6, #8, r0             @ saturates to -128 = 0xFFFFFF80, Q set
        usat    r7, #8, r1, lsl #2     @ 400 -> 255
        pkhbt   r8, r1, r0, lsl #16    @ 0x7F010064
        pkhtb   r9, r0, r1, asr #16    @ 0x80FF0000
        ldr     r10, =0x7FFF0001
        ldr     r11, =0x00010001
        sadd16  r12, r10, r11          @ 0x80000002, GE = 0b0011 (high lane negative)
        sel     r1, r10, r11           @ low halfword from r10, high from r11: 0x00010001
        qadd    r2, r10, r10           @ saturates to 0x7FFFFFFF
        smlad   r3, r10, r11, r1       @ 0x7FFF*1 + 1*1 + 0x10001 = 0x18001
        uadd8   r4, r0, r0             @ 0x00FEFE02, GE = 0b1101? see Dsp test
        mrs     r5, apsr
        bkpt    #0
        .ltorg
