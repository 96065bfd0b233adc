@vxlan
Feature: VXLAN: what flannel programs on a node for each other node
  The seed, on node1: one route, one neighbour entry and one FDB entry per remote node, all three
  maintained by flannel. The MAC in them is node2's VTEP MAC, which node2 publishes in its lease.

      $ route -n
      Destination     Gateway         Genmask         Flags Metric Ref    Use Iface
      10.1.16.0       10.1.16.0       255.255.255.0   UG    0      0        0 flannel.1

      $ ip neigh show dev flannel.1
      10.1.16.0 lladdr 5e:f8:4f:00:e3:37 PERMANENT

      $ bridge fdb show flannel.1 | grep 5e:f8:4f:00:e3:37
      5e:f8:4f:00:e3:37 dev flannel.1 dst 10.168.0.3 self permanent

  Background:
    Given a topology:
      | host  | segment  | address        |
      | node1 | underlay | 10.168.0.2/24  |
      | node2 | underlay | 10.168.0.3/24  |
      | etcd  | underlay | 10.168.0.10/24 |
    And the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.16.0", "Backend": {"Type": "vxlan"}}
      """
    And node1 remembers the subnet 10.1.15.0/24 and node2 remembers 10.1.16.0/24
    And flanneld is running on node1 and node2

  @R-VXLAN-PEER-01 @must
  Scenario: node1's route, neighbour and FDB entry for node2's subnet, as the seed prints them
    Source: seed: "10.1.16.0 lladdr 5e:f8:4f:00:e3:37 PERMANENT" ; seed: "5e:f8:4f:00:e3:37 dev flannel.1 dst 10.168.0.3 self permanent" ; flannel-behaviour.md §4.5 Per remote lease: EventAdded ; flannel-behaviour.md §1.4 Lease value JSON
    Then node1's routing table has:
      | Destination | Gateway   | Genmask       | Flags | Iface     | Options |
      | 10.1.16.0   | 10.1.16.0 | 255.255.255.0 | UG    | flannel.1 | onlink  |
    And node1's neighbours on flannel.1 are exactly:
      | address   | lladdr         | state     |
      | 10.1.16.0 | node2.vtep.mac | PERMANENT |
    And node1's FDB entries on flannel.1 are exactly:
      | mac            | dst        | flags | state     |
      | node2.vtep.mac | 10.168.0.3 | self  | permanent |
    And node2.vtep.mac is the VtepMAC of the lease 10.1.16.0/24

  @R-VXLAN-PEER-02 @must
  Scenario: node2 holds the mirror image for node1's subnet
    Source: flannel-behaviour.md §4.5 Per remote lease: EventAdded ; flannel-behaviour.md §1.4 Lease value JSON
    Then node2's routing table has:
      | Destination | Gateway   | Genmask       | Flags | Iface     | Options |
      | 10.1.15.0   | 10.1.15.0 | 255.255.255.0 | UG    | flannel.1 | onlink  |
    And node2's neighbours on flannel.1 are exactly:
      | address   | lladdr         | state     |
      | 10.1.15.0 | node1.vtep.mac | PERMANENT |
    And node2's FDB entries on flannel.1 are exactly:
      | mac            | dst        | flags | state     |
      | node1.vtep.mac | 10.168.0.2 | self  | permanent |
    And node1.vtep.mac is the VtepMAC of the lease 10.1.15.0/24
