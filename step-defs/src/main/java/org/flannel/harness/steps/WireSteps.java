package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Then;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.flannel.harness.expect.CaptureVerdict;
import org.flannel.harness.expect.ExpectationRow;
import org.flannel.harness.expect.FlowHash;
import org.flannel.harness.expect.FrameMatcher;
import org.flannel.harness.expect.FrameTable;
import org.flannel.harness.expect.IcmpQuote;
import org.flannel.harness.expect.MatchResult;
import org.flannel.harness.expect.NoMatchResult;
import org.flannel.harness.expect.OuterIdentification;
import org.flannel.harness.expect.PacketCopies;
import org.flannel.harness.expect.Symbols;
import org.flannel.harness.kernel.TunMode;
import org.flannel.harness.wire.ChecksumStatus;
import org.flannel.harness.wire.DecodeOptions;
import org.flannel.harness.wire.Frame;
import org.flannel.harness.wire.LinkTypes;
import org.flannel.harness.wire.PcapReader;

/**
 * Judging the captures: header tables ({@code layer | field | expected}) matched against decoded
 * frames with a per-field diff on failure, negative checks paired with proof the point saw traffic,
 * and one packet followed from hop to hop.
 */
public final class WireSteps {
    private final ScenarioWorld world;

    public WireSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Then("on {word} a frame matches:")
    public void aFrameMatches(String point, DataTable table) {
        match(point, frames(point, world.vxlanPort()), rows(table));
    }

    /** A frame written once (see {@link NamedFrames}), its full table shown in the evidence. */
    @Then("on {word} a frame matches the {namedFrame}")
    public void aFrameMatchesTheNamedFrame(String point, String name) {
        match(point, frames(point, world.vxlanPort()), NamedFrames.rows(name));
    }

    /** A frame written once, with the rows this scenario judges otherwise (or adds). */
    @Then("on {word} a frame matches the {namedFrame}, but for:")
    public void aFrameMatchesTheNamedFrameButFor(String point, String name, DataTable overrides) {
        match(
                point,
                frames(point, world.vxlanPort()),
                FrameTable.withOverrides(NamedFrames.rows(name), rows(overrides)));
    }

    @Then("on {word} a frame matches the {namedFrame}, compared with the echo request sent on {word}, but for:")
    public void aFrameMatchesTheNamedFrameComparedWith(
            String point, String name, String senderPoint, DataTable overrides) {
        matchComparedWith(point, senderPoint, FrameTable.withOverrides(NamedFrames.rows(name), rows(overrides)));
    }

    /** "vxlan echo request from node1 to node2": a backend, the echo request or reply, and its direction. */
    @ParameterType(name = "namedFrame", value = "(?:vxlan|udp|host-gw) echo (?:request|reply) from \\S+ to \\S+")
    public String namedFrame(String name) {
        return name;
    }

    @Then("on {word}, decoding VXLAN on port {int}, a frame matches:")
    public void aFrameMatchesOnPort(String point, int port, DataTable table) {
        world.vxlanPort(port);
        match(point, frames(point, port), rows(table));
    }

    /**
     * Like "a frame matches", with the packet as first sent on {@code senderPoint} (the last ping's
     * echo request) as the reference for {@code decremented by N} rows.
     */
    @Then("on {word} a frame matches, compared with the echo request sent on {word}:")
    public void aFrameMatchesComparedWith(String point, String senderPoint, DataTable table) {
        matchComparedWith(point, senderPoint, rows(table));
    }

    private void matchComparedWith(String point, String senderPoint, List<ExpectationRow> rows) {
        Frame sent = sentEchoRequest(senderPoint);
        List<Frame> frames = frames(point, world.vxlanPort());
        attachDecoded(point, frames);
        MatchResult result =
                new FrameMatcher(world.symbols()).withReference(sent).match(frames, rows);
        JsonEvidence.attach(
                world.scenario(), "frame at " + point + ".json", JsonEvidence.frameMatch(point, rows, result));
        if (!result.found()) {
            world.scenario().attach(result.report(), "text/plain", "field diff at " + point + ".txt");
        }
        result.assertFound();
    }

    @Then("on {word} no frame matches:")
    public void noFrameMatches(String point, DataTable table) {
        List<Frame> frames = frames(point, world.vxlanPort());
        NoMatchResult result = new FrameMatcher(world.symbols()).expectNone(frames, rows(table));
        attachDecoded(point, frames);
        // A negative check proves something only if the capture point was working.
        assertThat(result.totalFrames())
                .as("frames captured on %s: a capture that saw nothing proves nothing", point)
                .isPositive();
        result.assertNone();
    }

