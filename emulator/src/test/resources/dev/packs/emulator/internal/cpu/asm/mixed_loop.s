@ The benchmark's mixed loop: ALU, loads, stores and a taken branch in every iteration.
@ ARMv6-M encodings only, so the same bytes run on Cortex-M0 and Cortex-M4 models.
@ Entry: r0 = iteration count, r1 = a 256-byte buffer in RAM. 12 instructions per iteration.
        .syntax unified
        .cpu cortex-m0
        .thumb
        .text
        .global mixed_loop
mixed_loop:
        movs    r2, #0
        movs    r5, #0xFC
loop:
        ldr     r3, [r1, r2]
        adds    r3, r3, r0
        eors    r3, r2
        lsls    r4, r3, #3
        str     r4, [r1, r2]
        ldrb    r6, [r1, #5]
        adds    r4, r4, r6
        adds    r2, #4
        ands    r2, r5
        strh    r4, [r1, #8]
        subs    r0, #1
        bne     loop
        bkpt    #0
