package org.flannel.harness.steps;

import io.cucumber.java.en.Then;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.flannel.harness.topology.Capture;
import org.flannel.harness.wire.DecodeOptions;
import org.flannel.harness.wire.Frame;
import org.flannel.harness.wire.PcapReader;

/**
 * Where a node sends a peer's traffic, seen on its own wire rather than end to end: that it forgot a peer (with
 * udp, deleting a lease also stops its owner, whose data path dies with it, so a failing ping alone cannot tell
 * whether the other nodes removed the peer or still send it datagrams nobody reads), and that it follows a
 * peer's new address.
 */
public final class PeerRemovalSteps {
    private static final Duration PAUSE = Duration.ofMillis(200);
    private final ScenarioWorld world;

    public PeerRemovalSteps(ScenarioWorld world) {
        this.world = world;
    }

    /**
     * Pings {@code destination} from the pod, and the peer node's own address (whose echo request crosses
     * the capture point in any case: proof that it captures), until no datagram on the point carries a
     * packet for {@code destination}.
     */
    @Then("within {int} seconds no datagram on {word} carries a ping from {word} to {word}, next to one to {word}")
    public void noDatagramCarriesThePing(int seconds, String point, String from, String destination, String proof) {
        String last = untilARoundShowsNothingWrong(seconds, () -> datagramsCarrying(point, from, destination, proof));
        if (!last.isEmpty()) {
            throw new AssertionError(
                    "within " + seconds + " s: " + last + " (the node still sends its removed peer datagrams)");
        }
    }

    /** Where a node sends a peer's datagrams, seen on its wire: for a lease whose PublicIP changed. */
    @Then("within {int} seconds a ping from {word} to {word} leaves {word} in a datagram to {word}")
    public void aPingLeavesInADatagramTo(int seconds, String from, String destination, String point, String peer) {
        String last = untilARoundShowsNothingWrong(seconds, () -> {
            List<String> peers = framesCarrying(point, from, destination).stream()
                    .map(frame -> frame.value("outer.ipv4.destination").orElse("?"))
                    .distinct()
                    .toList();
            if (peers.equals(List.of(peer))) {
                return "";
            }
            return peers.isEmpty()
                    ? "no datagram on " + point + " carried the ping"
                    : "the datagrams carrying it went to " + peers;
        });
        if (!last.isEmpty()) {
            throw new AssertionError("within " + seconds + " s no ping from " + from + " to " + destination + " left "
                    + point + " in a datagram to " + peer + " alone: " + last);
        }
    }

    /** Capture rounds until one shows nothing wrong (""), for at most that long; what the last one showed. */
    private static String untilARoundShowsNothingWrong(int seconds, Callable<String> round) {
        AtomicReference<String> last = new AtomicReference<>("no capture finished");
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(seconds))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(PAUSE)
                    .until(() -> {
                        last.set(round.call());
                        return last.get().isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            return last.get();
        }
        return "";
    }

    private List<Frame> framesCarrying(String point, String from, String destination) {
        Capture capture = world.topology().capture(point, "");
        Path pcap;
        try {
            world.host(from).exec("ping", "-n", "-c", "1", "-W", "1", destination);
        } finally {
            pcap = capture.stop();
            world.keepCapture(point, pcap);
        }
        return PcapReader.read(pcap, DecodeOptions.vxlanPorts(world.vxlanPort())).stream()
                .filter(Frame::isEncapsulated)
                .filter(frame -> frame.value("inner.ipv4.destination")
                        .filter(destination::equals)
                        .isPresent())
                .toList();
    }

    /** One round: both pings under a fresh capture; what is wrong with it, or nothing. */
    private String datagramsCarrying(String point, String from, String destination, String proof) {
        Capture capture = world.topology().capture(point, "");
        Path pcap;
        try {
            world.host(from).exec("ping", "-n", "-c", "1", "-W", "1", destination);
            world.host(from).exec("ping", "-n", "-c", "1", "-W", "1", proof);
        } finally {
            pcap = capture.stop();
            world.keepCapture(point, pcap);
        }
        List<Frame> frames = PcapReader.read(pcap, DecodeOptions.vxlanPorts(world.vxlanPort()));
        long carrying = frames.stream()
                .filter(Frame::isEncapsulated)
                .filter(frame -> frame.value("inner.ipv4.destination")
                        .filter(destination::equals)
                        .isPresent())
                .count();
        if (frames.isEmpty()) {
            return "the capture on " + point + " saw nothing, not even the ping to " + proof;
        }
        return carrying == 0
                ? ""
                : carrying + " of the " + frames.size() + " frames on " + point + " carry a packet for " + destination;
    }
}
