package org.flannel.reference.subnet.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.testing.CapturedStderr;
import org.junit.jupiter.api.Test;

/** What the lease watch makes of each entry under subnets/: a usable lease, or a skip with a log line. */
class StoredLeaseTest {

    private static final String PREFIX = "/coreos.com/network/subnets/";
    private static final String NODE2 = "{\"PublicIP\":\"10.168.0.3\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\","
            + "\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"5e:f8:4f:00:e3:37\"}}";

    @Test
    void aLeaseAsFlannelWritesItIsRead() {
        Optional<Lease> lease = StoredLease.read(PREFIX + "10.1.16.0-24", NODE2);

        assertThat(lease).isPresent();
        assertThat(lease.get().subnet()).isEqualTo(Ip4Net.parse("10.1.16.0/24"));
        assertThat(lease.get().attrs().publicIp()).isEqualTo(Ip4.parse("10.168.0.3"));
        assertThat(lease.get().attrs().backendType()).isEqualTo("vxlan");
        assertThat(lease.get().expiration()).isNull();
    }

    @Test
    void aValueThatIsNotJsonIsSkippedWithALine() {
        try (CapturedStderr log = new CapturedStderr()) {
            assertThat(StoredLease.read(PREFIX + "10.1.60.0-24", "not json")).isEmpty();
            assertThat(log.text()).contains(PREFIX + "10.1.60.0-24: cannot read the lease's value (", "), skipping");
        }
    }

    @Test
    void aLeaseWithoutPublicIpIsSkippedWithALineRatherThanProgrammedTowardsNowhere() {
        try (CapturedStderr log = new CapturedStderr()) {
            assertThat(
                            StoredLease.read(
                                    PREFIX + "10.1.61.0-24",
                                    "{\"PublicIPv6\":null,\"BackendType\":\"vxlan\",\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"aa:bb:cc:00:00:61\"}}"))
                    .isEmpty();
            assertThat(StoredLease.read(PREFIX + "10.1.62.0-24", "{\"PublicIP\":\"0.0.0.0\"}"))
                    .isEmpty();
            assertThat(log.text())
                    .contains(
                            PREFIX + "10.1.61.0-24: the lease has no PublicIP, skipping",
                            PREFIX + "10.1.62.0-24: the lease has no PublicIP, skipping");
        }
    }

    @Test
    void aKeyThatNamesNoSubnetIsSkippedWithFlannelsLine() {
        try (CapturedStderr log = new CapturedStderr()) {
            assertThat(StoredLease.read(PREFIX + "garbage", NODE2)).isEmpty();
            assertThat(log.text()).contains(PREFIX + "garbage: not a subnet, skipping");
        }
    }

    @Test
    void whatADeletedLeaseHeldIsReadWhenItCanBe() {
        assertThat(StoredLease.attrsOrNull(NODE2).publicIp()).isEqualTo(Ip4.parse("10.168.0.3"));
        assertThat(StoredLease.attrsOrNull("not json")).isNull();
    }
}
