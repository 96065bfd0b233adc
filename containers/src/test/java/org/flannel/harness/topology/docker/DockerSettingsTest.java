package org.flannel.harness.topology.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flannel.harness.topology.TopologySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerSettingsTest {
    @Test
    void nestedAndRepeatedMountsCollapse() {
        assertThat(DockerSettings.withoutNested(List.of(
                        Path.of("/work/main/reference-impl/target"),
                        Path.of("/work/main"),
                        Path.of("/opt/impl"),
                        Path.of("/opt/impl/"),
                        Path.of("/opt/impl2"))))
                .containsExactly(Path.of("/work/main"), Path.of("/opt/impl"), Path.of("/opt/impl2"));
    }

    @Test
    void theImplementationsDirectoriesAndTheNamedMountsAreShownButNotWhatDoesNotExist(@TempDir Path tmp)
            throws Exception {
        Path impl = Files.createDirectory(tmp.resolve("impl"));
        Path reference = Files.createDirectory(tmp.resolve("reference"));
        Path extra = Files.createDirectory(tmp.resolve("extra"));
        TopologySettings topology = TopologySettings.from(Map.of(
                "flannel.topology", "docker", "flannel.docker.mounts", extra + ":" + tmp.resolve("missing"))::get);

        DockerSettings settings = DockerSettings.of(topology, List.of(impl, reference, tmp.resolve("gone")));

        assertThat(settings.mounts()).containsExactly(impl, reference, extra);
    }

    @Test
    void aDirectoryInsideAnotherIsNotMountedTwice(@TempDir Path tmp) throws Exception {
        Path inner = Files.createDirectories(tmp.resolve("impls/broken"));
        DockerSettings settings = DockerSettings.of(
                TopologySettings.from(Map.<String, String>of()::get), List.of(inner, tmp.resolve("impls")));

        assertThat(settings.mounts()).containsExactly(tmp.resolve("impls"));
    }
}
