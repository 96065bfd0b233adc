package org.flannel.reference.backend.vxlan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.kernel.IfAddress;
import org.flannel.reference.kernel.KernelException;
import org.flannel.reference.kernel.Link;
import org.flannel.reference.kernel.MacAddress;
import org.flannel.reference.kernel.RecordingKernel;
import org.flannel.reference.kernel.VxlanAttributes;
import org.flannel.reference.kernel.VxlanDeviceSpec;
import org.flannel.reference.testing.CapturedStderr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VxlanDeviceTest {

    private static final MacAddress NEW_MAC = MacAddress.parse("ae:0b:22:33:44:55");
    private static final MacAddress EXISTING_MAC = MacAddress.parse("5e:f8:4f:00:e3:37");
    private static final Ip4 LOCAL = Ip4.parse("10.168.0.2");
    private static final VxlanDeviceSpec SPEC =
            new VxlanDeviceSpec("flannel.1", NEW_MAC, 1450, 1, LOCAL, "eth0", 0, false, false);
    private static final String CREATE = "link add flannel.1 address ae:0b:22:33:44:55 mtu 1450 type vxlan id 1"
            + " local 10.168.0.2 dev eth0 nolearning";
    private static final String ACCEPT_RA = "sysctl net/ipv6/conf/flannel.1/accept_ra=0";
    private static final Ip4Net NETWORK = Ip4Net.parse("10.1.0.0/16");
    private static final Ip4Net SUBNET = Ip4Net.parse("10.1.15.0/24");

    private final RecordingKernel kernel = new RecordingKernel()
            .withLink(RecordingKernel.plainLink(2, "eth0", 1500, "52:54:00:12:34:56", new IfAddress(LOCAL, 24)));

    /** A flannel.1 as the kernel reports one made from SPEC: the port it reports is the kernel's default. */
    private static VxlanAttributes compatibleAttributes() {
        return new VxlanAttributes(1, Optional.of(LOCAL), Optional.of("eth0"), 8472, false, false, Optional.empty());
    }

    private static Link flannel1(int mtu, Optional<VxlanAttributes> vxlan, IfAddress... addresses) {
        return new Link(7, "flannel.1", mtu, EXISTING_MAC, true, List.of(addresses), vxlan);
    }

    private static VxlanAttributes with(
            VxlanAttributes a,
            Integer vni,
            Ip4 local,
            String dev,
            Integer port,
            Boolean learning,
            Boolean gbp,
            Ip4 group) {
        return new VxlanAttributes(
                vni != null ? vni : a.vni(),
                local != null ? Optional.of(local) : a.local(),
                dev != null ? Optional.of(dev) : a.underlayDevice(),
                port != null ? port : a.port(),
                learning != null ? learning : a.learning(),
                gbp != null ? gbp : a.gbp(),
                group != null ? Optional.of(group) : a.group());
    }

    @Test
    void anExistingCompatibleDeviceIsReusedAndItsMacIsTheVtepMac() {
        kernel.withLink(flannel1(1450, Optional.of(compatibleAttributes()), new IfAddress(Ip4.parse("10.1.15.0"), 32)));

        MacAddress vtepMac = new VxlanDevice(kernel, SPEC).ensure();

        assertThat(vtepMac).isEqualTo(EXISTING_MAC);
        assertThat(kernel.calls()).isEmpty();
    }

    @Test
    void anExplicitPortMatchesADeviceReportingThatPort() {
        VxlanDeviceSpec spec = new VxlanDeviceSpec("flannel.1", NEW_MAC, 1450, 1, LOCAL, "eth0", 4789, false, false);
        kernel.withLink(
                flannel1(1450, Optional.of(with(compatibleAttributes(), null, null, null, 4789, null, null, null))));

        assertThat(new VxlanDevice(kernel, spec).ensure()).isEqualTo(EXISTING_MAC);
        assertThat(kernel.calls()).isEmpty();
    }

    static Stream<Arguments> incompatibleDevices() {
        VxlanAttributes ok = compatibleAttributes();
        return Stream.of(
                Arguments.of(
                        "another VNI",
                        flannel1(1450, Optional.of(with(ok, 2, null, null, null, null, null, null))),
                        "VNI 2 instead of 1"),
                Arguments.of(
                        "another port",
                        flannel1(1450, Optional.of(with(ok, null, null, null, 4789, null, null, null))),
                        "dstport 4789 instead of 8472"),
                Arguments.of(
                        "another local",
                        flannel1(
                                1450,
                                Optional.of(with(ok, null, Ip4.parse("10.168.0.9"), null, null, null, null, null))),
                        "local 10.168.0.9 instead of 10.168.0.2"),
                Arguments.of("another MTU", flannel1(1500, Optional.of(ok)), "mtu 1500 instead of 1450"),
                Arguments.of(
                        "another underlay device",
                        flannel1(1450, Optional.of(with(ok, null, null, "eth1", null, null, null, null))),
                        "dev eth1 instead of eth0"),
                Arguments.of(
                        "learning on",
                        flannel1(1450, Optional.of(with(ok, null, null, null, null, true, null, null))),
                        "learning instead of nolearning"),
                Arguments.of(
                        "gbp on",
                        flannel1(1450, Optional.of(with(ok, null, null, null, null, null, true, null))),
                        "gbp true instead of false"),
                Arguments.of(
                        "a multicast group",
                        flannel1(
                                1450,
                                Optional.of(with(ok, null, null, null, null, null, null, Ip4.parse("239.1.1.1")))),
                        "group 239.1.1.1 instead of none"),
                Arguments.of("not a vxlan device", flannel1(1450, Optional.empty()), "type is not vxlan"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incompatibleDevices")
    void anExistingIncompatibleDeviceIsDeletedAndRecreatedNamingTheDifference(
            String what, Link existing, String difference) {
        kernel.withLink(existing);

        MacAddress vtepMac;
        String log;
        try (CapturedStderr stderr = new CapturedStderr()) {
            vtepMac = new VxlanDevice(kernel, SPEC).ensure();
            log = stderr.text();
        }

        assertThat(vtepMac).isEqualTo(NEW_MAC);
        assertThat(kernel.calls()).containsExactly("link delete flannel.1", CREATE, ACCEPT_RA);
        assertThat(log)
                .contains("\"flannel.1\" already exists with incompatible configuration: ")
                .contains(difference)
                .contains("; recreating device");
    }

    @Test
    void everyDifferenceIsNamed() {
        kernel.withLink(
                flannel1(1500, Optional.of(with(compatibleAttributes(), 2, null, null, 4789, null, null, null))));

        String log;
        try (CapturedStderr stderr = new CapturedStderr()) {
            new VxlanDevice(kernel, SPEC).ensure();
            log = stderr.text();
        }

        assertThat(log).contains("VNI 2 instead of 1, dstport 4789 instead of 8472, mtu 1500 instead of 1450");
    }

    @Test
    void anAbsentDeviceIsCreatedWithTheSpecAndIpv6RouterAdvertisementsOff() {
        MacAddress vtepMac = new VxlanDevice(kernel, SPEC).ensure();

        assertThat(vtepMac).isEqualTo(NEW_MAC);
        assertThat(kernel.calls()).containsExactly(CREATE, ACCEPT_RA);
        Link created = kernel.link("flannel.1").orElseThrow();
        assertThat(created.mac()).isEqualTo(NEW_MAC);
        assertThat(created.mtu()).isEqualTo(1450);
    }

    @Test
    void aPortGbpAndLearningAreAskedOfTheKernel() {
        VxlanDeviceSpec spec = new VxlanDeviceSpec("flannel.9", NEW_MAC, 8950, 9, LOCAL, "eth0", 4789, true, true);

        new VxlanDevice(kernel, spec).ensure();

        assertThat(kernel.calls())
                .containsExactly(
                        "link add flannel.9 address ae:0b:22:33:44:55 mtu 8950 type vxlan id 9 local 10.168.0.2 dev eth0"
                                + " learning dstport 4789 gbp",
                        "sysctl net/ipv6/conf/flannel.9/accept_ra=0");
    }

    @Test
    void aHostWithoutIpv6StillGetsItsDevice() {
        kernel.failOn("sysctl");

        assertThat(new VxlanDevice(kernel, SPEC).ensure()).isEqualTo(NEW_MAC);
        assertThat(kernel.link("flannel.1")).isPresent();
    }

    @Test
    void aRefusedCreationIsReported() {
        kernel.failOn("link add");

        assertThatThrownBy(() -> new VxlanDevice(kernel, SPEC).ensure()).isInstanceOf(KernelException.class);
    }

    @Test
    void configureAddsTheSubnetAddressAsA32RemovesOtherAddressesInTheNetworkKeepsForeignOnesAndSetsUp() {
        IfAddress staleHost = new IfAddress(Ip4.parse("10.1.99.0"), 32);
        IfAddress staleSubnetWide = new IfAddress(Ip4.parse("10.1.15.0"), 24);
        IfAddress foreign = new IfAddress(Ip4.parse("192.168.5.1"), 24);
        kernel.withLink(new Link(
                7,
                "flannel.1",
                1450,
                EXISTING_MAC,
                false,
                List.of(staleHost, foreign, staleSubnetWide),
                Optional.of(compatibleAttributes())));

        new VxlanDevice(kernel, SPEC).configure(NETWORK, SUBNET);

        assertThat(kernel.calls())
                .containsExactly(
                        "address delete 10.1.99.0/32 dev flannel.1",
                        "address delete 10.1.15.0/24 dev flannel.1",
                        "address add 10.1.15.0/32 dev flannel.1",
                        "link set flannel.1 up");
        Link configured = kernel.link("flannel.1").orElseThrow();
        assertThat(configured.ipv4Addresses())
                .containsExactlyInAnyOrder(foreign, new IfAddress(Ip4.parse("10.1.15.0"), 32));
        assertThat(configured.up()).isTrue();
    }

    @Test
    void configureKeepsTheRightAddressWithoutAddingItAgain() {
        kernel.withLink(flannel1(1450, Optional.of(compatibleAttributes()), new IfAddress(Ip4.parse("10.1.15.0"), 32)));

        new VxlanDevice(kernel, SPEC).configure(NETWORK, SUBNET);

        assertThat(kernel.calls()).containsExactly("link set flannel.1 up");
    }

    @Test
    void configureOfAMissingDeviceFails() {
        assertThatThrownBy(() -> new VxlanDevice(kernel, SPEC).configure(NETWORK, SUBNET))
                .isInstanceOf(KernelException.class)
                .hasMessage("flannel.1 disappeared");
    }

    @Test
    void verifyMacAcceptsTheMacThatWasPublished() {
        kernel.withLink(flannel1(1450, Optional.of(compatibleAttributes())));

        new VxlanDevice(kernel, SPEC).verifyMac(EXISTING_MAC);
    }

    @Test
    void verifyMacReportsAMacChangedBehindFlannelsBackInFlannelsWords() {
        kernel.withLink(flannel1(1450, Optional.of(compatibleAttributes())));

        assertThatThrownBy(() -> new VxlanDevice(kernel, SPEC).verifyMac(NEW_MAC))
                .isInstanceOf(KernelException.class)
                .hasMessage("flannel.1's mac address wanted: ae:0b:22:33:44:55, but got: 5e:f8:4f:00:e3:37");
    }

    @Test
    void verifyMacReportsAVanishedDevice() {
        assertThatThrownBy(() -> new VxlanDevice(kernel, SPEC).verifyMac(NEW_MAC))
                .isInstanceOf(KernelException.class)
                .hasMessageStartingWith("flannel.1's mac address wanted: ae:0b:22:33:44:55, but got: ");
    }
}
