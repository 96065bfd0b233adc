@vxlan
Feature: VXLAN: MTU
  Pods get FLANNEL_MTU, the underlay MTU less the 50 bytes of VXLAN encapsulation: a packet of exactly
  that size with DF set crosses unfragmented; one byte more is refused by the sender itself and never
  reaches the wire.

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

  @R-VXLAN-MTU-01 @must
  Scenario: a DF packet of exactly FLANNEL_MTU bytes crosses whole
    Source: flannel-behaviour.md §4.3 MTU ; flannel-behaviour.md §3 subnet.env
    When packets are captured on node1:eth0 and container-2:eth0
    And container-1 pings 10.1.16.3 with 1450-byte packets and DF set
    Then the ping succeeds
    And on node1:eth0 a frame matches:
      | layer      | field           | expected   |
      | outer ipv4 | total_length    | 1500       |
      | outer ipv4 | flags.mf        | 0          |
      | outer ipv4 | fragment_offset | 0          |
      | inner ipv4 | total_length    | 1450       |
      | inner ipv4 | flags.df        | 1          |
      | inner ipv4 | flags.mf        | 0          |
      | inner icmp | type            | 8          |
    And on container-2:eth0 a frame matches:
      | layer | field        | expected  |
      | ipv4  | total_length | 1450      |
      | ipv4  | source       | 10.1.15.2 |
      | icmp  | type         | 8         |

  @R-VXLAN-MTU-02 @must
  Scenario: one byte more is refused at the sender and never appears on the wire
    Source: flannel-behaviour.md §4.3 MTU ; flannel-behaviour.md §3 subnet.env
    When packets are captured on node1:eth0
    And container-1 pings 10.1.16.3 with 1451-byte packets and DF set
    And container-1 pings 10.1.16.3 with 1450-byte packets and DF set
    Then the 1451-byte ping fails at the sender with "message too long"
    And the 1450-byte ping succeeds
    And on node1:eth0 a frame matches:
      | layer      | field        | expected |
      | inner ipv4 | total_length | 1450     |
    And on node1:eth0 no frame matches:
      | layer      | field        | expected |
      | inner ipv4 | total_length | 1451     |
