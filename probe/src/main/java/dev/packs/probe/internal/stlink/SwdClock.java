package dev.packs.probe.internal.stlink;

import dev.packs.probe.ProbeException;

/**
 * Sets the SWD clock, which V2 and V3 do differently: a V2 takes a divisor from a fixed table
 * (SWD_SET_FREQ), a V3 lists the frequencies it offers (GET_COM_FREQ) and takes one in kHz
 * (SET_COM_FREQ). Both get the fastest offered clock not above the request, else the slowest.
 */
final class SwdClock {
  /** V2 SWD clocks (kHz) and their divisors, fastest first (OpenOCD calls divisor 0 4000 kHz). */
  private static final int[][] V2 = {
      {4000, 0}, {1800, 1}, {1200, 2}, {950, 3}, {650, 5}, {480, 7}, {400, 9}, {360, 10},
      {240, 15}, {150, 25}, {125, 31}, {100, 40}, {50, 79}, {25, 158}, {15, 265}, {5, 798}};

  private SwdClock() {}

  static int setV2(StLinkUsb usb, int kiloHertz) {
    int[] choice = V2[V2.length - 1];
    for (int[] entry : V2) {
      if (entry[0] <= kiloHertz) {
        choice = entry;
        break;
      }
    }
    StLinkSession.checkStatus(usb.exchange(StLinkCommands.swdSetFrequency(choice[1])),
        "SWD_SET_FREQ");
    return choice[0];
  }

  static int setV3(StLinkUsb usb, int kiloHertz) {
    byte[] list = usb.exchange(StLinkCommands.getComFrequencies());
    StLinkSession.checkStatus(list, "GET_COM_FREQ");
    int count = Math.min(list[8] & 0xFF, 10);
    if (count == 0) {
      throw new ProbeException.Protocol("GET_COM_FREQ",
          usb.probe() + " offers no SWD frequency");
    }
    int best = -1;
    int slowest = Integer.MAX_VALUE;
    for (int i = 0; i < count; i++) {
      int khz = StLinkSession.u32(list, 12 + 4 * i);
      slowest = Math.min(slowest, khz);
      if (khz <= kiloHertz && khz > best) {
        best = khz;
      }
    }
    int wanted = best > 0 ? best : slowest;
    byte[] answer = usb.exchange(StLinkCommands.setComFrequency(wanted));
    StLinkSession.checkStatus(answer, "SET_COM_FREQ");
    return StLinkSession.u32(answer, 4);
  }
}
