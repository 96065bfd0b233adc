package org.flannel.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FakeLeasesTest {
    @Test
    void aTakenSubnetIsNeverHandedOut() {
        FakeLeases leases = new FakeLeases("vxlan", Set.of("10.1.1.0/24"));
        assertThat(leases.take()).isEqualTo("10.1.2.0/24");
    }

    @Test
    void aSubnetGivenBackComesLast() {
        FakeLeases leases = new FakeLeases("host-gw", Set.of());
        String first = leases.take();
        leases.giveBack(first);
        assertThat(leases.take()).isEqualTo("10.1.2.0/24");
    }

    @Test
    void valuesInFlannelsFormatPerBackend() {
        assertThat(new FakeLeases("vxlan", Set.of()).value("10.1.7.0/24"))
                .isEqualTo("{\"PublicIP\":\"10.168.2.7\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\","
                        + "\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"0e:00:00:00:02:07\"}}");
        assertThat(new FakeLeases("udp", Set.of()).value("10.1.7.0/24"))
                .isEqualTo("{\"PublicIP\":\"10.168.2.7\",\"PublicIPv6\":null}");
    }

    @Test
    void aTransactionPutsEveryLeaseWithGoQuotedValues() {
        String txn = new FakeLeases("udp", Set.of()).putAll("/p", List.of("10.1.7.0/24"));
        assertThat(txn)
                .isEqualTo(
                        "\nput /p/subnets/10.1.7.0-24 \"{\\\"PublicIP\\\":\\\"10.168.2.7\\\",\\\"PublicIPv6\\\":null}\"\n\n\n");
        assertThat(FakeLeases.deleteAll("/p", List.of("10.1.7.0/24"))).isEqualTo("\ndel /p/subnets/10.1.7.0-24\n\n\n");
    }
}
