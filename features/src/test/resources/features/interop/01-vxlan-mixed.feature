@vxlan @interop
Feature: Mixed clusters, vxlan: the reference flanneld and the implementation under test carry each other's traffic
  A cluster may run two implementations of flanneld side by side, during an upgrade or a migration. They
  share nothing but etcd's leases and the frames on the wire: each programs its node from the other's
  lease (public IP, VTEP MAC), and the frames its kernel then sends must be the ones the other node's
  kernel accepts. Here node1 runs one implementation and node2 the other, then the other way round; each
  node's echo request is checked field by field as it leaves, then that the other node answered it, then
  the answer as it arrives. The reference flanneld is named by -Dflannel.reference, the implementation
  under test by -Dflannel.impl (by default both are the reference flanneld).

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

  @R-INTEROP-VXLAN-01 @must
  Scenario Outline: node1 runs <node1's flanneld>, node2 <node2's flanneld>: pods reach each other both ways, in VXLAN frames of one format
    Source: seed: "the destination MAC is the MAC of the gateway address configured by flannel, pushed by flannel to every node" ; flannel-behaviour.md §4 vxlan backend (Linux)

    Given node1 runs <node1's flanneld> and node2 <node2's flanneld>
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3
    When packets are captured on node1:eth0
    And container-1 pings 10.1.16.3 once
    Then on node1:eth0 a frame matches the vxlan echo request from node1 to node2
    And the ping succeeds
    And on node1:eth0 a frame matches the vxlan echo reply from node2 to node1
    When packets are captured on node2:eth0
    And container-2 pings 10.1.15.2 once
    Then on node2:eth0 a frame matches the vxlan echo request from node1 to node2, but for:
      | layer          | field       | expected       |
      | outer ethernet | destination | node1.eth0.mac |
      | outer ethernet | source      | node2.eth0.mac |
      | outer ipv4     | source      | 10.168.0.3     |
      | outer ipv4     | destination | 10.168.0.2     |
      | inner ethernet | destination | node1.vtep.mac |
      | inner ethernet | source      | node2.vtep.mac |
      | inner ipv4     | source      | 10.1.16.3      |
      | inner ipv4     | destination | 10.1.15.2      |
    And the ping succeeds
    And on node2:eth0 a frame matches the vxlan echo reply from node2 to node1, but for:
      | layer          | field       | expected       |
      | outer ethernet | destination | node2.eth0.mac |
      | outer ethernet | source      | node1.eth0.mac |
      | outer ipv4     | source      | 10.168.0.2     |
      | outer ipv4     | destination | 10.168.0.3     |
      | inner ethernet | destination | node2.vtep.mac |
      | inner ethernet | source      | node1.vtep.mac |
      | inner ipv4     | source      | 10.1.15.2      |
      | inner ipv4     | destination | 10.1.16.3      |

    Examples:
      | node1's flanneld        | node2's flanneld        |
      | the reference flanneld  | the flanneld under test |
      | the flanneld under test | the reference flanneld  |
