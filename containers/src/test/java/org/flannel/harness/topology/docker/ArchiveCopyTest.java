package org.flannel.harness.topology.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tar the archive API answers with, as {@link TarHeaders} writes and {@link ArchiveCopy} reads it. */
class ArchiveCopyTest {
    @Test
    void extractsTheFirstRegularFileAfterDirectoriesAndPaxHeaders() throws Exception {
        byte[] pax = "30 path=some/very/long/name.pcap\n".getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[1300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        InputStream tar = concat(TarHeaders.directory("captures"),
                paxHeader(pax.length), new ByteArrayInputStream(pax), TarHeaders.padding(pax.length),
                TarHeaders.file("x.pcap", data.length), new ByteArrayInputStream(data), TarHeaders.padding(data.length),
                TarHeaders.end());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ArchiveCopy.extractFirstFile(tar, out);

        assertThat(out.toByteArray()).isEqualTo(data);
    }

    @Test
    void anEmptyFileIsAFile() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArchiveCopy.extractFirstFile(concat(TarHeaders.file("empty", 0), TarHeaders.end()), out);
        assertThat(out.toByteArray()).isEmpty();
    }

    @Test
    void anArchiveWithoutAFileIsAnError() {
        assertThatThrownBy(() -> ArchiveCopy.extractFirstFile(concat(TarHeaders.directory("d"), TarHeaders.end()),
                new ByteArrayOutputStream())).isInstanceOf(EOFException.class).hasMessageContaining("no regular file");
    }

    @Test
    void headersCarryAValidChecksum() throws Exception {
        byte[] header = TarHeaders.file("manifest.json", 42).readAllBytes();
        long sum = 0;
        for (int i = 0; i < header.length; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        String stored = new String(header, 148, 6, StandardCharsets.US_ASCII);
        assertThat(Long.parseLong(stored, 8)).isEqualTo(sum);
        assertThat(new String(header, 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
        assertThat(header).hasSize(512);
    }

    /** A pax extended header ('x'): the reader must skip it. */
    private static InputStream paxHeader(int size) throws Exception {
        byte[] header = TarHeaders.file("PaxHeader", size).readAllBytes();
        header[156] = 'x';
        return new ByteArrayInputStream(header);
    }

    private static InputStream concat(InputStream... parts) {
        return new SequenceInputStream(Collections.enumeration(List.of(parts)));
    }
}
