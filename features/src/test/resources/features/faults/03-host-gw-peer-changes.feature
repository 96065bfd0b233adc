@faults @host-gw
Feature: host-gw: a peer's lease changed in place
  A node that reboots loses the routes its agent programmed; its agent finds its lease again and programs
  them anew. A lease whose PublicIP changes moves the route to the subnet to the new next hop.

  Background:
    Given a topology:
      | host  | segment  | address        |
      | node1 | underlay | 10.168.0.2/24  |
      | node2 | underlay | 10.168.0.3/24  |
      | node3 | underlay | 10.168.0.4/24  |
      | etcd  | underlay | 10.168.0.10/24 |
    And the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.17.0", "Backend": {"Type": "host-gw"}}
      """
    And node1 remembers the subnet 10.1.15.0/24 and node2 remembers 10.1.16.0/24
    And flanneld is running on node1 and node2
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3

  @R-HOSTGW-PEERCHANGE-01 @must
  Scenario: node2 reboots: it routes node1's subnet again, and pods reach each other again
    Source: flannel-behaviour.md §6 host-gw backend ; flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart
    When node2 reboots
    Then node2's routing table has:
      | Destination | Gateway    | Genmask       | Flags | Iface |
      | 10.1.15.0   | 10.168.0.2 | 255.255.255.0 | UG    | eth0  |
    And within 10 seconds a ping from container-1 to 10.1.16.3 succeeds

  @R-HOSTGW-PEERCHANGE-02 @must
  Scenario: a PublicIP written by hand into node2's lease moves node1's route to the new next hop
    Source: flannel-behaviour.md §6 host-gw backend ; flannel-behaviour.md §1.4 Lease value JSON
    When the lease 10.1.16.0/24 is rewritten with PublicIP 10.168.0.4
    Then within 10 seconds node1's routing table has:
      | Destination | Gateway    | Genmask       | Flags | Iface |
      | 10.1.16.0   | 10.168.0.4 | 255.255.255.0 | UG    | eth0  |
