package org.flannel.harness.wire;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * pcap4j asks JNA for "pcap", which needs the unversioned libpcap.so that only Debian's -dev package ships;
 * the runtime package (libpcap0.8) has libpcap.so.0.8. Point pcap4j at that when the plain name is missing.
 */
final class NativePcap {

    static final String LIBRARY_PROPERTY = "org.pcap4j.core.pcapLibName";
    private static final List<String> DIRECTORIES = List.of(
            "/usr/lib/x86_64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu",
            "/usr/lib64",
            "/usr/lib",
            "/lib/x86_64-linux-gnu",
            "/lib64",
            "/lib");
    private static final List<String> NAMES = List.of("libpcap.so", "libpcap.so.1", "libpcap.so.0.8");

    private NativePcap() {}

    static synchronized void ensureLoadable() {
        if (System.getProperty(LIBRARY_PROPERTY) != null) {
            return;
        }
        for (String name : NAMES) {
            for (String directory : DIRECTORIES) {
                Path candidate = Path.of(directory, name);
                if (Files.exists(candidate)) {
                    if (!name.equals("libpcap.so")) {
                        System.setProperty(LIBRARY_PROPERTY, candidate.toString());
                    }
                    return;
                }
            }
        }
    }
}
