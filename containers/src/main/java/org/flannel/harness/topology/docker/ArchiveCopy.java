package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.DockerClient;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flannel.harness.topology.TopologyException;

/**
 * Copies one file out of a container through the archive API (which answers with a tar stream):
 * works the same for a daemon on this machine and one elsewhere.
 */
final class ArchiveCopy {
    private static final int BLOCK = 512;

    private ArchiveCopy() {}

    static void copyOut(DockerClient client, String containerId, String pathInContainer, Path target) {
        try (InputStream tar = client.copyArchiveFromContainerCmd(containerId, pathInContainer).exec();
                OutputStream out = Files.newOutputStream(target)) {
            extractFirstFile(tar, out);
        } catch (IOException | RuntimeException e) {
            throw new TopologyException("cannot copy " + pathInContainer + " out of container "
                    + DockerExec.shortId(containerId) + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes the data of the first regular file in a tar stream; skips pax and GNU long-name headers. */
    static void extractFirstFile(InputStream tar, OutputStream out) throws IOException {
        byte[] header = new byte[BLOCK];
        while (true) {
            if (!readFully(tar, header)) {
                throw new EOFException("the archive holds no regular file");
            }
            if (isZero(header)) {
                throw new EOFException("the archive holds no regular file");
            }
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            if (type == '0' || type == '\0') {
                copy(tar, out, size);
                return;
            }
            skip(tar, padded(size));
        }
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("the archive ends inside the file (" + left + " bytes missing)");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static void skip(InputStream in, long count) throws IOException {
        byte[] buffer = new byte[BLOCK];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("the archive ends inside an entry");
            }
            left -= n;
        }
    }

    private static boolean readFully(InputStream in, byte[] block) throws IOException {
        int off = 0;
        while (off < block.length) {
            int n = in.read(block, off, block.length - off);
            if (n < 0) {
                return false;
            }
            off += n;
        }
        return true;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** A numeric header field: octal text, or base-256 when its top bit is set (sizes of 8 GiB and more). */
    private static long octal(byte[] header, int offset, int length) {
        if ((header[offset] & 0x80) != 0) {
            long value = 0;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        String text = new String(header, offset, length, StandardCharsets.US_ASCII).replace("\0", " ").trim();
        return text.isEmpty() ? 0 : Long.parseLong(text, 8);
    }
}
