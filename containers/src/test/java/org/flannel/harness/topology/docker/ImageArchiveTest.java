package org.flannel.harness.topology.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive {@code docker load} reads, read back entry by entry. */
class ImageArchiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void holdsTheLayerItsConfigAndAManifestTyingThemToTheTag(@TempDir Path dir) throws Exception {
        byte[] layerBytes = new byte[1300]; // not a whole number of 512-byte blocks
        for (int i = 0; i < layerBytes.length; i++) {
            layerBytes[i] = (byte) i;
        }
        Path layer = Files.write(dir.resolve("layer.tar"), layerBytes);
        String digest = ImageArchive.sha256(layerBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ImageArchive.write(out, layer, digest, "flannel-conformance-base:test");

        Map<String, byte[]> entries = read(out.toByteArray());
        JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
        assertThat(manifest.get("RepoTags").get(0).asText()).isEqualTo("flannel-conformance-base:test");
        assertThat(manifest.get("Layers").get(0).asText()).isEqualTo(digest + "/layer.tar");
        assertThat(entries).containsKey(digest + "/");
        assertThat(entries.get(digest + "/layer.tar")).isEqualTo(layerBytes);

        String configName = manifest.get("Config").asText();
        byte[] configBytes = entries.get(configName);
        assertThat(configName).as("named by its own digest").isEqualTo(ImageArchive.sha256(configBytes) + ".json");
        JsonNode config = JSON.readTree(configBytes);
        assertThat(config.at("/rootfs/diff_ids/0").asText()).isEqualTo("sha256:" + digest);
        assertThat(config.at("/config/Cmd").toString()).isEqualTo("[\"sleep\",\"infinity\"]");
        assertThat(config.at("/config/Env/0").asText()).isEqualTo(ContainerFactory.PATH);
    }

    private static Map<String, byte[]> read(byte[] archive) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
            for (TarArchiveEntry entry = tar.getNextTarEntry(); entry != null; entry = tar.getNextTarEntry()) {
                entries.put(entry.getName(), tar.readAllBytes());
            }
        }
        return entries;
    }
}
