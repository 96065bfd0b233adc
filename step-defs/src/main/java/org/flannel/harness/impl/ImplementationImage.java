package org.flannel.harness.impl;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flannel.harness.topology.docker.ImageFiles;

/**
 * An implementation packaged as a Docker image: its executable is copied out once per run with its directory,
 * and from then on both drivers run the copy like any other executable. It must not need more than its
 * directory and the node's base system (a static binary such as Flannel's flanneld qualifies).
 */
public final class ImplementationImage {
    /** One copy per image and path for the whole JVM: every scenario asks, the first one copies. */
    private static final Map<String, Path> COPIES = new ConcurrentHashMap<>();

    private ImplementationImage() {}

    /**
     * The executable at {@code pathInImage} inside {@code image}, copied out under {@code copiesDir} the first time.
     *
     * @throws IllegalStateException when the path is not absolute
     */
    public static Path executable(String image, String pathInImage, Path copiesDir) {
        if (!pathInImage.startsWith("/")) {
            throw new IllegalStateException("-Dflannel.impl.image.path=" + pathInImage
                    + " must be an absolute path inside " + image + " (default /opt/bin/flanneld)");
        }
        return COPIES.computeIfAbsent(
                image + "\n" + pathInImage, key -> copyOut(image, Path.of(pathInImage), copiesDir));
    }

    private static Path copyOut(String image, Path inImage, Path copiesDir) {
        Path target = copiesDir.resolve(image.replaceAll("[^A-Za-z0-9._-]", "_"));
        Path executable = ImageFiles.extractDirectory(image, inImage.getParent().toString(), target)
                .resolve(inImage.getFileName());
        System.out.println(
                "Implementation under test: " + inImage + " from image " + image + ", copied to " + executable);
        return executable;
    }
}
