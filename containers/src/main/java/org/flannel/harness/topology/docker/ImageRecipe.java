package org.flannel.harness.topology.docker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What the base image holds: a Debian suite bootstrapped with {@code debootstrap --variant=minbase
 * --include=...}, less what {@link #excludes()} drops on import. Its tag is a hash of all that, so a
 * changed recipe gets a new image and an unchanged one is built once per daemon.
 */
record ImageRecipe(String suite, String variant, List<String> packages, List<String> excludes, int revision) {
    static final String REPOSITORY = "flannel-conformance-base";

    /**
     * The tools the harness, the reference flanneld (a shell launcher and a jar) and the shell
     * flanneld use on a node (python3-minimal for its udp data path); iptables is for the helper that lets
     * bridged traffic through the daemon host's firewall.
     */
    static final ImageRecipe DEFAULT = new ImageRecipe(
            "bookworm",
            "minbase",
            List.of(
                    "bash",
                    "curl",
                    "etcd-client",
                    "etcd-server",
                    "ethtool",
                    "iperf3",
                    "iproute2",
                    "iptables",
                    "iputils-ping",
                    "jq",
                    "openjdk-17-jre-headless",
                    "procps",
                    "python3-minimal",
                    "tcpdump"),
            List.of(
                    "./var/cache/apt/archives/*.deb",
                    "./var/lib/apt/lists/*",
                    "./usr/share/doc/*",
                    "./usr/share/man/*",
                    "./usr/share/locale/*",
                    "./usr/share/info/*"),
            1);

    ImageRecipe {
        packages = packages.stream().sorted().distinct().toList();
        excludes = List.copyOf(excludes);
    }

    String hash() {
        String text = String.join(
                "\n",
                "suite " + suite,
                "variant " + variant,
                "packages " + String.join(",", packages),
                "excludes " + String.join(",", excludes),
                "revision " + revision);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    String reference() {
        return REPOSITORY + ":" + hash();
    }
}
