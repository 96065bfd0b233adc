package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.DockerClient;
import java.util.List;

/** Whether the daemon confines containers with AppArmor (docker-default forbids mount and /proc/sys writes). */
final class AppArmor {
    private AppArmor() {}

    static boolean confinesContainers(DockerClient client) {
        List<String> options = client.infoCmd().exec().getSecurityOptions();
        return options != null && options.stream().anyMatch(option -> option.contains("name=apparmor"));
    }
}
