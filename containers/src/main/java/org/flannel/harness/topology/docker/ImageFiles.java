package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.flannel.harness.topology.TopologyException;

/**
 * Files taken out of an image without running it: an implementation packaged as an image
 * ({@code -Dflannel.impl.image}) is judged by copying its executable's directory out (a container is
 * created, never started, and removed), so that either driver can run it like any other executable.
 */
public final class ImageFiles {
    private ImageFiles() {}

    /** Copies the directory {@code dirInImage} of {@code image} to {@code target}/{@code dirInImage}; returns that. */
    public static Path extractDirectory(String image, String dirInImage, Path target) {
        DockerClient client = DockerConnection.shared().client();
        try {
            client.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new TopologyException(
                    "image " + image + " is not on the Docker daemon (nothing is pulled): "
                            + "load or build it first (docker load / docker build)",
                    e);
        }
        // Labelled as a run of its own, so that a sweep removes it if this JVM dies before it does.
        String run = "fcimg" + Long.toHexString(ProcessHandle.current().pid());
        String id = client.createContainerCmd(image)
                .withCmd("true")
                .withLabels(Labels.of(run, Owner.current(), "image-files", ""))
                .exec()
                .getId();
        try (InputStream tar =
                client.copyArchiveFromContainerCmd(id, dirInImage).exec()) {
            Path root = target.resolve(dirInImage.replaceFirst("^/+", "")).getParent();
            Files.createDirectories(root);
            untar(tar, root);
            return target.resolve(dirInImage.replaceFirst("^/+", ""));
        } catch (NotFoundException e) {
            throw new TopologyException(
                    image + " has no " + dirInImage + ": name the executable's path inside "
                            + "the image with -Dflannel.impl (Flannel's own image: /opt/bin/flanneld)",
                    e);
        } catch (IOException e) {
            throw new TopologyException("cannot copy " + dirInImage + " out of " + image + ": " + e.getMessage(), e);
        } finally {
            client.removeContainerCmd(id).withForce(true).exec();
        }
    }

    /** Unpacks files, directories and symbolic links, keeping their modes; refuses paths that leave {@code root}. */
    static void untar(InputStream in, Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextTarEntry()) != null) {
                Path path = base.resolve(entry.getName()).normalize();
                if (!path.startsWith(base)) {
                    throw new IOException("archive entry " + entry.getName() + " points outside " + base);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}
