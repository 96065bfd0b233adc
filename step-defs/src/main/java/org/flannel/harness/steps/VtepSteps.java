package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import java.util.List;
import org.flannel.harness.kernel.KernelReader;
import org.flannel.harness.wire.DecodeOptions;
import org.flannel.harness.wire.Frame;
import org.flannel.harness.wire.PcapReader;

/**
 * The VTEP's MAC seen three ways that must agree: on the device (the kernel), in the lease (what peers
 * program) and as the inner source of the frames the node sends (the wire).
 */
public final class VtepSteps {
    private final ScenarioWorld world;

    public VtepSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Then("{word}'s {word} MAC is the VtepMAC of the lease {word}")
    public void deviceMacIsTheLeasesVtepMac(String node, String device, String subnet) {
        String mac = deviceMac(node, device);
        String leaseMac = world.symbols()
                .lookup("lease(" + subnet + ").VtepMAC")
                .orElseThrow(() -> new AssertionError("the lease " + subnet + " has no VtepMAC"));
        assertThat(leaseMac)
                .as("VtepMAC in the lease %s against %s's MAC on %s", subnet, device, node)
                .isEqualTo(mac);
    }

    @Then("every VXLAN frame {word} sends on {word} has {word}'s {word} MAC as its inner source")
    public void everyFrameCarriesTheDeviceMac(String node, String point, String owner, String device) {
        String mac = deviceMac(owner, device);
        String address = world.node(node).address();
        List<Frame> sent = PcapReader.read(world.capture(point), DecodeOptions.vxlanPorts(world.vxlanPort())).stream()
                .filter(Frame::isEncapsulated)
                .filter(frame ->
                        frame.value("outer.ipv4.source").filter(address::equals).isPresent())
                .toList();
        assertThat(sent)
                .as("VXLAN frames from %s captured on %s", address, point)
                .isNotEmpty();
        for (Frame frame : sent) {
            assertThat(frame.value("inner.ethernet.source"))
                    .as(
                            "inner Ethernet source of frame %d on %s (%s's %s" + " MAC is %s)",
                            frame.number(), point, owner, device, mac)
                    .contains(mac);
        }
    }

    private String deviceMac(String node, String device) {
        return new KernelReader(world.node(node))
                .mac(device)
                .orElseThrow(() -> new AssertionError(node + " has no device " + device));
    }
}
