package org.flannel.harness.topology.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * A one-layer image in the format {@code docker load} reads (a manifest, an image config and the
 * layer tar), streamed from a root file system tar on disk. The load API takes the stream as it is,
 * where docker-java's import would mangle it, and the config sets PATH and the default command.
 */
final class ImageArchive {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageArchive() {}

    /** @param layer the root file system as an uncompressed tar; {@code layerDigest} its sha256, hex */
    static InputStream stream(Path layer, String layerDigest, String reference) throws IOException {
        byte[] config = config(layerDigest);
        String configName = sha256(config) + ".json";
        String layerDir = layerDigest;
        String layerName = layerDir + "/layer.tar";
        ArrayNode manifest = JSON.createArrayNode();
        ObjectNode entry = manifest.addObject();
        entry.put("Config", configName);
        entry.putArray("RepoTags").add(reference);
        entry.putArray("Layers").add(layerName);
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        long layerSize = Files.size(layer);
        List<InputStream> parts = List.of(
                TarHeaders.file(configName, config.length), new ByteArrayInputStream(config), TarHeaders.padding(config.length),
                TarHeaders.directory(layerDir),
                TarHeaders.file(layerName, layerSize), Files.newInputStream(layer), TarHeaders.padding(layerSize),
                TarHeaders.file("manifest.json", manifestBytes.length), new ByteArrayInputStream(manifestBytes),
                TarHeaders.padding(manifestBytes.length),
                TarHeaders.end());
        return new java.io.SequenceInputStream(Collections.enumeration(parts));
    }

    private static byte[] config(String layerDigest) throws IOException {
        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", "amd64");
        config.put("os", "linux");
        config.put("created", Instant.now().toString());
        ObjectNode runtime = config.putObject("config");
        runtime.putArray("Env").add(ContainerFactory.PATH).add("LANG=C.UTF-8");
        runtime.putArray("Cmd").add("sleep").add("infinity");
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.putArray("diff_ids").add("sha256:" + layerDigest);
        config.putArray("history").addObject().put("created_by", "debootstrap (flannel conformance harness)");
        return JSON.writeValueAsBytes(config);
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
