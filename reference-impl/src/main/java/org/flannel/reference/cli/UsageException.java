package org.flannel.reference.cli;

/**
 * The command line cannot be used. The message is one line, in Go's words where Go has them
 * (e.g. {@code flag provided but not defined: -foo}).
 *
 * <p>Flannel treats the two kinds differently, which {@link #kind()} lets the caller repeat: a
 * {@link Kind#BAD_FLAG} makes Go's flag package print the message and the usage text, and flanneld's
 * usage function then exits with status 0 ({@code main.go} {@code usage()}); an
 * {@link Kind#INVALID_OPTION} is logged and flanneld exits with status 1.
 */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Which stage refused the command line. */
    public enum Kind {
        /** Refused by Go's flag syntax rules: unknown flag, missing or unparsable value. */
        BAD_FLAG,
        /** Parsed, but refused by flanneld's own checks (e.g. the lease renew margin range). */
        INVALID_OPTION
    }

    private final Kind kind;

    /** An option refused by a check of ours ({@link Kind#INVALID_OPTION}). */
    public UsageException(String message) {
        this(Kind.INVALID_OPTION, message);
    }

    public UsageException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
