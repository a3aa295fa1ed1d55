package dev.packs.probe.internal.stlink;

/**
 * What went over USB: {@code packetSize} is the most bytes one ST-Link command moves (6144, the
 * memory-command limit), packets are bulk transfers (a command block, a data phase or an answer),
 * and {@code waits} counts the times the host blocked for an answer (every IN transfer: ST-Link
 * commands are not pipelined).
 */
public record StLinkCounters(int packetSize, long packetsOut, long packetsIn, long bytesOut,
    long bytesIn, long waits) {}
