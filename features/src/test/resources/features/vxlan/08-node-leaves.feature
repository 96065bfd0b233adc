@vxlan
Feature: VXLAN: a node leaves
  When a node's lease goes (deleted, or expired), every other node removes the route, the neighbour
  entry and the FDB entry it had for that node.

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

  @R-VXLAN-LEAVE-01 @must
  Scenario: node2's lease is deleted
    Source: flannel-behaviour.md §4.6 EventRemoved (lease deleted/expired)
    Given node1's routing table has:
      | Destination | Gateway   | Genmask       | Flags | Iface     | Options |
      | 10.1.16.0   | 10.1.16.0 | 255.255.255.0 | UG    | flannel.1 | onlink  |
    When the lease 10.1.16.0/24 is deleted from etcd
    Then within 10 seconds node1 has no route, neighbour or FDB entry left for 10.1.16.0/24
