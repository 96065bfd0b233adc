package org.flannel.reference.net;

/** No interface matches what the flags asked for; the message is Flannel's. */
public final class InterfaceLookupException extends Exception {
    public InterfaceLookupException(String message) {
        super(message);
    }
}
