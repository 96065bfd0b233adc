package org.flannel.reference.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes one sysctl under /proc/sys; every kernel implementation does it the same way. */
public final class Sysctl {
    private Sysctl() {}

    public static void write(String path, String value) {
        try {
            Files.writeString(Path.of("/proc/sys").resolve(path), value);
        } catch (IOException e) {
            throw new KernelException(
                    "cannot set sysctl " + path.replace('/', '.') + "=" + value + ": " + e.getMessage(), e);
        }
    }
}
