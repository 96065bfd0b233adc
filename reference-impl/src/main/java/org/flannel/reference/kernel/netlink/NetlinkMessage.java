package org.flannel.reference.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** One message the kernel sent: its nlmsghdr fields and its payload (everything after the header). */
record NetlinkMessage(int type, int flags, int seq, ByteBuffer payload) {

    /** Splits one datagram into its messages. */
    static List<NetlinkMessage> parseAll(ByteBuffer datagram) {
        ByteBuffer in = datagram.slice().order(ByteOrder.nativeOrder());
        List<NetlinkMessage> messages = new ArrayList<>();
        int offset = 0;
        while (offset + Rtnetlink.NLMSG_HDRLEN <= in.limit()) {
            int length = in.getInt(offset);
            if (length < Rtnetlink.NLMSG_HDRLEN || offset + length > in.limit()) {
                throw new IllegalArgumentException("malformed netlink message: length " + length + " at offset "
                        + offset + " of a " + in.limit() + "-byte datagram");
            }
            ByteBuffer payload = in.slice(offset + Rtnetlink.NLMSG_HDRLEN, length - Rtnetlink.NLMSG_HDRLEN)
                    .order(ByteOrder.nativeOrder());
            messages.add(new NetlinkMessage(
                    in.getShort(offset + 4) & 0xffff,
                    in.getShort(offset + 6) & 0xffff,
                    in.getInt(offset + 8),
                    payload));
            offset += MessageBuilder.align(length);
        }
        return messages;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** The attributes that follow a fixed header of {@code headerLength} bytes (16 for ifinfomsg, ...). */
    Attributes attributes(int headerLength) {
        return Attributes.parse(
                payload.slice(Math.min(headerLength, payload.limit()), Math.max(0, payload.limit() - headerLength))
                        .order(ByteOrder.nativeOrder()));
    }

    int u8(int offset) {
        return payload.get(offset) & 0xff;
    }

    int u16(int offset) {
        return payload.getShort(offset) & 0xffff;
    }

    int s32(int offset) {
        return payload.getInt(offset);
    }
}
