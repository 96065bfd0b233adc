package org.flannel.reference.kernel;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** A 48-bit Ethernet address, printed as Flannel prints it: lower-case, colon separated. */
public record MacAddress(String text) {
    private static final Pattern FORMAT = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public MacAddress {
        text = text.toLowerCase(Locale.ROOT);
        if (!FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
    }

    public static MacAddress parse(String text) {
        return new MacAddress(text);
    }

    /**
     * A random locally administered unicast address, as Flannel's pkg/mac makes for the VTEP: set at
     * device creation so that udev/systemd MAC policies cannot change it afterwards.
     */
    public static MacAddress randomLocallyAdministered() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        bytes[0] = (byte) ((bytes[0] & 0xfe) | 0x02);
        return new MacAddress(HexFormat.ofDelimiter(":").formatHex(bytes));
    }

    @Override
    public String toString() {
        return text;
    }
}
