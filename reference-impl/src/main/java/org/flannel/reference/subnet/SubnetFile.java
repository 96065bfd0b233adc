package org.flannel.reference.subnet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.ip.Ip6Net;

/**
 * Flannel's subnet.env ({@code pkg/subnet/subnet.go} {@code WriteSubnetFile}; read back by
 * {@code main.go} {@code ReadCIDRFromSubnetFile}): what consumers such as the flannel CNI plugin and
 * mk-docker-opts.sh read, and what a restarted flanneld reads to ask for its previous subnet again.
 */
public final class SubnetFile {

    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwxr-xr-x");

    private SubnetFile() {}

    /**
     * Writes, in Flannel's order, {@code FLANNEL_NETWORK} and {@code FLANNEL_SUBNET} (when IPv4 is on),
     * {@code FLANNEL_IPV6_NETWORK} and {@code FLANNEL_IPV6_SUBNET} (when IPv6 is on), {@code FLANNEL_MTU}
     * and {@code FLANNEL_IPMASQ}, one {@code KEY=value\n} each. A SUBNET value is the first usable address
     * (network address + 1) with the lease's prefix, e.g. {@code 10.5.72.1/24}.
     *
     * <p>Missing parent directories are created with mode 0755 (the umask applies, as with Go's
     * {@code os.MkdirAll}). The file is replaced atomically (a temporary file in the same directory, synced,
     * then renamed over it, as renameio does) and gets mode 0644 whatever the umask.
     */
    public static void write(Path file, NetworkConfig config, Ip4Net subnet, Ip6Net ipv6Subnet, int mtu, boolean ipMasq)
            throws IOException {
        byte[] content = content(config, subnet, ipv6Subnet, mtu, ipMasq).getBytes(StandardCharsets.UTF_8);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.setPosixFilePermissions(temp, FILE_MODE);
            moveAtomically(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The exact text {@link #write} puts in the file. */
    public static String content(NetworkConfig config, Ip4Net subnet, Ip6Net ipv6Subnet, int mtu, boolean ipMasq) {
        StringBuilder text = new StringBuilder();
        if (config.enableIPv4()) {
            if (subnet == null) {
                throw new IllegalArgumentException("IPv4 is enabled but the lease has no IPv4 subnet");
            }
            text.append("FLANNEL_NETWORK=").append(config.network()).append('\n');
            text.append("FLANNEL_SUBNET=")
                    .append(subnet.ip().plus(1))
                    .append('/')
                    .append(subnet.prefixLen())
                    .append('\n');
        }
        if (config.enableIPv6()) {
            if (ipv6Subnet == null) {
                throw new IllegalArgumentException("IPv6 is enabled but the lease has no IPv6 subnet");
            }
            text.append("FLANNEL_IPV6_NETWORK=").append(config.ipv6Network()).append('\n');
            text.append("FLANNEL_IPV6_SUBNET=")
                    .append(ipv6Subnet.ip().plus(1))
                    .append('/')
                    .append(ipv6Subnet.prefixLen())
                    .append('\n');
        }
        text.append("FLANNEL_MTU=").append(mtu).append('\n');
        text.append("FLANNEL_IPMASQ=").append(ipMasq).append('\n');
        return text.toString();
    }

    /**
     * The subnet in {@code FLANNEL_SUBNET}, normalised to its network ({@code 10.5.72.1/24} gives
     * 10.5.72.0/24). Empty, never an exception, when the file is absent or unreadable, the key is missing,
     * or there is not exactly one valid IPv4 CIDR in its comma-separated value (invalid entries are
     * skipped, as in Flannel's {@code ReadCIDRsFromSubnetFile}).
     */
    public static Optional<Ip4Net> readPreviousSubnet(Path file) {
        return readSingle(file, "FLANNEL_SUBNET", Ip4Net::parse);
    }

    /** The IPv6 twin, from {@code FLANNEL_IPV6_SUBNET}. */
    public static Optional<Ip6Net> readPreviousIpv6Subnet(Path file) {
        return readSingle(file, "FLANNEL_IPV6_SUBNET", Ip6Net::parse);
    }

    private static <T> Optional<T> readSingle(Path file, String key, Function<String, T> parser) {
        Optional<String> value = readVariable(file, key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        List<T> valid = new ArrayList<>();
        for (String item : value.get().split(",", -1)) {
            try {
                valid.add(parser.apply(item));
            } catch (IllegalArgumentException e) {
                // Flannel logs "Couldn't parse previous ..." and skips the entry.
            }
        }
        // Flannel refuses to guess between several entries ("more than 1 entry found for key").
        return valid.size() == 1 ? Optional.of(valid.get(0)) : Optional.empty();
    }

    private static Optional<String> readVariable(Path file, String key) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return EnvFileReader.parse(content).map(vars -> vars.get(key));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void moveAtomically(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + target + " atomically", e);
        }
    }
}
