package org.flannel.harness.topology;

/** Something in the topology could not be created, used or destroyed; the message says what to do. */
public class TopologyException extends RuntimeException {
    public TopologyException(String message) {
        super(message);
    }

    public TopologyException(String message, Throwable cause) {
        super(message, cause);
    }
}
