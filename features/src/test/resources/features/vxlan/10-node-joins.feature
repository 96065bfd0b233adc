@vxlan
Feature: VXLAN: a third node joins later
  A node that joins leases a free subnet in [SubnetMin, SubnetMax]; the nodes already running learn
  it from etcd and program it without a restart.

  Background:
    Given a topology:
      | host  | segment  | address        |
      | node1 | underlay | 10.168.0.2/24  |
      | node2 | underlay | 10.168.0.3/24  |
      | node3 | underlay | 10.168.0.4/24  |
      | etcd  | underlay | 10.168.0.10/24 |
    And the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.17.0", "Backend": {"Type": "vxlan"}}
      """
    And node1 remembers the subnet 10.1.15.0/24 and node2 remembers 10.1.16.0/24
    And flanneld is running on node1 and node2

  @R-VXLAN-JOIN-01 @must
  Scenario: node3 joins and gets the only free subnet; node1 and node2 learn it
    Source: flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart ; flannel-behaviour.md §4.5 Per remote lease: EventAdded
    When flanneld starts on node3
    Then node3's subnet file says FLANNEL_SUBNET=10.1.17.1/24
    And within 10 seconds node1's routing table has:
      | Destination | Gateway   | Genmask       | Flags | Iface     | Options |
      | 10.1.16.0   | 10.1.16.0 | 255.255.255.0 | UG    | flannel.1 | onlink  |
      | 10.1.17.0   | 10.1.17.0 | 255.255.255.0 | UG    | flannel.1 | onlink  |
    And within 10 seconds node2's routing table has:
      | Destination | Gateway   | Genmask       | Flags | Iface     | Options |
      | 10.1.15.0   | 10.1.15.0 | 255.255.255.0 | UG    | flannel.1 | onlink  |
      | 10.1.17.0   | 10.1.17.0 | 255.255.255.0 | UG    | flannel.1 | onlink  |
    And node1's FDB entries on flannel.1 are exactly:
      | mac            | dst        | flags | state     |
      | node2.vtep.mac | 10.168.0.3 | self  | permanent |
      | node3.vtep.mac | 10.168.0.4 | self  | permanent |
    Given container-1 runs on node1 at 10.1.15.2 and container-3 on node3 at 10.1.17.3
    When container-1 pings 10.1.17.3 once
    Then the ping succeeds
