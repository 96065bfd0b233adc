package org.flannel.reference.kernel;

/** The kernel refused a change, or its state could not be read; the message says which and why. */
public class KernelException extends RuntimeException {
    public KernelException(String message) {
        super(message);
    }

    public KernelException(String message, Throwable cause) {
        super(message, cause);
    }
}
