package org.flannel.reference.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.flannel.reference.subnet.ConfigException;

/** Reading the values of a {@code Backend} section's options, with the messages every backend gives. */
public final class BackendOptions {

    private BackendOptions() {}

    /** A whole number within [min, max], checked before any narrowing so that nothing wraps. */
    public static long wholeNumber(JsonNode value, String name, long min, long max, String outOfRange)
            throws ConfigException {
        if (!value.isIntegralNumber()) {
            throw new ConfigException("Backend." + name + " must be a whole number, not " + value);
        }
        BigInteger number = value.bigIntegerValue();
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new ConfigException("Backend." + name + " " + number + outOfRange);
        }
        return number.longValueExact();
    }

    public static boolean bool(JsonNode value, String name) throws ConfigException {
        if (!value.isBoolean()) {
            throw new ConfigException("Backend." + name + " must be true or false, not " + value);
        }
        return value.asBoolean();
    }
}
