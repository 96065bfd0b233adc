package org.flannel.reference.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip6;

/**
 * flanneld's command line, read as Go's {@code flag} package reads it, then completed from
 * {@code FLANNELD_*} environment variables as coreos/pkg {@code flagutil.SetFlagsFromEnv} does, then
 * checked as {@code main.go} checks it.
 *
 * <p>Hand-written rather than picocli: Go's rules (single-dash long names, a boolean never taking the
 * next argument but accepting {@code =false}, a non-boolean always taking the next argument even when it
 * starts with a dash, parsing stopping at the first non-flag, Go's number syntax and error wording, the
 * environment filling only flags left unset) would each need to be worked around in picocli.
 */
public final class FlagParser {

    /** flanneld refuses a renew margin outside 1..1439 minutes (main.go: {@code >= 24*60 || <= 0}). */
    private static final int MAX_RENEW_MARGIN_MINUTES = 24 * 60 - 1;

    private FlagParser() {}

    /**
     * Reads {@code args} (without the program name) and fills unset flags from {@code env}.
     *
     * <p>As in flanneld: {@code -h}/{@code -help} stops parsing and asks for the usage text;
     * {@code -version} is honoured before the environment is read, so {@code FLANNELD_VERSION} has no
     * effect; an environment value a flag refuses is not fatal (Flannel logs it and keeps the default),
     * it is reported in {@link FlanneldOptions#environmentErrors()}.
     *
     * @throws UsageException of kind {@code BAD_FLAG} for Go flag-syntax errors, {@code INVALID_OPTION}
     *     for values flanneld itself refuses (renew margin, public IP)
     */
    public static FlanneldOptions parse(String[] args, Map<String, String> env) throws UsageException {
        FlagValues values = new FlagValues();
        CommandLine commandLine = readCommandLine(args, values);
        if (commandLine.helpRequested || values.bool(FlanneldFlags.VERSION)) {
            return new FlanneldOptions(values, commandLine.helpRequested, List.of(), commandLine.remaining);
        }
        List<String> environmentErrors = applyEnvironment(values, env);
        check(values);
        return new FlanneldOptions(values, false, environmentErrors, commandLine.remaining);
    }

    /** The usage text flanneld prints for {@code -help}, in the layout of Go's {@code PrintDefaults}. */
    public static String usage() {
        return UsageText.render();
    }

    private record CommandLine(boolean helpRequested, List<String> remaining) {}

    /** Go's {@code FlagSet.Parse} / {@code parseOne}. */
    private static CommandLine readCommandLine(String[] args, FlagValues values) throws UsageException {
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            if (arg.length() < 2 || arg.charAt(0) != '-') {
                break; // the first non-flag argument ends the flags
            }
            int dashes = 1;
            if (arg.charAt(1) == '-') {
                dashes = 2;
                if (arg.length() == 2) { // "--" ends the flags and is consumed
                    i++;
                    break;
                }
            }
            String name = arg.substring(dashes);
            if (name.isEmpty() || name.charAt(0) == '-' || name.charAt(0) == '=') {
                throw badFlag("bad flag syntax: " + arg);
            }
            i++;
            String value = null;
            int equals = name.indexOf('=');
            if (equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            Optional<FlagSpec> spec = FlanneldFlags.find(name);
            if (spec.isEmpty()) {
                if (name.equals("help") || name.equals("h")) {
                    return new CommandLine(true, List.of());
                }
                throw badFlag("flag provided but not defined: -" + name);
            }
            if (spec.get().type() == FlagType.BOOL) {
                // A boolean never takes the next argument: "-ip-masq false" leaves "false" as a positional.
                setBoolean(values, spec.get(), value);
            } else {
                if (value == null) {
                    if (i >= args.length) {
                        throw badFlag("flag needs an argument: -" + name);
                    }
                    value = args[i++];
                }
                setValue(values, spec.get(), value);
            }
        }
        return new CommandLine(false, List.copyOf(Arrays.asList(args).subList(i, args.length)));
    }

    private static void setBoolean(FlagValues values, FlagSpec spec, String value) throws UsageException {
        String text = value == null ? "true" : value;
        try {
            values.set(spec, text);
        } catch (FlagType.InvalidValue e) {
            throw badFlag(
                    "invalid boolean value " + GoQuote.quote(text) + " for -" + spec.name() + ": " + e.getMessage());
        }
    }

    private static void setValue(FlagValues values, FlagSpec spec, String value) throws UsageException {
        try {
            values.set(spec, value);
        } catch (FlagType.InvalidValue e) {
            throw badFlag(
                    "invalid value " + GoQuote.quote(value) + " for flag -" + spec.name() + ": " + e.getMessage());
        }
    }

    /** flagutil: only flags not set on the command line, only non-empty variables; errors are collected. */
    private static List<String> applyEnvironment(FlagValues values, Map<String, String> env) {
        List<String> errors = new ArrayList<>();
        for (FlagSpec spec : FlanneldFlags.ALL) {
            if (values.isSet(spec.name()) || spec.name().equals(FlanneldFlags.VERSION)) {
                continue;
            }
            String variable = spec.environmentVariable();
            String text = env.get(variable);
            if (text == null || text.isEmpty()) {
                continue;
            }
            try {
                // Like Flannel's flagSlice.Set, a repeatable flag takes the whole value as one entry.
                values.set(spec, text);
            } catch (FlagType.InvalidValue e) {
                errors.add("invalid value " + GoQuote.quote(text) + " for " + variable + ": " + e.getMessage());
            }
        }
        return List.copyOf(errors);
    }

    /** The checks flanneld makes after reading flags and environment. */
    private static void check(FlagValues values) throws UsageException {
        long margin = values.number(FlanneldFlags.SUBNET_LEASE_RENEW_MARGIN);
        if (margin <= 0 || margin > MAX_RENEW_MARGIN_MINUTES) {
            throw new UsageException(
                    UsageException.Kind.INVALID_OPTION,
                    "Invalid subnet-lease-renew-margin option, out of acceptable range");
        }
        for (String name : List.of(FlanneldFlags.HEALTHZ_PORT, FlanneldFlags.IPTABLES_RESYNC)) {
            long number = values.number(name);
            if (number != (int) number) {
                throw new UsageException(
                        UsageException.Kind.INVALID_OPTION,
                        "invalid value " + number + " for flag -" + name + ": value out of range");
            }
        }
        String publicIp = values.string(FlanneldFlags.PUBLIC_IP);
        if (!publicIp.isEmpty()) {
            try {
                Ip4.parse(publicIp);
            } catch (IllegalArgumentException e) {
                throw new UsageException(UsageException.Kind.INVALID_OPTION, "invalid public IP address: " + publicIp);
            }
        }
        String publicIpv6 = values.string(FlanneldFlags.PUBLIC_IPV6);
        if (!publicIpv6.isEmpty() && !isIpv6Text(publicIpv6)) {
            throw new UsageException(UsageException.Kind.INVALID_OPTION, "invalid public IPv6 address: " + publicIpv6);
        }
    }

    private static boolean isIpv6Text(String text) {
        try {
            Ip6.parse(text);
            return text.indexOf(':') >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static UsageException badFlag(String message) {
        return new UsageException(UsageException.Kind.BAD_FLAG, message);
    }
}
