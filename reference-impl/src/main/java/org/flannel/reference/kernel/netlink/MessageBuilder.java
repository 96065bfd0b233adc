package org.flannel.reference.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Writes one netlink request: the nlmsghdr, the family's fixed header (ifinfomsg, rtmsg, ...) written
 * field by field, then rtattrs, nested ones included, each padded to 4 bytes. Host byte order, as the
 * kernel expects, except where a field is defined in network order (addresses, the vxlan port).
 */
final class MessageBuilder {
    private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    private final Deque<Integer> openNests = new ArrayDeque<>();

    MessageBuilder(int type, int flags) {
        buffer.putInt(0); // nlmsg_len, known at the end
        buffer.putShort((short) type);
        buffer.putShort((short) flags);
        buffer.putInt(0); // nlmsg_seq, given when sent
        buffer.putInt(0); // nlmsg_pid: the kernel addresses us by our socket
    }

    MessageBuilder u8(int value) {
        room(1).put((byte) value);
        return this;
    }

    MessageBuilder u16(int value) {
        room(2).putShort((short) value);
        return this;
    }

    MessageBuilder u32(int value) {
        room(4).putInt(value);
        return this;
    }

    MessageBuilder attribute(int type, byte[] payload) {
        int length = 4 + payload.length;
        room(align(length)).putShort((short) length).putShort((short) type).put(payload);
        pad();
        return this;
    }

    MessageBuilder attributeU8(int type, int value) {
        return attribute(type, new byte[] {(byte) value});
    }

    MessageBuilder attributeU32(int type, int value) {
        return attribute(
                type,
                ByteBuffer.allocate(4)
                        .order(ByteOrder.nativeOrder())
                        .putInt(value)
                        .array());
    }

    /** A 16-bit value in network byte order, as IFLA_VXLAN_PORT. */
    MessageBuilder attributeBigEndianU16(int type, int value) {
        return attribute(type, new byte[] {(byte) (value >>> 8), (byte) value});
    }

    /** A NUL-terminated string, as IFLA_IFNAME and IFLA_INFO_KIND. */
    MessageBuilder attributeString(int type, String value) {
        byte[] text = value.getBytes(StandardCharsets.US_ASCII);
        return attribute(type, Arrays.copyOf(text, text.length + 1));
    }

    /** A string without terminating NUL, as iproute2 sends IFLA_INFO_KIND. */
    MessageBuilder attributeText(int type, String value) {
        return attribute(type, value.getBytes(StandardCharsets.US_ASCII));
    }

    /** An attribute whose presence is the value, as IFLA_VXLAN_GBP. */
    MessageBuilder attributeFlag(int type) {
        return attribute(type, new byte[0]);
    }

    /** Opens a nested attribute; everything until {@link #endNested} goes inside it. */
    MessageBuilder beginNested(int type) {
        openNests.push(buffer.position());
        room(4).putShort((short) 0).putShort((short) type);
        return this;
    }

    MessageBuilder endNested() {
        int start = openNests.pop();
        buffer.putShort(start, (short) (buffer.position() - start));
        return this;
    }

    /** The finished message with sequence number {@code seq}. */
    byte[] build(int seq) {
        if (!openNests.isEmpty()) {
            throw new IllegalStateException("a nested attribute was not closed");
        }
        ByteBuffer message = buffer.duplicate().order(ByteOrder.nativeOrder());
        message.putInt(0, buffer.position());
        message.putInt(8, seq);
        return Arrays.copyOf(message.array(), buffer.position());
    }

    static int align(int length) {
        return (length + 3) & ~3;
    }

    private void pad() {
        while (buffer.position() % 4 != 0) {
            buffer.put((byte) 0);
        }
    }

    private ByteBuffer room(int bytes) {
        if (buffer.remaining() < bytes) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes))
                    .order(ByteOrder.nativeOrder());
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
        return buffer;
    }
}