    /**
     * The packet carried on {@code wirePoint} is the one seen on {@code earlierPoint}: every byte of the
     * IPv4 packet equal but the TTL (lower by {@code hops}) and the header checksum (which must then be
     * valid again).
     */
    @Then(
            "the inner IPv4 packet on {word} is the one on {word}, byte for byte, but for its TTL, decremented by {int}, and its header checksum")
    public void theInnerPacketIsTheSame(String wirePoint, String earlierPoint, int hops) {
        PingOutcome ping = world.lastPing();
        String source = sourceAddress(ping);
        Frame earlier = EchoPackets.first(
                        frames(earlierPoint, world.vxlanPort()), EchoPackets.ECHO_REQUEST, source, ping.to())
                .orElseThrow(() ->
                        new AssertionError("no echo request " + source + " > " + ping.to() + " on " + earlierPoint));
        Frame carried = EchoPackets.first(
                        frames(wirePoint, world.vxlanPort()), EchoPackets.ECHO_REQUEST, source, ping.to())
                .orElseThrow(
                        () -> new AssertionError("no echo request " + source + " > " + ping.to() + " on " + wirePoint));
        assertThat(carried.isEncapsulated())
                .as("the frame on %s carries an inner packet", wirePoint)
                .isTrue();

        byte[] before = EchoPackets.ipv4Packet(earlier);
        byte[] after = EchoPackets.ipv4Packet(carried);
        assertThat(after.length)
                .as("length of the IPv4 packet on %s against %s", wirePoint, earlierPoint)
                .isEqualTo(before.length);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(after[8] & 0xff)
                .as("TTL on %s (%d on %s, less %d)", wirePoint, before[8] & 0xff, earlierPoint, hops)
                .isEqualTo((before[8] & 0xff) - hops);
        for (int i = 0; i < before.length; i++) {
            if (i != 8 && i != 10 && i != 11 && before[i] != after[i]) {
                softly.fail(
                        "byte %d of the IPv4 packet differs: 0x%02x on %s, 0x%02x on %s",
                        i, before[i] & 0xff, earlierPoint, after[i] & 0xff, wirePoint);
            }
        }
        softly.assertThat(carried.checksumStatus("inner.ipv4.header_checksum"))
                .as("inner IPv4 header checksum, recomputed after the TTL changed")
                .contains(ChecksumStatus.GOOD);
        softly.assertAll();
    }

    /**
     * "A frame matches" is satisfied by one good copy; this judges every frame of the last ping's echo request
     * (or reply) on one capture point: each one carried the way the backend carries it, and exactly one per
     * packet sent. Catches a bare copy of the pod's packet beside the tunnel (a route left via eth0), and a
     * second copy (a flood FDB entry towards every node instead of the peer's unicast entry, two routes).
     */
    @Then("^on (\\S+) every frame of the echo (request|reply) is (encapsulated|bare), exactly once$")
    public void everyFrameOfTheEcho(String point, String which, String carriage) {
        PingOutcome ping = world.lastPing();
        String pod = sourceAddress(ping);
        boolean request = which.equals("request");
        List<Frame> frames = frames(point, world.vxlanPort());
        CaptureVerdict verdict = PacketCopies.echo(
                        frames,
                        request ? pod : ping.to(),
                        request ? ping.to() : pod,
                        request ? EchoPackets.ECHO_REQUEST : EchoPackets.ECHO_REPLY)
                .every(PacketCopies.Carriage.of(carriage), 1);
        attach(verdict, "every frame of the echo " + which + " at " + point + ".txt");
        verdict.assertOk();
    }

    /** Per inner flow, one outer UDP source port (a flow hash keeps a flow on one underlay path, in order). */
    @Then("^on (\\S+) the outer UDP source port is the same for every frame of one inner flow$")
    public void outerSourcePortPerFlow(String point) {
        CaptureVerdict verdict = FlowHash.of(frames(point, world.vxlanPort())).samePortWithinEachFlow();
        attach(verdict, "outer source port per flow at " + point + ".txt");
        verdict.assertOk();
    }

