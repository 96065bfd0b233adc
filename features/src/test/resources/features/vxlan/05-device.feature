@vxlan
Feature: VXLAN: the flannel.1 device
  flannel.<VNI> is a kernel VXLAN device with the node's public IP as its local address on the
  underlay interface, learning off (flannel programs every entry itself), the kernel's VXLAN port
  8472 by default, an MTU 50 bytes below the underlay's (the VXLAN overhead), and as its only
  address its subnet's network address as a /32, so that no broadcast route is created.

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

  @R-VXLAN-DEVICE-01 @must
  Scenario: flannel.1 on node1, over a 1500-byte underlay
    Source: flannel-behaviour.md §4.2 Device ; flannel-behaviour.md §4.3 MTU ; flannel-behaviour.md §4.1 Config (Backend object)
    Then node1's eth0 has MTU 1500
    And node1 has a device flannel.1 with:
      | attribute | value        |
      | type      | vxlan        |
      | vni       | 1            |
      | local     | 10.168.0.2   |
      | dev       | eth0         |
      | dstport   | 8472         |
      | mtu       | 1450         |
      | ipv4      | 10.1.15.0/32 |
      | state     | up           |
    And node1's flannel.1 MAC is the VtepMAC of the lease 10.1.15.0/24
    Given container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3
    When packets are captured on node1:eth0
    And container-1 pings 10.1.16.3 once
    Then the ping succeeds
    And every VXLAN frame node1 sends on node1:eth0 has node1's flannel.1 MAC as its inner source

  @R-VXLAN-DEVICE-02 @should
  Scenario: flannel.1 on node1 does not learn, and its MAC is locally administered
    Source: flannel-behaviour.md §4.1 Config (Backend object) ; flannel-behaviour.md §4.2 Device ; flannel-behaviour.md §4.4 VTEP MAC
    Then node1 has a device flannel.1 with:
      | attribute | value                        |
      | learning  | off                          |
      | mac       | locally administered unicast |
