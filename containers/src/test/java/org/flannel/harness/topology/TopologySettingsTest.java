package org.flannel.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopologySettingsTest {
    @Test
    void unsetPropertiesGiveTheDefaults() {
        TopologySettings settings = TopologySettings.from(Map.<String, String>of()::get);

        assertThat(settings.driver()).isEqualTo("netns");
        assertThat(settings.runPrefix()).isEmpty();
        assertThat(settings.ledgerDir()).isEqualTo(Path.of("/run/flannel-conformance"));
        assertThat(settings.workRoot()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "flannel-conformance"));
        assertThat(settings.keepWorkDir()).isFalse();
        assertThat(settings.debianMirror()).isEqualTo(TopologySettings.DEFAULT_MIRROR);
        assertThat(settings.dockerMounts()).isEmpty();
    }

    @Test
    void everyPropertyIsRead() {
        TopologySettings settings = TopologySettings.from(Map.of(
                "flannel.topology",
                " docker ",
                "flannel.run.prefix",
                "fcab",
                "flannel.work.dir",
                "/w",
                "flannel.keep.workdir",
                "true",
                "flannel.ledger.dir",
                "/l",
                "flannel.docker.baseImage",
                "img:1",
                "flannel.docker.privileged",
                "true",
                "flannel.docker.mounts",
                "/a:/b",
                "flannel.docker.copyMounts",
                "true",
                "flannel.docker.mirror",
                "http://m")::get);

        assertThat(settings)
                .isEqualTo(new TopologySettings(
                        "docker",
                        Optional.of("fcab"),
                        Path.of("/w"),
                        true,
                        Path.of("/l"),
                        Optional.of("img:1"),
                        true,
                        java.util.List.of(Path.of("/a"), Path.of("/b")),
                        true,
                        "http://m"));
    }

    @Test
    void anUnknownDriverIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> TopologySettings.from(Map.of("flannel.topology", "kind")::get))
                .hasMessageContaining("-Dflannel.topology=kind is not a driver; choose netns (the default) or docker");
    }
}
