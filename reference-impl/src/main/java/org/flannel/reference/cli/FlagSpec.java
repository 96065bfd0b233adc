package org.flannel.reference.cli;

import java.util.Locale;

/**
 * One flanneld flag: its name (without dashes), kind, default as Go prints it, and help text.
 *
 * @param defaultText the default in Go's {@code flag.Flag.DefValue} form ("" / "0" / "false" are zero)
 */
record FlagSpec(String name, FlagType type, String defaultText, String usage) {

    /** coreos/pkg flagutil's variable name: {@code FLANNELD_} + upper case, dashes to underscores. */
    String environmentVariable() {
        return "FLANNELD_" + name.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** Go's {@code isZeroValue}: such a default is not shown in the usage text. */
    boolean hasZeroDefault() {
        return switch (type) {
            case STRING, KLOG_VMODULE, KLOG_TRACE_LOCATION -> defaultText.isEmpty();
            case INT, KLOG_LEVEL -> defaultText.equals("0");
            case BOOL -> defaultText.equals("false");
            case REPEATABLE -> true;
        };
    }
}
