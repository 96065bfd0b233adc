package org.flannel.reference.subnet;

/**
 * The network config is not usable. The message is Flannel's own text where Flannel has one
 * (e.g. {@code SubnetLen must be less than /31}), so it can be logged as Flannel logs it:
 * {@code Couldn't fetch network config: <message>}.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
