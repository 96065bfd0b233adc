package org.flannel.harness.wire;

import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

/** Reads a pcap (or pcapng) file through libpcap and decodes every frame. */
public final class PcapReader {

    private PcapReader() {}

    /** Decodes with VXLAN on the given UDP destination ports (8472 when none), Flannel's udp backend on 8285. */
    public static List<Frame> read(Path file, int... vxlanPorts) {
        return read(file, DecodeOptions.vxlanPorts(vxlanPorts));
    }

    public static List<Frame> read(Path file, DecodeOptions options) {
        if (!Files.isReadable(file)) {
            throw new PcapReadException("cannot read capture " + file + ": no such readable file");
        }
        NativePcap.ensureLoadable();
        FrameDecoder decoder = new FrameDecoder(options);
        List<Frame> frames = new ArrayList<>();
        try (PcapHandle handle = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO)) {
            int linkType = handle.getDlt().value();
            while (true) {
                byte[] bytes;
                try {
                    bytes = handle.getNextRawPacketEx();
                } catch (EOFException end) {
                    break;
                } catch (TimeoutException notForFiles) {
                    continue;
                }
                Instant timestamp = handle.getTimestamp().toInstant();
                int originalLength = handle.getOriginalLength();
                frames.add(decoder.decode(frames.size(), timestamp, linkType, bytes, originalLength));
            }
        } catch (PcapNativeException | NotOpenException e) {
            throw new PcapReadException("cannot read capture " + file + ": " + e.getMessage(), e);
        }
        return frames;
    }

    /**
     * The capture's data link type as libpcap reports it ({@link LinkTypes}): what the kernel hands to a
     * capture on that device, known even when the capture holds no frame.
     */
    public static int linkType(Path file) {
        if (!Files.isReadable(file)) {
            throw new PcapReadException("cannot read capture " + file + ": no such readable file");
        }
        NativePcap.ensureLoadable();
        try (PcapHandle handle = Pcaps.openOffline(file.toString())) {
            return handle.getDlt().value();
        } catch (PcapNativeException e) {
            throw new PcapReadException("cannot read capture " + file + ": " + e.getMessage(), e);
        }
    }

    /** A capture file that libpcap cannot open or read. */
    public static final class PcapReadException extends RuntimeException {
        PcapReadException(String message) {
            super(message);
        }

        PcapReadException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
