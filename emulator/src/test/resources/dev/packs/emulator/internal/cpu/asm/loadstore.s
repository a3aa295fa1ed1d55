@ Loads and stores in every addressing mode, LDRD/STRD, LDM/STM, PUSH/POP, LDREX/STREX.
@ Entry: r0 = 0x20000000 (RAM, zero-filled), sp = 0x20001000.
        .syntax unified
        .cpu cortex-m4
        .thumb
        .text
        ldr     r1, =0x11223344
        str     r1, [r0]               @ [0x20000000] = 0x11223344
        ldrb    r2, [r0, #1]           @ r2 = 0x33
        ldrsh   r3, [r0, #2]           @ r3 = 0x1122
        strb    r2, [r0, #4]!          @ r0 = 0x20000004, [4] = 0x33
        strh    r1, [r0], #4           @ [4] = 0x3344, r0 = 0x20000008
        ldr     r5, [r0, #-8]          @ r5 = 0x11223344
        ldr     r6, [r0, #-4]          @ r6 = 0x00003344
        movs    r7, #1
        ldr     r8, [r0, r7, lsl #2]   @ [0x2000000C] = 0
        strd    r1, r6, [r0, #8]       @ [0x20000010] = 0x11223344, [0x20000014] = 0x3344
        ldrd    r9, r10, [r0, #8]      @ r9 = 0x11223344, r10 = 0x3344
        push    {r1, r2, lr}           @ sp = 0x20000FF4
        pop     {r4, r11, r12}         @ r4 = 0x11223344, r11 = 0x33, r12 = lr
        stmdb   r0!, {r2, r3}          @ r0 = 0x20000000, [0] = 0x33, [4] = 0x1122
        ldmia   r0, {r7, r8}           @ r7 = 0x33, r8 = 0x1122
        ldrex   r1, [r0]               @ r1 = 0x33
        adds    r1, #1
        strex   r2, r1, [r0]           @ r2 = 0 (success), [0] = 0x34
        strex   r3, r1, [r0]           @ r3 = 1 (no reservation)
        ldr     r5, [r0]               @ r5 = 0x34
        ldrsb   r6, literal            @ r6 = 0xFFFFFF80
        bkpt    #0
literal:
        .byte   0x80, 0, 0, 0
        .ltorg
