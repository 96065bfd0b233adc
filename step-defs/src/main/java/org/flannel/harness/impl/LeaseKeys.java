package org.flannel.harness.impl;

/** Flannel's lease key (the harness's steps and the bench write and read leases by it): {@code <prefix>/subnets/10.1.16.0-24} for 10.1.16.0/24. */
public final class LeaseKeys {
    private LeaseKeys() {}

    public static String key(String prefix, String subnet) {
        return prefix + "/subnets/" + subnet.replace('/', '-');
    }

    public static String directory(String prefix) {
        return prefix + "/subnets/";
    }
}
