package org.flannel.reference.subnet.etcd;

import java.util.List;
import java.util.Optional;

/** How to reach etcd: flanneld's --etcd-* flags. TLS is on only when both a certificate and a key are given. */
public record EtcdOptions(
        List<String> endpoints,
        String prefix,
        Optional<String> caFile,
        Optional<String> certFile,
        Optional<String> keyFile,
        Optional<String> username,
        Optional<String> password) {

    public boolean tls() {
        return certFile.isPresent() && keyFile.isPresent();
    }
}
