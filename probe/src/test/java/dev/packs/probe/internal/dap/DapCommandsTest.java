package dev.packs.probe.internal.dap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.emulator.Core;
import dev.packs.probe.ProbeException;
import dev.packs.probe.internal.arm.Ack;
import dev.packs.probe.internal.arm.Adi;
import dev.packs.probe.internal.sim.FaultPlan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every command class encodes a request the virtual firmware accepts and decodes its answer. The
 * device is the contract test's M4, so memory and debug registers are real.
 */
class DapCommandsTest {
  private static final int DPIDR = 0x2BA0_1477;
  private static final long RAM = 0x2000_0100L;

  private VirtualDap probe;
  private DapLink link;

  @BeforeEach
  void open() {
    probe = VirtualDap.over(VirtualDapContractTest.device(Core.CORTEX_M4), VirtualDapConfig.DEFAULT,
        new FaultPlan());
    link = new DapLink(probe.transport());
  }

  private static int dp(boolean read, int address) {
    return TransferRequest.of(false, read, address);
  }

  private static int ap(boolean read, int address) {
    return TransferRequest.of(true, read, address);
  }

  /** Line reset, JTAG-to-SWD, line reset, idle: what the DP needs before it answers. */
  private void switchToSwd() {
    byte[] ones = {-1, -1, -1, -1, -1, -1, -1};
    link.call(new SwjSequence(51, ones));
    link.call(new SwjSequence(16, new byte[] {(byte) 0x9E, (byte) 0xE7}));
    link.call(new SwjSequence(51, ones));
    link.call(new SwjSequence(8, new byte[] {0}));
  }

  private Transfer.Result transfer(int[] requests, int[] values) {
    return link.call(new Transfer(requests, values, requests.length));
  }

  /** SWD on, DPIDR read, sticky flags cleared, debug powered, CSW 32-bit auto-increment. */
  private void connect() {
    switchToSwd();
    Transfer.Result r = transfer(
        new int[] {dp(true, Adi.DP_DPIDR), dp(false, Adi.DP_ABORT), dp(false, Adi.DP_CTRL_STAT),
            dp(false, Adi.DP_SELECT), ap(false, Adi.AP_CSW)},
        new int[] {0, Adi.CLEAR_STICKY, Adi.CDBGPWRUPREQ | Adi.CSYSPWRUPREQ, 0,
            Adi.CSW_AHB_DEFAULT | Adi.CSW_ADDRINC_SINGLE | Adi.CSW_SIZE32});
    assertThat(r.status().ok()).isTrue();
    assertThat(r.data()).containsExactly(DPIDR);
  }

  @Test
  void dapInfoTellsIdentityPacketSizeCountAndCapabilities() {
    assertThat(DapInfo.text(link.call(new DapInfo(DapInfo.VENDOR)))).isEqualTo("packs");
    assertThat(DapInfo.text(link.call(new DapInfo(DapInfo.PROTOCOL_VERSION)))).isEqualTo("2.1.1");
    assertThat(DapInfo.number(link.call(new DapInfo(DapInfo.PACKET_SIZE)))).isEqualTo(512);
    assertThat(DapInfo.number(link.call(new DapInfo(DapInfo.PACKET_COUNT)))).isEqualTo(8);
    assertThat(DapInfo.number(link.call(new DapInfo(DapInfo.CAPABILITIES))))
        .isEqualTo(DapInfo.CAP_SWD | DapInfo.CAP_ATOMIC);
    assertThat(link.call(new DapInfo(DapInfo.TARGET_NAME))).isEqualTo(Optional.empty());
  }

  @Test
  void simpleCommandsAnswerOk() {
    link.call(new HostStatus(HostStatus.CONNECT, true));
    link.call(new TransferConfigure(0, 100, 10));
    link.call(new SwjClock(4_000_000));
    link.call(new SwdConfigure(1, false));
    link.call(new Disconnect());
    assertThat(link.call(new ResetTarget())).isFalse();
    assertThat(link.call(new Connect(Connect.SWD))).isEqualTo(Connect.SWD);
  }

  @Test
  void refusesJtagWhichTheVirtualProbeDoesNotSpeak() {
    assertThatThrownBy(() -> link.call(new Connect(Connect.JTAG)))
        .isInstanceOf(ProbeException.Unsupported.class).hasMessageContaining("JTAG");
  }

  @Test
  void theDebugPortAnswersOnlyAfterTheSwitchToSwd() {
    Transfer.Result before = transfer(new int[] {dp(true, Adi.DP_DPIDR)}, new int[1]);
    assertThat(before.done()).isZero();
    assertThat(before.status().ack()).isEqualTo(Ack.NO_ACK);
    switchToSwd();
    Transfer.Result after = transfer(new int[] {dp(true, Adi.DP_DPIDR)}, new int[1]);
    assertThat(after.data()).containsExactly(DPIDR);
  }

