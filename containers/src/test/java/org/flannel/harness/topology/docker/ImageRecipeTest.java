package org.flannel.harness.topology.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageRecipeTest {
    private final ImageRecipe base = ImageRecipe.DEFAULT;

    @Test
    void theTagIsAStableHashOfTheRecipe() {
        assertThat(base.reference()).matches("flannel-conformance-base:[0-9a-f]{12}");
        List<String> shuffled = new ArrayList<>(base.packages());
        java.util.Collections.reverse(shuffled);
        assertThat(new ImageRecipe(base.suite(), base.variant(), shuffled, base.excludes(), base.revision()).hash())
                .as("package order does not matter")
                .isEqualTo(base.hash());
    }

    @Test
    void anyChangeGivesANewTag() {
        List<String> more = new ArrayList<>(base.packages());
        more.add("tshark");
        assertThat(new ImageRecipe(base.suite(), base.variant(), more, base.excludes(), base.revision()).hash())
                .isNotEqualTo(base.hash());
        assertThat(new ImageRecipe("trixie", base.variant(), base.packages(), base.excludes(), base.revision()).hash())
                .isNotEqualTo(base.hash());
        assertThat(new ImageRecipe(base.suite(), base.variant(), base.packages(), base.excludes(), base.revision() + 1)
                        .hash())
                .isNotEqualTo(base.hash());
    }

    @Test
    void holdsWhatNodesRun() {
        assertThat(base.packages())
                .contains(
                        "iproute2",
                        "iputils-ping",
                        "tcpdump",
                        "iperf3",
                        "etcd-server",
                        "etcd-client",
                        "jq",
                        "ethtool",
                        "procps",
                        "curl",
                        "bash",
                        "openjdk-17-jre-headless",
                        "iptables");
    }
}
