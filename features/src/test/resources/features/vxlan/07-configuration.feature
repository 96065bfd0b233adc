@vxlan
Feature: VXLAN: VNI and port come from the network config
  Backend.VNI (default 1) names the device flannel.<VNI> and fills the VXLAN header; Backend.Port
  (default: the kernel's, 8472) is the outer UDP destination port.

  Background:
    Given a topology:
      | host  | segment  | address        |
      | node1 | underlay | 10.168.0.2/24  |
      | node2 | underlay | 10.168.0.3/24  |
      | etcd  | underlay | 10.168.0.10/24 |

  @R-VXLAN-CONFIG-01 @must
  Scenario Outline: <backend> gives <device> and VXLAN port <port> on the wire
    Source: flannel-behaviour.md §4.1 Config (Backend object) ; flannel-behaviour.md §4.2 Device
    Given the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.16.0", "Backend": <backend>}
      """
    And node1 remembers the subnet 10.1.15.0/24 and node2 remembers 10.1.16.0/24
    And flanneld is running on node1 and node2
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3
    When packets are captured on node1:eth0
    And container-1 pings 10.1.16.3 once
    Then the ping succeeds
    And node1 has a device <device> with:
      | attribute | value  |
      | type      | vxlan  |
      | vni       | <vni>  |
      | dstport   | <port> |
    And node1's routing table has:
      | Destination | Gateway   | Genmask       | Flags | Iface    | Options |
      | 10.1.16.0   | 10.1.16.0 | 255.255.255.0 | UG    | <device> | onlink  |
    And on node1:eth0, decoding VXLAN on port <port>, a frame matches:
      | layer      | field            | expected  |
      | outer udp  | destination_port | <port>    |
      | vxlan      | vni              | <vni>     |
      | inner ipv4 | destination      | 10.1.16.3 |

    Examples:
      | backend                                        | device       | vni  | port |
      | {"Type": "vxlan"}                              | flannel.1    | 1    | 8472 |
      | {"Type": "vxlan", "VNI": 4096, "Port": 4789}   | flannel.4096 | 4096 | 4789 |
