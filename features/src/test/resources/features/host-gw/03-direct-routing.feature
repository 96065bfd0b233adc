@vxlan @direct-routing
Feature: VXLAN DirectRouting: host-gw routes to on-link peers, VXLAN to the others
  With "DirectRouting": true, a node routes the subnet of a peer on its own L2 segment via the peer's
  IP, unencapsulated, like host-gw, and reaches the others through flannel.1 as usual.

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
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.17.0", "Backend": {"Type": "vxlan", "DirectRouting": true}}
      """
    And node1 remembers the subnet 10.1.15.0/24 and node2 remembers 10.1.16.0/24
    And flanneld is running on node1 and node2
    And flanneld is running on node3
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3
    And container-3 runs on node3 at 10.1.17.3

  @R-VXLAN-DIRECT-01 @must
  Scenario: node1 reaches node2's pods directly and node3's through VXLAN
    Source: flannel-behaviour.md §4.5 Per remote lease: EventAdded ; flannel-behaviour.md §4.1 Config (Backend object)
    Then within 10 seconds node1's routing table has:
      | Destination | Gateway    | Genmask       | Flags | Iface     | Options |
      | 10.1.16.0   | 10.168.0.3 | 255.255.255.0 | UG    | eth0      |         |
      | 10.1.17.0   | 10.1.17.0  | 255.255.255.0 | UG    | flannel.1 | onlink  |
    When packets are captured on node1:eth0
    And container-1 pings 10.1.16.3 once
    Then the ping succeeds
    And on node1:eth0 a frame matches:
      | layer    | field       | expected       |
      | ethernet | destination | node2.eth0.mac |
      | ipv4     | source      | 10.1.15.2      |
      | ipv4     | destination | 10.1.16.3      |
      | icmp     | type        | 8              |
    When packets are captured on node1:eth0
    And container-1 pings 10.1.17.3 once
    Then the ping succeeds
    And on node1:eth0 a frame matches:
      | layer          | field            | expected        |
      | outer ethernet | destination      | router.eth0.mac |
      | outer ipv4     | destination      | 10.168.1.2      |
      | outer udp      | destination_port | 8472            |
      | vxlan          | vni              | 1               |
      | inner ipv4     | destination      | 10.1.17.3       |
      | inner icmp     | type             | 8               |
