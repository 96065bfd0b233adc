package org.flannel.harness.topology;

/**
 * An IPv4 address with a prefix length, e.g. a segment "10.168.0.0/24" or a bridge address
 * "10.1.15.1/24" (host bits allowed: {@link #network()} clears them).
 */
public record Ipv4Cidr(int address, int prefixLength) {
    public Ipv4Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length must be 0..32, got " + prefixLength);
        }
    }

    /** Parses "a.b.c.d/n". */
    public static Ipv4Cidr parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR (want a.b.c.d/n): '" + text + "'");
        }
        String length = text.substring(slash + 1);
        if (!length.matches("\\d{1,2}")) {
            throw new IllegalArgumentException("not a CIDR (want a.b.c.d/n): '" + text + "'");
        }
        return new Ipv4Cidr(Ipv4.parse(text.substring(0, slash)), Integer.parseInt(length));
    }

    public int mask() {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    /** The same prefix with host bits cleared. */
    public Ipv4Cidr network() {
        return new Ipv4Cidr(address & mask(), prefixLength);
    }

    public boolean hasHostBits() {
        return (address & ~mask()) != 0;
    }

    public int broadcast() {
        return (address & mask()) | ~mask();
    }

    public boolean contains(int other) {
        return (other & mask()) == (address & mask());
    }

    public boolean contains(String other) {
        return contains(Ipv4.parse(other));
    }

    /** True for an address usable by a host: inside, and neither network nor broadcast address. */
    public boolean isUsableHost(int other) {
        if (!contains(other)) {
            return false;
        }
        return prefixLength >= 31 || (other != (address & mask()) && other != broadcast());
    }

    public String addressText() {
        return Ipv4.format(address);
    }

    @Override
    public String toString() {
        return Ipv4.format(address) + "/" + prefixLength;
    }
}
