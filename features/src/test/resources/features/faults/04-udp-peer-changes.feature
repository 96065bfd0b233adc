@faults @udp
Feature: udp: a peer's lease changed in place
  The udp backend keeps its peers in flanneld itself: a lease whose PublicIP changes must send the
  datagrams for that subnet to the new address. A rebooted node gets flannel0 back from its agent.

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

  @R-UDP-PEERCHANGE-01 @must
  Scenario: node2 reboots: pods reach each other again through its new flannel0
    Source: flannel-behaviour.md §5 udp backend ; flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart
    When node2 reboots
    Then within 10 seconds a ping from container-1 to 10.1.16.3 succeeds

  @R-UDP-PEERCHANGE-02 @must
  Scenario: a PublicIP written by hand into node2's lease sends node1's datagrams for that subnet to the new address
    Source: flannel-behaviour.md §5 udp backend ; flannel-behaviour.md §1.4 Lease value JSON
    When the lease 10.1.16.0/24 is rewritten with PublicIP 10.168.0.4
    Then within 10 seconds a ping from container-1 to 10.1.16.3 leaves node1:eth0 in a datagram to 10.168.0.4
