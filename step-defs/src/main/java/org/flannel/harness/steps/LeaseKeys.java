package org.flannel.harness.steps;

/** Flannel's lease key: {@code <prefix>/subnets/10.1.16.0-24} for 10.1.16.0/24. */
final class LeaseKeys {
    private LeaseKeys() {}

    static String key(String prefix, String subnet) {
        return prefix + "/subnets/" + subnet.replace('/', '-');
    }

    static String directory(String prefix) {
        return prefix + "/subnets/";
    }
}
