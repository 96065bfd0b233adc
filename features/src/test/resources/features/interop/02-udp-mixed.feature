@udp @interop
Feature: Mixed clusters, udp: the reference flanneld and the implementation under test carry each other's traffic
  With the udp backend flanneld itself is the data path: each node's flanneld reads the packets routed
  into its TUN device flannel0 and sends each one, unchanged but for its TTL, as the whole payload of a
  UDP datagram from port 8285 to port 8285 of the node that owns the destination subnet, whose flanneld
  writes it into its own flannel0. Two implementations meet in that datagram: here node1 runs one and
  node2 the other, then the other way round; each node's echo request is checked field by field as it
  leaves, then that the other node answered it, then the answer as it arrives. The reference flanneld is
  named by -Dflannel.reference, the implementation under test by -Dflannel.impl (by default both are the
  reference flanneld).

  Background:
    Given a topology:
      | host  | segment  | address        |
      | node1 | underlay | 10.168.0.2/24  |
      | node2 | underlay | 10.168.0.3/24  |
      | etcd  | underlay | 10.168.0.10/24 |
    And the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.16.0", "Backend": {"Type": "udp"}}
      """
    And node1 remembers the subnet 10.1.15.0/24 and node2 remembers 10.1.16.0/24

  @R-INTEROP-UDP-01 @must
  Scenario Outline: node1 runs <node1's flanneld>, node2 <node2's flanneld>: pods reach each other both ways, in UDP datagrams of one format
    Source: seed: "sends each one to the peer node inside a UDP datagram, and the peer writes it into its own TUN device" ; flannel-behaviour.md §5 udp backend

    Given node1 runs <node1's flanneld> and node2 <node2's flanneld>
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3
    When packets are captured on node1:eth0
    And container-1 pings 10.1.16.3 once
    Then on node1:eth0 a frame matches the udp echo request from node1 to node2
    And the ping succeeds
    And on node1:eth0 a frame matches the udp echo reply from node2 to node1
    When packets are captured on node2:eth0
    And container-2 pings 10.1.15.2 once
    Then on node2:eth0 a frame matches the udp echo request from node1 to node2, but for:
      | layer          | field       | expected       |
      | outer ethernet | destination | node1.eth0.mac |
      | outer ethernet | source      | node2.eth0.mac |
      | outer ipv4     | source      | 10.168.0.3     |
      | outer ipv4     | destination | 10.168.0.2     |
      | inner ipv4     | source      | 10.1.16.3      |
      | inner ipv4     | destination | 10.1.15.2      |
    And the ping succeeds
    And on node2:eth0 a frame matches the udp echo reply from node2 to node1, but for:
      | layer          | field       | expected       |
      | outer ethernet | destination | node2.eth0.mac |
      | outer ethernet | source      | node1.eth0.mac |
      | outer ipv4     | source      | 10.168.0.2     |
      | outer ipv4     | destination | 10.168.0.3     |
      | inner ipv4     | source      | 10.1.15.2      |
      | inner ipv4     | destination | 10.1.16.3      |

    Examples:
      | node1's flanneld        | node2's flanneld        |
      | the reference flanneld  | the flanneld under test |
      | the flanneld under test | the reference flanneld  |
