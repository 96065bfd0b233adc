package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.support.Directories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image every host runs: the one named by {@code flannel.docker.baseImage}, or
 * {@code flannel-conformance-base:<recipe hash>}, built when the daemon lacks it (debootstrap here,
 * then the root file system streamed to the daemon as a one-layer image, so a remote daemon works
 * too). Builds are serialized by a lock file, so two JVMs never build the same image twice.
 */
final class BaseImage {
    private static final Logger LOG = LoggerFactory.getLogger(BaseImage.class);

    /** The image to use, and whether (and how long) this call built it. */
    record Resolved(String reference, boolean built, Duration took) {}

    private BaseImage() {}

    static Resolved resolve(DockerClient client, DockerSettings settings) {
        if (settings.baseImage().isPresent()) {
            String named = settings.baseImage().get();
            if (!exists(client, named)) {
                throw new TopologyException("-Dflannel.docker.baseImage=" + named + " is not on the Docker daemon; "
                        + "pull or build it first (it needs " + String.join(", ", ImageRecipe.DEFAULT.packages())
                        + ")");
            }
            return new Resolved(named, false, Duration.ZERO);
        }
        return ensure(client, ImageRecipe.DEFAULT, settings.debianMirror(), settings.workRoot());
    }

    static Resolved ensure(DockerClient client, ImageRecipe recipe, String mirror, Path workRoot) {
        long started = System.nanoTime();
        String reference = recipe.reference();
        if (exists(client, reference)) {
            return new Resolved(reference, false, Duration.ofNanos(System.nanoTime() - started));
        }
        try {
            Files.createDirectories(workRoot);
            Path lockFile = workRoot.resolve("image-" + recipe.hash() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                if (!exists(client, reference)) {
                    build(client, recipe, mirror, workRoot);
                }
            }
        } catch (IOException e) {
            throw new TopologyException("cannot build the base image " + reference + ": " + e, e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("built base image {} in {} s", reference, took.toSeconds());
        return new Resolved(reference, true, took);
    }

    static boolean exists(DockerClient client, String reference) {
        try {
            client.inspectImageCmd(reference).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static void build(DockerClient client, ImageRecipe recipe, String mirror, Path workRoot)
            throws IOException {
        LOG.info(
                "building base image {} with debootstrap ({} {}, about a minute)",
                recipe.reference(),
                recipe.suite(),
                recipe.variant());
        Path dir = Files.createTempDirectory(workRoot, "image-" + recipe.hash() + "-");
        try {
            Path rootfs = dir.resolve("rootfs");
            Debootstrap.run(recipe, mirror, rootfs, dir.resolve("debootstrap.log"));
            importRootfs(client, recipe, rootfs);
        } finally {
            try {
                Directories.deleteRecursively(dir);
            } catch (IOException e) {
                LOG.warn("cannot remove the image build directory {}: {}", dir, e.getMessage());
            }
        }
    }

    /**
     * {@code tar -C rootfs -c .} into a layer file (hashing it on the way), a one-layer image archive
     * around it, then {@code docker load} of that archive.
     */
    private static void importRootfs(DockerClient client, ImageRecipe recipe, Path rootfs) throws IOException {
        Path layer = rootfs.resolveSibling("layer.tar");
        String digest = writeLayer(recipe, rootfs, layer);
        Path archive = rootfs.resolveSibling("image.tar");
        try (OutputStream out = Files.newOutputStream(archive)) {
            ImageArchive.write(out, layer, digest, recipe.reference());
        }
        Files.delete(layer);
        try (InputStream in = Files.newInputStream(archive)) {
            client.loadImageCmd(in).exec();
        } catch (RuntimeException e) {
            throw new TopologyException(
                    "docker load of the image built in " + rootfs + " failed: " + e.getMessage(), e);
        }
        if (!exists(client, recipe.reference())) {
            throw new TopologyException("docker load finished but " + recipe.reference() + " is not on the daemon; "
                    + "see the daemon's log");
        }
    }

    private static String writeLayer(ImageRecipe recipe, Path rootfs, Path layer) throws IOException {
        List<String> argv = new ArrayList<>(List.of("tar", "-C", rootfs.toString(), "--numeric-owner"));
        recipe.excludes().forEach(pattern -> argv.add("--exclude=" + pattern));
        argv.addAll(List.of("-c", "."));
        Process tar = new ProcessBuilder(argv)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(new File("/dev/null"))
                .start();
        MessageDigest digest = ImageArchive.digest();
        try (InputStream in = tar.getInputStream();
                OutputStream out = new DigestOutputStream(Files.newOutputStream(layer), digest)) {
            in.transferTo(out);
        }
        try {
            if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
                throw new TopologyException("tar of " + rootfs + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopologyException("interrupted while packing the base image", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
