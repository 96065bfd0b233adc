@host-gw
Feature: host-gw requires the hosts to be layer-2 connected
  The seed, in bold: host-gw requires the cluster's hosts to be layer-2 connected. Here node3 sits on
  another segment, behind a router: node1 cannot route node3's subnet via node3's IP, which is not
  on-link, and the kernel refuses the route. node1's flanneld reports it and keeps running, traffic
  between their pods does not get through, while node1 and node2, on one segment, still work.

  Background:
    Given a topology:
      | host   | segment   | address        |
      | node1  | underlay  | 10.168.0.2/24  |
      | node2  | underlay  | 10.168.0.3/24  |
      | node3  | underlay2 | 10.168.1.2/24  |
      | router | underlay  | 10.168.0.1/24  |
      | router | underlay2 | 10.168.1.1/24  |
      | etcd   | underlay  | 10.168.0.10/24 |
    And the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.17.0", "Backend": {"Type": "host-gw"}}
      """
    And node1 remembers the subnet 10.1.15.0/24 and node2 remembers 10.1.16.0/24
    And flanneld is running on node1 and node2
    And flanneld is running on node3
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3
    And container-3 runs on node3 at 10.1.17.3

  @R-HOSTGW-L2-01 @must
  Scenario: node3 behind a router is unreachable through host-gw, node2 next door still is
    Source: seed: "host-gw requires the cluster's hosts to be layer-2 connected." ; flannel-behaviour.md §6 host-gw backend
    Then node3's subnet file says FLANNEL_SUBNET=10.1.17.1/24
    And node1's routing table has:
      | Destination | Gateway    | Genmask       | Flags | Iface | Options |
      | 10.1.16.0   | 10.168.0.3 | 255.255.255.0 | UG    | eth0  |         |
    And for 5 seconds node1 has no route to 10.1.17.0/24 via 10.168.1.2
    When container-1 pings 10.1.17.3 once
    Then the ping fails
    When container-1 pings 10.1.16.3 once
    Then the ping succeeds

  @R-HOSTGW-L2-02 @should
  Scenario: node1's flanneld reports the route it cannot add for node3 and keeps running
    A line that names node3's subnet counts only if node1's flanneld wrote no line of that kind (digits aside)
    for node2's subnet, which it did route: "Subnet added: 10.1.17.0/24" alone is routine, not a report.
    Source: flannel-behaviour.md §6 host-gw backend
    Then flanneld on node1 is still running, and its log says of 10.1.17.0/24 what it did not say of 10.1.16.0/24
