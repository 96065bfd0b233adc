package org.flannel.reference.subnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.ip.Ip6Net;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubnetFileTest {

    @TempDir
    Path dir;

    private static NetworkConfig config(String json) throws ConfigException {
        return NetworkConfig.parse(json);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void writesTheDocumentedExampleExactly() throws Exception {
        // Documentation/running.md
        Path file = dir.resolve("subnet.env");
        SubnetFile.write(
                file, config("{\"Network\":\"10.5.0.0/16\"}"), Ip4Net.parse("10.5.72.0/24"), null, 1450, false);
        assertThat(read(file))
                .isEqualTo(
                        "FLANNEL_NETWORK=10.5.0.0/16\nFLANNEL_SUBNET=10.5.72.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=false\n");
    }

    @Test
    void writesTheDualStackExampleInFlannelsOrder() throws Exception {
        // Documentation/configuration.md, dual-stack
        Path file = dir.resolve("subnet.env");
        NetworkConfig config =
                config("{\"Network\":\"10.42.0.0/16\",\"EnableIPv6\":true,\"IPv6Network\":\"2001:cafe:42:0::/56\"}");
        SubnetFile.write(file, config, Ip4Net.parse("10.42.0.0/24"), Ip6Net.parse("2001:cafe:42::/64"), 1450, true);
        assertThat(read(file))
                .isEqualTo("FLANNEL_NETWORK=10.42.0.0/16\n"
                        + "FLANNEL_SUBNET=10.42.0.1/24\n"
                        + "FLANNEL_IPV6_NETWORK=2001:cafe:42::/56\n"
                        + "FLANNEL_IPV6_SUBNET=2001:cafe:42::1/64\n"
                        + "FLANNEL_MTU=1450\n"
                        + "FLANNEL_IPMASQ=true\n");
    }

    @Test
    void ipv6OnlyWritesNoIpv4Lines() throws Exception {
        NetworkConfig config = config("{\"EnableIPv4\":false,\"EnableIPv6\":true,\"IPv6Network\":\"fc00::/48\"}");
        assertThat(SubnetFile.content(config, null, Ip6Net.parse("fc00:0:0:5::/64"), 1430, false))
                .isEqualTo(
                        "FLANNEL_IPV6_NETWORK=fc00::/48\nFLANNEL_IPV6_SUBNET=fc00:0:0:5::1/64\nFLANNEL_MTU=1430\nFLANNEL_IPMASQ=false\n");
    }

    @Test
    void refusesToWriteAFamilyWithoutItsSubnet() throws Exception {
        NetworkConfig dual = config("{\"Network\":\"10.42.0.0/16\",\"EnableIPv6\":true,\"IPv6Network\":\"fc00::/48\"}");
        assertThatThrownBy(() -> SubnetFile.content(dual, Ip4Net.parse("10.42.1.0/24"), null, 1450, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubnetFile.content(dual, null, Ip6Net.parse("fc00:0:0:1::/64"), 1450, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createsMissingParentDirectories() throws Exception {
        Path file = dir.resolve("run/flannel/subnet.env");
        SubnetFile.write(file, config("{\"Network\":\"10.5.0.0/16\"}"), Ip4Net.parse("10.5.72.0/24"), null, 1472, true);
        assertThat(Files.isDirectory(dir.resolve("run/flannel"))).isTrue();
        assertThat(Files.getPosixFilePermissions(dir.resolve("run/flannel")))
                .containsAll(PosixFilePermissions.fromString("rwx------"));
        assertThat(read(file)).contains("FLANNEL_MTU=1472\n").endsWith("FLANNEL_IPMASQ=true\n");
    }

    @Test
    void theFileIsMode0644WhateverItWasBefore() throws Exception {
        Path file = dir.resolve("subnet.env");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------")); // as under umask 077
        SubnetFile.write(
                file, config("{\"Network\":\"10.5.0.0/16\"}"), Ip4Net.parse("10.5.72.0/24"), null, 1450, false);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r--r--");

        Path fresh = dir.resolve("fresh.env"); // the temporary file starts 0600, like a umask-077 creation
        SubnetFile.write(
                fresh, config("{\"Network\":\"10.5.0.0/16\"}"), Ip4Net.parse("10.5.72.0/24"), null, 1450, false);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void replacesTheFileAtomicallyByRename() throws Exception {
        Path file = dir.resolve("subnet.env");
        NetworkConfig config = config("{\"Network\":\"10.5.0.0/16\"}");
        SubnetFile.write(file, config, Ip4Net.parse("10.5.72.0/24"), null, 1450, false);
        Object firstInode = Files.readAttributes(file, "unix:ino").get("ino");
        Path hardLink = Files.createLink(dir.resolve("old-view"), file);

        SubnetFile.write(file, config, Ip4Net.parse("10.5.9.0/24"), null, 1450, false);

        assertThat(read(file)).contains("FLANNEL_SUBNET=10.5.9.1/24\n");
        // A new inode took the name; whoever had the old file open still sees it whole.
        assertThat(Files.readAttributes(file, "unix:ino").get("ino")).isNotEqualTo(firstInode);
        assertThat(read(hardLink)).contains("FLANNEL_SUBNET=10.5.72.1/24\n");
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("subnet.env", "old-view");
        }
    }

    @Test
    void readsThePreviousSubnetBackNormalised() throws Exception {
        Path file = dir.resolve("subnet.env");
        NetworkConfig config =
                config("{\"Network\":\"10.5.0.0/16\",\"EnableIPv6\":true,\"IPv6Network\":\"2001:cafe:42::/56\"}");
        SubnetFile.write(file, config, Ip4Net.parse("10.5.72.0/24"), Ip6Net.parse("2001:cafe:42:3::/64"), 1450, false);
        assertThat(SubnetFile.readPreviousSubnet(file)).contains(Ip4Net.parse("10.5.72.0/24"));
        assertThat(SubnetFile.readPreviousIpv6Subnet(file)).contains(Ip6Net.parse("2001:cafe:42:3::/64"));
    }

    @Test
    void readsDotenvVariants() throws Exception {
        assertThat(readSubnet("FLANNEL_SUBNET=10.5.72.1/24\n")).isEqualTo("10.5.72.0/24");
        assertThat(readSubnet("# comment\n\nexport FLANNEL_SUBNET=\"10.5.72.1/24\"\r\nFLANNEL_MTU=1450\n"))
                .isEqualTo("10.5.72.0/24");
        assertThat(readSubnet("FLANNEL_SUBNET='10.1.74.1/24'")).isEqualTo("10.1.74.0/24");
        assertThat(readSubnet("FLANNEL_SUBNET = 10.1.74.1/24 # from flanneld\n"))
                .isEqualTo("10.1.74.0/24");
        assertThat(readSubnet("FLANNEL_SUBNET: 10.1.74.1/24\n")).isEqualTo("10.1.74.0/24");
        assertThat(readSubnet("FLANNEL_SUBNET=10.1.1.1/24\nFLANNEL_SUBNET=10.1.2.1/24\n"))
                .isEqualTo("10.1.2.0/24");
    }

    @Test
    void skipsInvalidEntriesAndRefusesToChooseBetweenSeveral() throws Exception {
        // main_test.go: invalid entries skipped, invalid-only gives nothing
        assertThat(readSubnet("FLANNEL_SUBNET=garbage,10.5.72.1/24\n")).isEqualTo("10.5.72.0/24");
        assertThat(readSubnet("FLANNEL_SUBNET=garbage\n")).isNull();
        assertThat(readSubnet("FLANNEL_SUBNET=10.1.1.1/24,10.1.2.1/24\n")).isNull();
        assertThat(readSubnet("FLANNEL_SUBNET=\n")).isNull();
        assertThat(readSubnet("FLANNEL_SUBNET=fc00::1/64\n")).isNull();
    }

    @Test
    void neverThrowsOnAbsentOrUnreadableFiles() throws Exception {
        assertThat(SubnetFile.readPreviousSubnet(dir.resolve("absent.env"))).isEmpty();
        assertThat(SubnetFile.readPreviousSubnet(dir)).isEmpty();
        assertThat(readSubnet("FLANNEL_NETWORK=10.5.0.0/16\n")).isNull();
        assertThat(readSubnet("this is not an env file\nFLANNEL_SUBNET=10.5.72.1/24\n"))
                .isNull();
        assertThat(readSubnet("FLANNEL_SUBNET=\"10.5.72.1/24\n")).isNull();
        Path binary = dir.resolve("binary.env");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n'});
        assertThat(SubnetFile.readPreviousSubnet(binary)).isEmpty();
        assertThat(SubnetFile.readPreviousIpv6Subnet(binary)).isEmpty();
    }

    @Test
    void readsThePreviousIpv6SubnetOnlyFromItsKey() throws Exception {
        Path file = dir.resolve("v6.env");
        Files.writeString(file, "FLANNEL_SUBNET=10.5.72.1/24\nFLANNEL_IPV6_SUBNET=fd00:10:244:5::1/64\n");
        assertThat(SubnetFile.readPreviousIpv6Subnet(file)).contains(Ip6Net.parse("fd00:10:244:5::/64"));
        Files.writeString(file, "FLANNEL_IPV6_SUBNET=10.5.72.1/24\n");
        assertThat(SubnetFile.readPreviousIpv6Subnet(file)).isEmpty();
    }

    private String readSubnet(String content) throws IOException {
        Path file = Files.createTempFile(dir, "read", ".env");
        Files.writeString(file, content);
        return SubnetFile.readPreviousSubnet(file).map(Ip4Net::toString).orElse(null);
    }
}
