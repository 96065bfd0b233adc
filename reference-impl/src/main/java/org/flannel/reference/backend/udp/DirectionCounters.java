package org.flannel.reference.backend.udp;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What one direction of the data path did: packets and bytes forwarded, ICMP answers sent, drops by
 * reason. Only that direction's thread writes, so an increment is a plain read and an ordered store
 * (no atomic read-modify-write on the packet path); the logger reads from its own thread.
 */
final class DirectionCounters {
    private static final int PACKETS = 0;
    private static final int BYTES = 1;
    private static final int ANSWERS = 2;
    private static final int FIRST_DROP = 3;

    private final String name;
    private final AtomicLongArray values = new AtomicLongArray(FIRST_DROP + Drop.values().length);

    DirectionCounters(String name) {
        this.name = name;
    }

    void forwarded(int bytes) {
        add(PACKETS, 1);
        add(BYTES, bytes);
    }

    void answered() {
        add(ANSWERS, 1);
    }

    void dropped(Drop reason) {
        add(FIRST_DROP + reason.ordinal(), 1);
    }

    long packets() {
        return values.get(PACKETS);
    }

    long bytes() {
        return values.get(BYTES);
    }

    long answers() {
        return values.get(ANSWERS);
    }

    long drops(Drop reason) {
        return values.get(FIRST_DROP + reason.ordinal());
    }

    /** Every value, for telling whether anything changed since the last look. */
    long[] snapshot() {
        long[] copy = new long[values.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = values.get(i);
        }
        return copy;
    }

    /** E.g. {@code flannel0->UDP 1200 packets 1742400 bytes}, then drops by reason, if any. */
    String describe() {
        StringBuilder text = new StringBuilder(name)
                .append(' ')
                .append(packets())
                .append(" packets ")
                .append(bytes())
                .append(" bytes");
        if (answers() > 0) {
            text.append(", ").append(answers()).append(" net unreachable sent");
        }
        StringBuilder drops = new StringBuilder();
        for (Drop reason : Drop.values()) {
            long count = drops(reason);
            if (count > 0) {
                drops.append(drops.length() == 0 ? "" : " ")
                        .append(reason.label())
                        .append('=')
                        .append(count);
            }
        }
        return text.append(", dropped ")
                .append(drops.length() == 0 ? "none" : drops)
                .toString();
    }

    private void add(int index, long delta) {
        values.lazySet(index, values.get(index) + delta);
    }
}
