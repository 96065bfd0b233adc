package org.flannel.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSettingsTest {
    @Test
    void unsetPropertiesGiveTheDefaults() {
        RunSettings settings = RunSettings.from(Map.<String, String>of()::get);

        assertThat(settings.declaredBackends()).containsExactly("vxlan", "udp", "host-gw");
        assertThat(settings.driver()).isEqualTo("netns");
        assertThat(settings.strict()).isFalse();
        assertThat(settings.pathInImage()).isEqualTo("/opt/bin/flanneld");
        assertThat(settings.implementationLabel()).isEqualTo("(unset)");
        assertThat(settings.conformanceReportDir())
                .isEqualTo(Path.of("target/cucumber").toAbsolutePath());
    }

    @Test
    void theConformanceReportGoesToItsOwnDirectoryElseTheReports() {
        assertThat(RunSettings.from(Map.of("flannel.reports.dir", "/r")::get).conformanceReportDir())
                .isEqualTo(Path.of("/r"));
        assertThat(RunSettings.from(Map.of("flannel.reports.dir", "/r", "flannel.conformance.dir", "/c")::get)
                        .conformanceReportDir())
                .isEqualTo(Path.of("/c"));
    }

    @Test
    void theImplementationIsNamedAsThePersonGaveIt() {
        assertThat(RunSettings.from(Map.of("flannel.impl", "/opt/x/../y/flanneld")::get)
                        .implementationLabel())
                .isEqualTo("/opt/y/flanneld");
        assertThat(RunSettings.from(Map.of("flannel.impl", "/a", "flannel.impl.image", "flannel:v1")::get)
                        .implementationLabel())
                .isEqualTo("/opt/bin/flanneld from image flannel:v1");
    }

    @Test
    void declaredBackendsAreParsedAndAWrongOneIsNamed() {
        assertThat(RunSettings.from(Map.of("flannel.backends", "host-gw, vxlan")::get)
                        .declaredBackends())
                .containsExactly("vxlan", "host-gw");
        assertThatThrownBy(() -> RunSettings.from(Map.of("flannel.backends", "vxlan,geneve")::get)
                        .declaredBackends())
                .hasMessageContaining("unknown backend geneve");
    }

    @Test
    void strictAndTheTopologyAreRead() {
        RunSettings settings = RunSettings.from(Map.of("flannel.strict", "true", "flannel.topology", "docker")::get);

        assertThat(settings.strict()).isTrue();
        assertThat(settings.driver()).isEqualTo("docker");
    }

    @Test
    void theScaleFeaturesTakeTwentyNodesUnlessToldOtherwiseWithinWhatTheAddressesAllow() {
        assertThat(RunSettings.from(Map.<String, String>of()::get).scaleNodes()).isEqualTo(20);
        assertThat(RunSettings.from(Map.of("flannel.scale.nodes", "100")::get).scaleNodes())
                .isEqualTo(100);
        assertThatThrownBy(() -> RunSettings.from(Map.of("flannel.scale.nodes", "251")::get))
                .hasMessageContaining("from 2 to 250");
        assertThatThrownBy(() -> RunSettings.from(Map.of("flannel.scale.nodes", "many")::get))
                .hasMessageContaining("flannel.scale.nodes=many");
    }
}
