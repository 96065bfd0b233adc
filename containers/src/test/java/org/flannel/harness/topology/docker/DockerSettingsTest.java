package org.flannel.harness.topology.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerSettingsTest {
    @Test
    void nestedAndRepeatedMountsCollapse() {
        assertThat(DockerSettings.withoutNested(List.of(Path.of("/work/main/reference-impl/target"), Path.of("/work/main"),
                Path.of("/opt/impl"), Path.of("/opt/impl/"), Path.of("/opt/impl2"))))
                .containsExactly(Path.of("/work/main"), Path.of("/opt/impl"), Path.of("/opt/impl2"));
    }

    @Test
    void theImplementationsDirectoryIsMounted() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("impl");
        Path launcher = java.nio.file.Files.createFile(dir.resolve("flanneld"));
        String before = System.getProperty("flannel.impl");
        System.setProperty("flannel.impl", launcher.toString());
        try {
            assertThat(DockerSettings.mountsFromSystemProperties()).contains(dir.toRealPath());
        } finally {
            if (before == null) {
                System.clearProperty("flannel.impl");
            } else {
                System.setProperty("flannel.impl", before);
            }
            java.nio.file.Files.delete(launcher);
            java.nio.file.Files.delete(dir);
        }
    }

    @Test
    void theReferencesDirectoryIsMountedTooForMixedClusters() throws Exception {
        Path impl = java.nio.file.Files.createTempDirectory("impl");
        Path reference = java.nio.file.Files.createTempDirectory("reference");
        String beforeImpl = System.getProperty("flannel.impl");
        String beforeReference = System.getProperty("flannel.reference");
        System.setProperty("flannel.impl", impl.resolve("flanneld").toString());
        System.setProperty("flannel.reference", reference.resolve("flanneld").toString());
        try {
            assertThat(DockerSettings.mountsFromSystemProperties()).contains(impl.toRealPath(), reference.toRealPath());
        } finally {
            restore("flannel.impl", beforeImpl);
            restore("flannel.reference", beforeReference);
            java.nio.file.Files.delete(impl);
            java.nio.file.Files.delete(reference);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
