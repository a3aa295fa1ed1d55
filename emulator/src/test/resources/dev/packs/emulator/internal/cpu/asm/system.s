@ MRS/MSR on special registers, CPSID/CPSIE, barriers and hints.
        .syntax unified
        .cpu cortex-m4
        .thumb
        .text
        cpsid   i
        mrs     r0, primask            @ r0 = 1
        cpsie   i
        mrs     r1, primask            @ r1 = 0
        movs    r2, #0x40
        msr     basepri, r2
        mrs     r2, basepri            @ r2 = 0x40
        mov     r3, #0xF0000000
        msr     apsr_nzcvq, r3
        mrs     r3, apsr               @ r3 = 0xF0000000
        ldr     r4, =0x20000800
        msr     psp, r4
        mrs     r5, psp                @ r5 = 0x20000800
        movs    r6, #2
        msr     control, r6            @ thread mode now uses PSP
        isb
        mov     r7, sp                 @ r7 = 0x20000800
        mrs     r8, msp                @ r8 = the original sp
        dsb
        dmb
        nop
        sev
        bkpt    #0
        .ltorg
