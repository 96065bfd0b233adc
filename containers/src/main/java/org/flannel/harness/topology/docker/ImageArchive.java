package org.flannel.harness.topology.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A one-layer image in the format {@code docker load} reads (a manifest, an image config and the
 * layer tar) around a root file system tar on disk. The load API takes it as it is, where
 * docker-java's import would mangle it, and the config sets PATH and the default command.
 */
final class ImageArchive {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageArchive() {}

    /**
     * Writes the archive to {@code out} (left open).
     *
     * @param layer the root file system as an uncompressed tar; {@code layerDigest} its sha256, hex
     */
    static void write(OutputStream out, Path layer, String layerDigest, String reference) throws IOException {
        byte[] config = config(layerDigest);
        String configName = sha256(config) + ".json";
        String layerName = layerDigest + "/layer.tar";
        ArrayNode manifest = JSON.createArrayNode();
        ObjectNode entry = manifest.addObject();
        entry.put("Config", configName);
        entry.putArray("RepoTags").add(reference);
        entry.putArray("Layers").add(layerName);

        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        putFile(tar, configName, config);
        tar.putArchiveEntry(new TarArchiveEntry(layerDigest + "/"));
        tar.closeArchiveEntry();
        TarArchiveEntry layerEntry = new TarArchiveEntry(layerName);
        layerEntry.setSize(Files.size(layer));
        tar.putArchiveEntry(layerEntry);
        Files.copy(layer, tar);
        tar.closeArchiveEntry();
        putFile(tar, "manifest.json", JSON.writeValueAsBytes(manifest));
        tar.finish();
        tar.flush();
    }

    private static void putFile(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
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
