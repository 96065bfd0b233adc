package org.flannel.reference.subnet.etcd;

/** etcd could not be reached or refused a request. */
public final class RegistryException extends Exception {
    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
