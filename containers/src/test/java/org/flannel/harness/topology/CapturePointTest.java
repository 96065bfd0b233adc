package org.flannel.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapturePointTest {
    @Test
    void parsesHostAndInterface() {
        assertThat(CapturePoint.parse("node1:eth0")).isEqualTo(new CapturePoint("node1", Optional.of("eth0")));
        assertThat(CapturePoint.parse("underlay")).isEqualTo(new CapturePoint("underlay", Optional.empty()));
        assertThat(CapturePoint.hostOf("container-1:eth0")).isEqualTo("container-1");
    }

    @Test
    void rejectsHalfWrittenPoints() {
        assertThatThrownBy(() -> CapturePoint.parse("node1:")).hasMessageContaining("write host:interface");
        assertThatThrownBy(() -> CapturePoint.parse(":eth0")).hasMessageContaining("write host:interface");
    }
}