    /**
     * The outer UDP source port is a hash of the inner flow: constant within a flow, and not one port for
     * {@code count} flows between the same two pods. Catches a fixed source port, a port drawn per packet, and
     * a port computed from the inner addresses alone.
     */
    @Then(
            "^on (\\S+) the outer UDP source port is the same for every frame of one inner flow, and differs across the (\\d+) UDP flows from (\\S+) to (\\S+)$")
    public void outerSourcePortIsAFlowHash(String point, int count, String source, String destination) {
        FlowHash flows = FlowHash.of(frames(point, world.vxlanPort()));
        CaptureVerdict within = flows.samePortWithinEachFlow();
        CaptureVerdict across = flows.portsDifferAcross(count, source, destination);
        CaptureVerdict both = new CaptureVerdict(
                within.ok() && across.ok(),
                (within.ok() ? "" : "✗ ") + within.report() + "\n" + (across.ok() ? "" : "✗ ") + across.report());
        attach(both, "outer source port per flow at " + point + ".txt");
        both.assertOk();
    }

    /**
     * With DF clear the underlay may fragment the outer datagram, and fragments are reassembled by source,
     * destination, protocol and identification (RFC 791, RFC 6864 §4.2): no two such headers from one node to
     * another may share an identification. Catches an outer header built with a fixed identification.
     */
    @Then("^on (\\S+) no two fragmentable outer IPv4 headers from one node to the other share an identification$")
    public void outerIdentificationUnique(String point) {
        CaptureVerdict verdict = OuterIdentification.unique(frames(point, world.vxlanPort()));
        attach(verdict, "outer identification at " + point + ".txt");
        verdict.assertOk();
    }

    /**
     * The ICMP error made for a datagram quotes that datagram as it was where the error was made: its IPv4
     * header and the first 8 bytes of its payload (RFC 792), byte for byte. Catches a quote taken after the
     * implementation decremented the TTL, a quote of the header alone (the sender's kernel needs the ports to
     * find the socket), and a quote of anything else.
     */
    @Then(
            "^the ICMP error on (\\S+) quotes the datagram to (\\S+) as it was captured there: its IPv4 header and the first 8 bytes of its payload, byte for byte$")
    public void theIcmpErrorQuotesTheDatagram(String point, String destination) {
        CaptureVerdict verdict = IcmpQuote.quotesTheDatagram(frames(point, world.vxlanPort()), destination);
        attach(verdict, "ICMP error's quote at " + point + ".txt");
        verdict.assertOk();
    }

