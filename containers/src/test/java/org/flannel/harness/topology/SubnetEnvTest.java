package org.flannel.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubnetEnvTest {
    @Test
    void readsFlannelsSubnetFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("subnet.env");
        Files.writeString(
                file,
                "FLANNEL_NETWORK=10.1.0.0/16\nFLANNEL_SUBNET=10.1.15.1/24\nFLANNEL_MTU=1450\n"
                        + "FLANNEL_IPMASQ=false\n");

        SubnetEnv env = SubnetEnv.read(file);

        assertThat(env.subnet()).isEqualTo(Ipv4Cidr.parse("10.1.15.1/24"));
        assertThat(env.mtu()).isEqualTo(1450);
        assertThat(env.variable("FLANNEL_IPMASQ")).contains("false");
    }

    @Test
    void missingFileSaysWhatToCheck(@TempDir Path dir) {
        assertThatThrownBy(() -> SubnetEnv.read(dir.resolve("nope.env")))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("has flanneld written it yet?");
    }

    @Test
    void missingVariablesAreNamed() {
        assertThatThrownBy(() -> SubnetEnv.parse("FLANNEL_SUBNET=10.1.15.1/24\n", "x.env"))
                .hasMessageContaining("lacks FLANNEL_SUBNET or FLANNEL_MTU");
    }
}
