package org.flannel.reference.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.kernel.IfAddress;
import org.flannel.reference.kernel.RecordingKernel;
import org.flannel.reference.kernel.Route;
import org.junit.jupiter.api.Test;

class ExternalInterfaceFinderTest {

    private static final String NO_MATCH =
            "Failed to find interface to use that matches the interfaces and/or regexes provided";

    private final RecordingKernel kernel = new RecordingKernel()
            .withLink(RecordingKernel.plainLink(1, "lo", 65536, "00:00:00:00:00:00", address("127.0.0.1", 8)))
            .withLink(RecordingKernel.plainLink(2, "eth0", 1500, "52:54:00:00:00:02", address("10.168.0.2", 24)))
            .withLink(RecordingKernel.plainLink(
                    3, "eth1", 9000, "52:54:00:00:00:03", address("192.168.56.10", 24), address("192.168.56.11", 24)))
            .withLink(RecordingKernel.plainLink(4, "noaddr0", 1500, "52:54:00:00:00:04"))
            .withLink(RecordingKernel.plainLink(5, "nomtu0", 0, "52:54:00:00:00:05", address("172.16.0.1", 24)));

    private final ExternalInterfaceFinder finder = new ExternalInterfaceFinder(kernel);

    private static IfAddress address(String ip, int prefixLen) {
        return new IfAddress(Ip4.parse(ip), prefixLen);
    }

    private static ExternalInterface iface(String name, int index, String ifaceAddr, String extAddr, int mtu) {
        return new ExternalInterface(name, index, Ip4.parse(ifaceAddr), Ip4.parse(extAddr), mtu);
    }

    private ExternalInterface find(List<String> ifaces, List<String> regexes) throws InterfaceLookupException {
        return finder.find(ifaces, regexes, Optional.empty());
    }

    @Test
    void anInterfaceIsFoundByName() throws Exception {
        assertThat(find(List.of("eth1"), List.of()))
                .isEqualTo(iface("eth1", 3, "192.168.56.10", "192.168.56.10", 9000));
    }

    @Test
    void anInterfaceIsFoundByOneOfItsAddresses() throws Exception {
        assertThat(find(List.of("10.168.0.2"), List.of()))
                .isEqualTo(iface("eth0", 2, "10.168.0.2", "10.168.0.2", 1500));
    }

    @Test
    void theFirstOfSeveralIfacesThatMatchesWins() throws Exception {
        assertThat(find(List.of("missing0", "10.9.9.9", "eth1", "eth0"), List.of())
                        .name())
                .isEqualTo("eth1");
    }

    @Test
    void anIfaceThatMatchesWinsOverTheRegexes() throws Exception {
        assertThat(find(List.of("eth0"), List.of("eth1")).name()).isEqualTo("eth0");
    }

    @Test
    void theRegexesAreTriedWhenNoIfaceMatches() throws Exception {
        assertThat(find(List.of("missing0"), List.of("eth1")).name()).isEqualTo("eth1");
    }

    @Test
    void aRegexIsMatchedAgainstAddresses() throws Exception {
        assertThat(find(List.of(), List.of("10\\.168\\.0\\.[0-9]+")))
                .isEqualTo(iface("eth0", 2, "10.168.0.2", "10.168.0.2", 1500));
    }

    @Test
    void aRegexIsMatchedAgainstNamesWhenNoAddressMatches() throws Exception {
        assertThat(find(List.of(), List.of("eth[0-9]")).name()).isEqualTo("eth0");
    }

    @Test
    void aRegexMatchingAnAddressWinsOverAnEarlierInterfaceWhoseNameMatches() throws Exception {
        RecordingKernel kernel = new RecordingKernel()
                .withLink(RecordingKernel.plainLink(2, "10g0", 1500, "52:54:00:00:00:02", address("172.16.0.1", 24)))
                .withLink(RecordingKernel.plainLink(3, "eth0", 1500, "52:54:00:00:00:03", address("10.168.0.2", 24)));

        ExternalInterface found =
                new ExternalInterfaceFinder(kernel).find(List.of(), List.of("10.*"), Optional.empty());

        assertThat(found.name()).isEqualTo("eth0");
    }

    @Test
    void theRegexesAreTriedInOrder() throws Exception {
        // eth0 comes before eth1 in the kernel's list: only the regexes' order can pick eth1.
        assertThat(find(List.of(), List.of("nothing", "eth1", "eth0")).name()).isEqualTo("eth1");
    }

    @Test
    void nothingMatchingTheIfacesOrRegexesIsFlannelsError() {
        assertThatThrownBy(() -> find(List.of("missing0", "10.9.9.9"), List.of("nothing[0-9]")))
                .isInstanceOf(InterfaceLookupException.class)
                .hasMessage(NO_MATCH);
        assertThatThrownBy(() -> find(List.of("missing0"), List.of()))
                .isInstanceOf(InterfaceLookupException.class)
                .hasMessage(NO_MATCH);
    }