  @Test
  void transferBlockWritesAndReadsAWordRun() {
    connect();
    int[] words = {0x1111_1111, 0x2222_2222, 0x3333_3333, 0x4444_4444};
    transfer(new int[] {ap(false, Adi.AP_TAR)}, new int[] {(int) RAM});
    TransferBlock.Result written = link.call(TransferBlock.write(ap(false, Adi.AP_DRW), words, 0, 4));
    assertThat(written.done()).isEqualTo(4);
    assertThat(written.status().ok()).isTrue();
    transfer(new int[] {ap(false, Adi.AP_TAR)}, new int[] {(int) RAM});
    TransferBlock.Result read = link.call(TransferBlock.read(ap(true, Adi.AP_DRW), 4));
    assertThat(read.data()).containsExactly(words);
    assertThat(probe.core().emulator().readWord(RAM + 12)).isEqualTo(0x4444_4444);
  }

  @Test
  void valueMatchReadsReportAMismatchAndStopTheCommand() {
    connect();
    link.call(new TransferConfigure(0, 100, 3));
    // CTRL/STAT has both power-up ACKs: a match on them succeeds, a match on STICKYERR does not.
    int mask = Adi.CDBGPWRUPACK | Adi.CSYSPWRUPACK;
    Transfer.Result matched = transfer(
        new int[] {TransferRequest.MATCH_MASK, dp(true, Adi.DP_CTRL_STAT) | TransferRequest.MATCH_VALUE},
        new int[] {mask, mask});
    assertThat(matched.status().ok()).isTrue();
    assertThat(matched.done()).isEqualTo(2);
    Transfer.Result missed = transfer(
        new int[] {TransferRequest.MATCH_MASK, dp(true, Adi.DP_CTRL_STAT) | TransferRequest.MATCH_VALUE,
            dp(true, Adi.DP_DPIDR)},
        new int[] {Adi.STICKYERR, Adi.STICKYERR, 0});
    assertThat(missed.status().mismatch()).isTrue();
    assertThat(missed.done()).isEqualTo(1);
    assertThat(missed.data()).isEmpty();
  }

  @Test
  void aFaultedAccessIsStickyUntilWriteAbortClearsIt() {
    connect();
    Transfer.Result bad = transfer(new int[] {ap(false, Adi.AP_TAR), ap(true, Adi.AP_DRW)},
        new int[] {0x6000_0000, 0});
    assertThat(bad.status().ack()).isEqualTo(Ack.FAULT);
    Transfer.Result still = transfer(new int[] {ap(true, Adi.AP_IDR & 0xC)}, new int[1]);
    assertThat(still.status().ack()).isEqualTo(Ack.FAULT);
    Transfer.Result ctrl = transfer(new int[] {dp(true, Adi.DP_CTRL_STAT)}, new int[1]);
    assertThat(ctrl.data()[0] & Adi.STICKYERR).isNotZero();
    link.call(new WriteAbort(Adi.CLEAR_STICKY));
    Transfer.Result cleared = transfer(new int[] {dp(true, Adi.DP_CTRL_STAT)}, new int[1]);
    assertThat(cleared.data()[0] & Adi.STICKYERR).isZero();
  }

  @Test
  void executeCommandsAnswersEachCommandInOrder() {
    connect();
    ExecuteCommands both = new ExecuteCommands(List.of(
        new Transfer(new int[] {ap(false, Adi.AP_TAR), ap(false, Adi.AP_DRW)}, new int[] {(int) RAM, 0xCAFE_F00D}, 2),
        new Transfer(new int[] {ap(false, Adi.AP_TAR), ap(true, Adi.AP_DRW)}, new int[] {(int) RAM, 0}, 2),
        new DapInfo(DapInfo.PACKET_COUNT)));
    List<Object> answers = link.call(both);
    assertThat(answers).hasSize(3);
    assertThat(((Transfer.Result) answers.get(1)).data()).containsExactly(0xCAFE_F00D);
    assertThat(DapInfo.number((Optional<byte[]>) answers.get(2))).isEqualTo(8);
  }

  @Test
  void anUnknownCommandIsAnsweredWith0xFF() {
    DapCommand<Void> queue = new DapCommand<>() {
      @Override public int id() { return 0x7E; }
      @Override public String name() { return "DAP_QueueCommands"; }
      @Override public int requestLength() { return 2; }
      @Override public int maxResponseLength() { return 1; }
      @Override public void encode(java.nio.ByteBuffer out) { out.put((byte) 0x7E).put((byte) 0); }
      @Override public Void decode(java.nio.ByteBuffer in) { expectId(in); return null; }
    };
    assertThatThrownBy(() -> link.call(queue)).isInstanceOf(ProbeException.Unsupported.class)
        .hasMessageContaining("DAP_QueueCommands is not implemented");
  }

  @Test
  void theFirmwareRefusesARequestShorterThanItsCommand() {
    // A DAP_Transfer that announces two writes but carries one: the host would have sent garbage.
    byte[] packet = {0x05, 0, 2, 0x04, 1, 2, 3, 4};
    assertThatThrownBy(() -> probe.transport().write(packet, packet.length))
        .isInstanceOf(ProbeException.Protocol.class).hasMessageContaining("shorter");
  }
}
