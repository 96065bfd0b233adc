@host-gw @vxlan @two-networks
Feature: Two flannel networks side by side on the same nodes
  As Flannel's own functional test does ("multi"): a vxlan network under /vxlan/network and a host-gw
  network under /hostgw/network, each with its own flanneld and subnet file on every node. Both carry
  traffic, and each carries it its own way: encapsulated for vxlan, bare for host-gw, never the other.

  Background:
    Given a topology:
      | host  | segment  | address        |
      | node1 | underlay | 10.168.0.2/24  |
      | node2 | underlay | 10.168.0.3/24  |
      | etcd  | underlay | 10.168.0.10/24 |
    And the network config under /vxlan/network is:
      """
      {"Network": "10.11.0.0/16", "Backend": {"Type": "vxlan"}}
      """
    And the network config under /hostgw/network is:
      """
      {"Network": "10.12.0.0/16", "Backend": {"Type": "host-gw"}}
      """
    And flanneld for /vxlan/network is running on node1 and node2
    And flanneld for /hostgw/network is running on node1 and node2
    And node1 and node2 each hold the first address of their /vxlan/network subnet on a bridge br-vxlan
    And node1 and node2 each hold the first address of their /hostgw/network subnet on a bridge br-hostgw

  @R-MULTI-NET-01 @must
  Scenario: the vxlan network's traffic goes through VXLAN, and only through it
    Source: flannel-behaviour.md §2 flanneld command-line flags (non-Kubernetes use) ; flannel-behaviour.md §8.1 Docker functional suite
    When packets are captured on node2:eth0
    And node2 pings node1's first address in /vxlan/network from its own
    Then the ping succeeds
    And on node2:eth0 a frame matches:
      | layer      | field            | expected                              |
      | outer udp  | destination_port | 8472                                  |
      | vxlan      | vni              | 1                                     |
      | inner ipv4 | source           | node2 first address in /vxlan/network |
      | inner ipv4 | destination      | node1 first address in /vxlan/network |
    And on node2:eth0 no frame matches:
      | layer | field       | expected                              |
      | ipv4  | destination | node1 first address in /vxlan/network |

  @R-MULTI-NET-02 @must
  Scenario: the host-gw network's traffic goes bare to node1, and never through VXLAN
    Source: flannel-behaviour.md §2 flanneld command-line flags (non-Kubernetes use) ; flannel-behaviour.md §8.1 Docker functional suite
    Given node2 routes node1's /hostgw/network subnet via node1's address on eth0
    When packets are captured on node2:eth0
    And node2 pings node1's first address in /hostgw/network from its own
    Then the ping succeeds
    And on node2:eth0 a frame matches:
      | layer    | field       | expected                               |
      | ethernet | destination | node1.eth0.mac                         |
      | ipv4     | source      | node2 first address in /hostgw/network |
      | ipv4     | destination | node1 first address in /hostgw/network |
      | icmp     | type        | 8                                      |
    And on node2:eth0 no frame matches:
      | layer      | field       | expected                               |
      | inner ipv4 | destination | node1 first address in /hostgw/network |
