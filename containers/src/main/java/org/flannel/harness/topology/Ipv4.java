package org.flannel.harness.topology;

/** Dotted-quad IPv4 addresses as unsigned 32-bit values held in an int. */
public final class Ipv4 {
    private Ipv4() {}

    /** Parses "10.168.0.2"; throws IllegalArgumentException on anything else. */
    public static int parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
        }
        int value = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
            }
            value = (value << 8) | Integer.parseInt(part);
        }
        return value;
    }

    public static String format(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