    /**
     * A TUN device in TUN mode, as the kernel reports it, and a capture on it without link-layer header (raw IP).
     * Catches a TAP device (Ethernet frames between kernel and flanneld): its capture says EN10MB, and its
     * frames would still satisfy the "ipv4" rows of a table.
     */
    @Then("^(\\S+) is a TUN device, not a TAP, and its capture has link type raw IP$")
    public void isATunDevice(String point) {
        String[] parts = point.split(":", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + point + "': write host:device, e.g. node1:flannel0");
        }
        TunMode mode = TunMode.read(world.host(parts[0]), parts[1]);
        int linkType = PcapReader.linkType(world.capture(point));
        boolean rawIp = LinkTypes.isRawIp(linkType);
        String report = (mode.isTun() ? "✓ " : "✗ ") + mode.describe() + " (a TUN device in tun mode: kind tun,"
                + " type tun)\n" + (rawIp ? "✓ " : "✗ ") + "capture on " + point + ": link type "
                + LinkTypes.name(linkType) + " (" + linkType + "; raw IP expected, no link-layer header)\n"
                + mode.json() + "\n";
        CaptureVerdict verdict = new CaptureVerdict(mode.isTun() && rawIp, report);
        attach(verdict, "TUN device " + point + ".txt");
        verdict.assertOk();
    }

    @Then("the echo request from {word} to {word} is seen at every hop as:")
    public void theEchoRequestAtEveryHop(String source, String destination, DataTable table) {
        followEcho(EchoPackets.ECHO_REQUEST, source, destination, table);
    }

    @Then("the echo reply from {word} to {word} is seen at every hop as:")
    public void theEchoReplyAtEveryHop(String source, String destination, DataTable table) {
        followEcho(EchoPackets.ECHO_REPLY, source, destination, table);
    }

    private void followEcho(int type, String source, String destination, DataTable table) {
        Symbols symbols = world.symbols();
        SoftAssertions softly = new SoftAssertions();
        HopEvidence evidence = new HopEvidence(type, source, destination);
        for (Map<String, String> hop : table.asMaps()) {
            String point = hop.get("hop");
            List<Frame> frames = frames(point, world.vxlanPort());
            Optional<Frame> found = EchoPackets.first(frames, type, source, destination);
            int errorsBefore = softly.errorsCollected().size();
            if (found.isEmpty()) {
                softly.fail(
                        "%s: no ICMP type %d %s > %s among the %d frames captured",
                        point, type, source, destination, frames.size());
                evidence.hop(hop, symbols, Optional.empty(), frames.size(), List.of("no such packet captured"));
                continue;
            }
            Frame frame = found.get();
            String prefix = frame.isEncapsulated() ? "outer." : "";
            softly.assertThat(EchoPackets.headers(frame))
                    .as("%s: header stack", point)
                    .isEqualTo(hop.get("headers"));
            softly.assertThat(frame.value(prefix + "ethernet.destination"))
                    .as("%s: Ethernet destination", point)
                    .contains(KernelSteps.value(hop, "ethernet destination", symbols));
            String outerDestination = hop.getOrDefault("outer ipv4 destination", "");
            if (outerDestination != null && !outerDestination.isBlank()) {
                softly.assertThat(frame.value("outer.ipv4.destination"))
                        .as("%s: outer IPv4 destination", point)
                        .contains(KernelSteps.value(hop, "outer ipv4 destination", symbols));
            }
            String vni = hop.getOrDefault("vni", "");
            if (vni != null && !vni.isBlank()) {
                softly.assertThat(frame.value("vxlan.vni")).as("%s: VNI", point).contains(vni);
            }
            softly.assertThat(EchoPackets.ipv4(frame, "ttl"))
                    .as("%s: TTL of the pods' packet", point)
                    .contains(hop.get("packet ttl"));
            List<String> problems =
                    softly
                            .errorsCollected()
                            .subList(errorsBefore, softly.errorsCollected().size())
                            .stream()
                            .map(Throwable::getMessage)
                            .toList();
            evidence.hop(hop, symbols, found, frames.size(), problems);
        }
        JsonEvidence.attach(
                world.scenario(),
                "hops of the " + (type == EchoPackets.ECHO_REQUEST ? "echo request" : "echo reply") + " from " + source
                        + " to " + destination + ".json",
                evidence.trace());
        softly.assertAll();
    }

    /** The last ping's echo request as captured at the sender. */
    private Frame sentEchoRequest(String senderPoint) {
        PingOutcome ping = world.lastPing();
        String source = sourceAddress(ping);
        return EchoPackets.first(frames(senderPoint, world.vxlanPort()), EchoPackets.ECHO_REQUEST, source, ping.to())
                .orElseThrow(() ->
                        new AssertionError("no echo request " + source + " > " + ping.to() + " on " + senderPoint));
    }

    private String sourceAddress(PingOutcome ping) {
        return world.host(ping.from())
                .exec("sh", "-c", "ip -4 -o addr show dev eth0 | awk '{print $4}'")
                .orThrow()
                .stdout()
                .strip()
                .split("/")[0];
    }

    private void match(String point, List<Frame> frames, List<ExpectationRow> rows) {
        attachDecoded(point, frames);
        MatchResult result = new FrameMatcher(world.symbols()).match(frames, rows);
        JsonEvidence.attach(
                world.scenario(), "frame at " + point + ".json", JsonEvidence.frameMatch(point, rows, result));
        if (!result.found()) {
            world.scenario().attach(result.report(), "text/plain", "field diff at " + point + ".txt");
        }
        result.assertFound();
    }

    private List<Frame> frames(String point, int vxlanPort) {
        Path pcap = world.capture(point);
        return PcapReader.read(pcap, DecodeOptions.vxlanPorts(vxlanPort));
    }

    private void attach(CaptureVerdict verdict, String name) {
        world.scenario().attach(verdict.report(), "text/plain", name);
    }

    private void attachDecoded(String point, List<Frame> frames) {
        StringBuilder text = new StringBuilder();
        for (Frame frame : frames) {
            text.append(frame.render()).append('\n');
        }
        world.scenario().attach(text.toString(), "text/plain", "decoded frames at " + point + ".txt");
    }

    private static List<ExpectationRow> rows(DataTable table) {
        return ExpectationRow.fromCells(table.cells());
    }
}