    @Test
    void withoutIfaceThePublicIpIsLookedUpAsALocalAddress() throws Exception {
        ExternalInterface found = finder.find(List.of(), List.of(), Optional.of(Ip4.parse("192.168.56.11")));

        assertThat(found.name()).isEqualTo("eth1");
        assertThat(found.extAddr()).isEqualTo(Ip4.parse("192.168.56.11"));
        assertThat(found.mtu()).isEqualTo(9000);
    }

    @Test
    void withoutIfaceAPublicIpNoInterfaceOwnsIsFlannelsError() {
        kernel.withDefaultRouteVia("eth0");

        assertThatThrownBy(() -> finder.find(List.of(), List.of(), Optional.of(Ip4.parse("203.0.113.7"))))
                .isInstanceOf(InterfaceLookupException.class)
                .hasMessage("Failed to find any valid interface to use: error looking up interface 203.0.113.7:"
                        + " no interface with given IP found");
    }

    @Test
    void withIfaceThePublicIpIsOnlyAdvertised() throws Exception {
        ExternalInterface found = finder.find(List.of("eth0"), List.of(), Optional.of(Ip4.parse("203.0.113.7")));

        assertThat(found).isEqualTo(iface("eth0", 2, "10.168.0.2", "203.0.113.7", 1500));
    }

    @Test
    void withNothingNamedTheDefaultRoutesInterfaceIsUsed() throws Exception {
        kernel.withDefaultRouteVia("eth1");

        assertThat(find(List.of(), List.of())).isEqualTo(iface("eth1", 3, "192.168.56.10", "192.168.56.10", 9000));
    }

    @Test
    void withNothingNamedAndNoDefaultRouteTheErrorIsFlannels() {
        assertThatThrownBy(() -> find(List.of(), List.of()))
                .isInstanceOf(InterfaceLookupException.class)
                .hasMessageStartingWith("Failed to find any valid interface to use: failed to get default interface: ");
    }

    @Test
    void anInterfaceWithoutIpv4IsFlannelsError() {
        assertThatThrownBy(() -> find(List.of("noaddr0"), List.of()))
                .isInstanceOf(InterfaceLookupException.class)
                .hasMessage(
                        "Failed to find any valid interface to use: failed to find IPv4 address for interface noaddr0");
    }

    @Test
    void anInterfaceWithoutMtuIsFlannelsError() {
        assertThatThrownBy(() -> find(List.of("nomtu0"), List.of()))
                .isInstanceOf(InterfaceLookupException.class)
                .hasMessage("failed to determine MTU for 172.16.0.1 interface");
    }

    @Test
    void anIfaceGivenAsAnAddressIsTheAddressUsed() throws Exception {
        assertThat(find(List.of("192.168.56.11"), List.of()))
                .isEqualTo(iface("eth1", 3, "192.168.56.11", "192.168.56.11", 9000));
    }

    @Test
    void theAddressARegexMatchedIsTheAddressUsed() throws Exception {
        assertThat(find(List.of(), List.of("192\\.168\\.56\\.11")))
                .isEqualTo(iface("eth1", 3, "192.168.56.11", "192.168.56.11", 9000));
    }

    @Test
    void aRegexMatchesAnywhereInTheNameOrAddressAsGosRegexpDoes() throws Exception {
        assertThat(find(List.of(), List.of("eth")).name()).isEqualTo("eth0");
        assertThat(find(List.of(), List.of("192\\.168\\.56")).name()).isEqualTo("eth1");
    }

    @Test
    void aRegexThatDoesNotCompileIsSkippedLikeOneThatMatchesNothing() throws Exception {
        assertThat(find(List.of(), List.of("[", "eth1")).name()).isEqualTo("eth1");
        assertThatThrownBy(() -> find(List.of(), List.of("[")))
                .isInstanceOf(InterfaceLookupException.class)
                .hasMessage(NO_MATCH);
    }

    @Test
    void ifaceCanReachPicksTheInterfaceTheKernelWouldUseWhenNoneIsNamed() throws Exception {
        kernel.withRouteTo(
                Ip4.parse("192.168.56.200"),
                new Route(Ip4Net.parse("192.168.56.200/32"), Optional.empty(), Optional.of("eth1"), false));
        ExternalInterfaceFinder finder = new ExternalInterfaceFinder(kernel);

        assertThat(finder.find(List.of(), List.of(), Optional.of(Ip4.parse("192.168.56.200")), Optional.empty())
                        .name())
                .isEqualTo("eth1");
        // A named interface wins over --iface-can-reach, as in flanneld.
        assertThat(finder.find(List.of("eth0"), List.of(), Optional.of(Ip4.parse("192.168.56.200")), Optional.empty())
                        .name())
                .isEqualTo("eth0");
    }
}
