@vxlan
Feature: VXLAN: a node's flanneld restarts
  A restarted flanneld finds its lease by its public IP and its device still there: it keeps its
  subnet and its VTEP MAC, so the other nodes' entries stay right, and traffic flows again.

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
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3

  @R-VXLAN-RESTART-01 @must
  Scenario: flanneld on node2 is stopped and started again
    Source: flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart ; flannel-behaviour.md §4.5 Per remote lease: EventAdded
    When flanneld on node2 restarts
    Then node2.vtep.mac is the VtepMAC of the lease 10.1.16.0/24
    And node1's neighbours on flannel.1 are exactly:
      | address   | lladdr         | state     |
      | 10.1.16.0 | node2.vtep.mac | PERMANENT |
    When container-1 pings 10.1.16.3 once
    Then the ping succeeds

  @R-VXLAN-RESTART-02 @should
  Scenario: a restarted flanneld keeps its subnet and its VTEP MAC
    Source: flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart ; flannel-behaviour.md §4.2 Device ; flannel-behaviour.md §4.4 VTEP MAC
    When flanneld on node2 restarts
    Then node2 still has the subnet 10.1.16.0/24 and the same VTEP MAC
