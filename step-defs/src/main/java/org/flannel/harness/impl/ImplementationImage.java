package org.flannel.harness.impl;

import java.nio.file.Path;
import org.flannel.harness.topology.docker.ImageFiles;

/**
 * An implementation packaged as a Docker image ({@code -Dflannel.impl.image=IMAGE}): its executable,
 * {@code -Dflannel.impl.image.path} inside the image (default Flannel's {@code /opt/bin/flanneld}),
 * is copied out once per run with its directory, and from then on {@code flannel.impl} names the copy,
 * so both drivers run it like any other executable. It must not need more than its directory and the
 * node's base system (a static binary such as Flannel's flanneld qualifies).
 */
public final class ImplementationImage {
    public static final String PROPERTY = "flannel.impl.image";
    /** The executable's path inside the image; Flannel's own images keep flanneld here. */
    public static final String PATH_PROPERTY = "flannel.impl.image.path";
    static final String DEFAULT_PATH_IN_IMAGE = "/opt/bin/flanneld";
    private static boolean done;

    private ImplementationImage() {}

    /** Does nothing without {@code flannel.impl.image}; otherwise copies the executable out, once. */
    public static synchronized void materialize() {
        String image = System.getProperty(PROPERTY, "").trim();
        if (done || image.isEmpty()) {
            return;
        }
        String inImage = System.getProperty(PATH_PROPERTY, DEFAULT_PATH_IN_IMAGE).trim();
        if (!inImage.startsWith("/")) {
            throw new IllegalStateException("-D" + PATH_PROPERTY + "=" + inImage + " must be an absolute path inside "
                    + image + " (default " + DEFAULT_PATH_IN_IMAGE + ")");
        }
        Path inImagePath = Path.of(inImage);
        Path target = Path.of(System.getProperty("flannel.reports.dir", "target"))
                .toAbsolutePath().normalize().resolveSibling("impl-image").resolve(image.replaceAll("[^A-Za-z0-9._-]", "_"));
        Path dir = ImageFiles.extractDirectory(image, inImagePath.getParent().toString(), target);
        Path executable = dir.resolve(inImagePath.getFileName());
        System.setProperty(Implementation.PROPERTY, executable.toString());
        System.out.println("Implementation under test: " + inImage + " from image " + image + ", copied to " + executable);
        done = true;
    }
}
