package org.flannel.reference.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.kernel.MacAddress;

/** The rtattrs of one message or nested attribute, by type (the nested and byte-order bits masked off). */
final class Attributes {
    private final Map<Integer, ByteBuffer> byType;

    private Attributes(Map<Integer, ByteBuffer> byType) {
        this.byType = byType;
    }

    static Attributes parse(ByteBuffer region) {
        ByteBuffer in = region.slice().order(ByteOrder.nativeOrder());
        Map<Integer, ByteBuffer> byType = new HashMap<>();
        int offset = 0;
        while (offset + 4 <= in.limit()) {
            int length = in.getShort(offset) & 0xffff;
            if (length < 4 || offset + length > in.limit()) {
                break; // a truncated tail, as the kernel's nla_ok() stops at it
            }
            int type = in.getShort(offset + 2) & Rtnetlink.NLA_TYPE_MASK;
            byType.put(type, in.slice(offset + 4, length - 4).order(ByteOrder.nativeOrder()));
            offset += MessageBuilder.align(length);
        }
        return new Attributes(byType);
    }

    boolean has(int type) {
        return byType.containsKey(type);
    }

    Optional<Integer> u8(int type) {
        return get(type).map(value -> value.get(0) & 0xff);
    }

    Optional<Integer> u32(int type) {
        return get(type).map(value -> value.getInt(0));
    }

    Optional<Integer> bigEndianU16(int type) {
        return get(type).map(value -> ((value.get(0) & 0xff) << 8) | (value.get(1) & 0xff));
    }

    Optional<String> string(int type) {
        return get(type).map(value -> {
            byte[] bytes = new byte[value.limit()];
            value.get(0, bytes);
            int end = 0;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            return new String(bytes, 0, end, StandardCharsets.US_ASCII);
        });
    }

    Optional<Ip4> ip4(int type) {
        return get(type).filter(value -> value.limit() == 4).map(value -> {
            byte[] bytes = new byte[4];
            value.get(0, bytes);
            return Ip4.fromBytes(bytes);
        });
    }

    /** A 6-byte link-layer address; other lengths (none for a TUN device) are not a MAC. */
    Optional<MacAddress> mac(int type) {
        return get(type).filter(value -> value.limit() == 6).map(value -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                text.append(i == 0 ? "" : ":").append(String.format("%02x", value.get(i) & 0xff));
            }
            return MacAddress.parse(text.toString());
        });
    }

    Attributes nested(int type) {
        return get(type).map(Attributes::parse).orElseGet(() -> new Attributes(Map.of()));
    }

    private Optional<ByteBuffer> get(int type) {
        // duplicate() forgets the byte order
        return Optional.ofNullable(byType.get(type))
                .map(value -> value.duplicate().order(ByteOrder.nativeOrder()));
    }
}
