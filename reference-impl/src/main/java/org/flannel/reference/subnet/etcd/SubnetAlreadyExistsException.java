package org.flannel.reference.subnet.etcd;

/** Another node created the same lease key first (the create transaction's condition failed). */
public final class SubnetAlreadyExistsException extends Exception {
    public SubnetAlreadyExistsException(String key) {
        super("subnet already exists: " + key);
    }
}
