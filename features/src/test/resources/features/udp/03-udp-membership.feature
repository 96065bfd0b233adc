@udp
Feature: UDP backend: the data path lives in flanneld, and follows the leases
  The udp backend is the only one whose data path stops when flanneld stops. Peers come and go with
  their leases: a node that leaves is no longer reachable, one that joins is, without a restart.

  Background:
    Given a topology:
      | host  | segment  | address        |
      | node1 | underlay | 10.168.0.2/24  |
      | node2 | underlay | 10.168.0.3/24  |
      | node3 | underlay | 10.168.0.4/24  |
      | etcd  | underlay | 10.168.0.10/24 |
    And the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.17.0", "Backend": {"Type": "udp"}}
      """
    And node1 remembers the subnet 10.1.15.0/24 and node2 remembers 10.1.16.0/24
    And flanneld is running on node1 and node2
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3

  @R-UDP-RESTART-01 @must
  Scenario: traffic flows again once node2's flanneld is back
    Source: flannel-behaviour.md §5 udp backend ; flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart
    When container-1 pings 10.1.16.3 once
    Then the ping succeeds
    When flanneld on node2 stops
    And flanneld starts on node2
    Then within 10 seconds a ping from container-1 to 10.1.16.3 succeeds

  @R-UDP-RESTART-02 @should
  Scenario: traffic stops while node2's flanneld is stopped
    Source: flannel-behaviour.md §5 udp backend
    When container-1 pings 10.1.16.3 once
    Then the ping succeeds
    When flanneld on node2 stops
    And container-1 pings 10.1.16.3 once
    Then the ping fails

  @R-UDP-LEAVE-01 @must
  Scenario: a node leaves: its subnet becomes unreachable
    Source: flannel-behaviour.md §5 udp backend
    When container-1 pings 10.1.16.3 once
    Then the ping succeeds
    When the lease 10.1.16.0/24 is deleted from etcd
    Then within 10 seconds a ping from container-1 to 10.1.16.3 fails with "100% packet loss"
    And within 10 seconds no datagram on node1:eth0 carries a ping from container-1 to 10.1.16.3, next to one to 10.168.0.3

  @R-UDP-LEAVE-02 @may
  Scenario: a node leaves: its subnet is answered with ICMP net unreachable
    Only for implementations that answer pings with net unreachable (the reference; not Flannel, whose
    udp proxy sends no ICMP error about an ICMP message).
    Source: flannel-behaviour.md §5 udp backend
    When container-1 pings 10.1.16.3 once
    Then the ping succeeds
    When the lease 10.1.16.0/24 is deleted from etcd
    Then within 10 seconds a ping from container-1 to 10.1.16.3 fails with "Destination Net Unreachable"

  @R-UDP-JOIN-01 @must
  Scenario: a node joins: it gets the free subnet and the others reach it
    Source: flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart ; flannel-behaviour.md §5 udp backend
    When flanneld starts on node3
    Then node3's subnet file says FLANNEL_SUBNET=10.1.17.1/24
    Given container-3 runs on node3 at 10.1.17.3
    Then within 10 seconds a ping from container-1 to 10.1.17.3 succeeds
