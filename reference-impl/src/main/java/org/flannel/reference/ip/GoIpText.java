package org.flannel.reference.ip;

/**
 * Parses IP address and CIDR text with the rules of Go's {@code net.ParseIP} / {@code net.ParseCIDR}
 * (both built on {@code net/netip} in current Go), so that whatever Flannel accepts or rejects,
 * we accept or reject too: IPv4 needs exactly four decimal fields, no leading zeros, each at most 255;
 * IPv6 allows one "::", 1-4 hex digits per group and an embedded IPv4 tail; zones ("%eth0") are refused.
 */
final class GoIpText {

    private GoIpText() {}

    /** Go's {@code netip.ParseAddr} without zones: 4 bytes for IPv4 text, 16 bytes for IPv6 text. */
    static byte[] parseAddress(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                return intToBytes(parseIpv4(text));
            }
            if (c == ':') {
                return parseIpv6(text);
            }
            if (c == '%') {
                throw error(text, "missing IPv6 address");
            }
        }
        throw error(text, "unable to parse IP");
    }

    /** Dotted-quad IPv4, returned as the unsigned 32-bit value in an int. */
    static int parseIpv4(String text) {
        byte[] fields = new byte[4];
        parseIpv4Fields(text, text, fields, 0);
        return bytesToInt(fields, 0);
    }

    /** IPv6 text (RFC 4291 forms, embedded IPv4 tail allowed, no zone) as 16 bytes. */
    static byte[] parseIpv6(String text) {
        if (text.indexOf('%') >= 0) {
            // net.ParseIP and net.ParseCIDR refuse any zone.
            throw error(text, "IPv6 zones are not accepted");
        }
        byte[] ip = new byte[16];
        String s = text;
        int ellipsis = -1;
        if (s.length() >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            ellipsis = 0;
            s = s.substring(2);
            if (s.isEmpty()) {
                return ip;
            }
        }
        int i = 0;
        while (i < 16) {
            int off = 0;
            int acc = 0;
            for (; off < s.length(); off++) {
                int digit = asciiHexValue(s.charAt(off));
                if (digit < 0) {
                    break;
                }
                acc = (acc << 4) + digit;
                if (off > 3) {
                    throw error(text, "each colon-separated field must have at most 4 hex digits");
                }
            }
            if (off == 0) {
                throw error(text, "each colon-separated field must have at least one digit");
            }
            if (off < s.length() && s.charAt(off) == '.') {
                if (ellipsis < 0 && i != 12) {
                    throw error(text, "embedded IPv4 address must replace the final 2 fields of the address");
                }
                if (i + 4 > 16) {
                    throw error(text, "too many hex fields to fit an embedded IPv4 at the end of the address");
                }
                parseIpv4Fields(text, s, ip, i);
                s = "";
                i += 4;
                break;
            }
            ip[i] = (byte) (acc >> 8);
            ip[i + 1] = (byte) acc;
            i += 2;
            s = s.substring(off);
            if (s.isEmpty()) {
                break;
            }
            if (s.charAt(0) != ':') {
                throw error(text, "unexpected character, want colon");
            }
            if (s.length() == 1) {
                throw error(text, "colon must be followed by more characters");
            }
            s = s.substring(1);
            if (s.charAt(0) == ':') {
                if (ellipsis >= 0) {
                    throw error(text, "multiple :: in address");
                }
                ellipsis = i;
                s = s.substring(1);
                if (s.isEmpty()) {
                    break;
                }
            }
        }
        if (!s.isEmpty()) {
            throw error(text, "trailing garbage after address");
        }
        if (i < 16) {
            if (ellipsis < 0) {
                throw error(text, "address string too short");
            }
            int n = 16 - i;
            for (int j = i - 1; j >= ellipsis; j--) {
                ip[j + n] = ip[j];
            }
            for (int j = ellipsis; j < ellipsis + n; j++) {
                ip[j] = 0;
            }
        } else if (ellipsis >= 0) {
            throw error(text, "the :: must expand to at least one field of zeros");
        }
        return ip;
    }

    /**
     * Go's {@code net.ParseCIDR}: address (either family), '/', decimal prefix length within the family's
     * bit length. The error text is Go's: {@code invalid CIDR address: <text>}.
     */
    static Cidr parseCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw cidrError(text);
        }
        String address = text.substring(0, slash);
        String mask = text.substring(slash + 1);
        byte[] bytes;
        try {
            bytes = parseAddress(address);
        } catch (IllegalArgumentException e) {
            throw cidrError(text);
        }
        int bits = bytes.length * 8;
        int prefix = parseDecimal(mask);
        if (prefix < 0 || prefix > bits) {
            throw cidrError(text);
        }
        return new Cidr(bytes, prefix);
    }

    /** An address (4 or 16 bytes, not yet masked) and a prefix length. */
    record Cidr(byte[] address, int prefixLen) {
        boolean isIpv4() {
            return address.length == 4;
        }
    }

    static IllegalArgumentException cidrError(String text) {
        return new IllegalArgumentException("invalid CIDR address: " + text);
    }

    /** Go's dtoi as used by ParseCIDR: decimal digits only (leading zeros allowed), -1 when invalid. */
    private static int parseDecimal(String s) {
        if (s.isEmpty() || s.length() > 7) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static void parseIpv4Fields(String whole, String s, byte[] out, int offset) {
        int val = 0;
        int pos = 0;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && val == 0) {
                    throw error(whole, "IPv4 field has octet with leading zero");
                }
                val = val * 10 + (c - '0');
                digits++;
                if (val > 255) {
                    throw error(whole, "IPv4 field has value >255");
                }
            } else if (c == '.') {
                if (i == 0 || i == s.length() - 1 || s.charAt(i - 1) == '.') {
                    throw error(whole, "IPv4 field must have at least one digit");
                }
                if (pos == 3) {
                    throw error(whole, "IPv4 address too long");
                }
                out[offset + pos] = (byte) val;
                pos++;
                val = 0;
                digits = 0;
            } else {
                throw error(whole, "unexpected character");
            }
        }
        if (pos < 3) {
            throw error(whole, "IPv4 address too short");
        }
        out[offset + 3] = (byte) val;
    }

    private static int asciiHexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static int bytesToInt(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 24)
                | ((b[offset + 1] & 0xff) << 16)
                | ((b[offset + 2] & 0xff) << 8)
                | (b[offset + 3] & 0xff);
    }

    static byte[] intToBytes(int bits) {
        return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    }

    private static IllegalArgumentException error(String text, String why) {
        return new IllegalArgumentException("invalid IP address \"" + text + "\": " + why);
    }
}
