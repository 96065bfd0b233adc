package org.flannel.harness.topology.docker;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Writes the 512-byte ustar headers (and padding) of a tar stream assembled from parts. */
final class TarHeaders {
    static final int BLOCK = 512;

    private TarHeaders() {}

    static InputStream file(String name, long size) {
        return new ByteArrayInputStream(header(name, size, '0', 0644));
    }

    static InputStream directory(String name) {
        return new ByteArrayInputStream(header(name.endsWith("/") ? name : name + "/", 0, '5', 0755));
    }

    /** Zero bytes that bring an entry of {@code size} bytes to a whole number of blocks. */
    static InputStream padding(long size) {
        return new ByteArrayInputStream(new byte[(int) ((BLOCK - size % BLOCK) % BLOCK)]);
    }

    /** Two zero blocks close the archive. */
    static InputStream end() {
        return new ByteArrayInputStream(new byte[2 * BLOCK]);
    }

    private static byte[] header(String name, long size, char type, int mode) {
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        if (nameBytes.length > 100) {
            throw new IllegalArgumentException("tar entry name longer than 100 bytes: " + name);
        }
        byte[] block = new byte[BLOCK];
        System.arraycopy(nameBytes, 0, block, 0, nameBytes.length);
        octal(block, 100, 8, mode);
        octal(block, 108, 8, 0);
        octal(block, 116, 8, 0);
        octal(block, 124, 12, size);
        octal(block, 136, 12, System.currentTimeMillis() / 1000);
        block[156] = (byte) type;
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, block, 257, 6);
        block[263] = '0';
        block[264] = '0';
        for (int i = 148; i < 156; i++) {
            block[i] = ' ';
        }
        long sum = 0;
        for (byte b : block) {
            sum += b & 0xff;
        }
        octal(block, 148, 7, sum);
        return block;
    }

    /** {@code length - 1} octal digits and a NUL. */
    private static void octal(byte[] block, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        if (digits.length() > length - 1) {
            throw new IllegalArgumentException("value " + value + " does not fit a tar header field of " + length);
        }
        String padded = "0".repeat(length - 1 - digits.length()) + digits;
        System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, block, offset, length - 1);
        block[offset + length - 1] = 0;
    }
}
