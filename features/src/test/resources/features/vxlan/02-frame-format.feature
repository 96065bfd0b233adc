@vxlan
Feature: VXLAN: the frame on the wire, every header field
  The seed's frame diagram, outermost first: outer Ethernet, outer IPv4 (its destination "maintained
  by flannel"), outer UDP to the VXLAN port, the 8-byte VXLAN header (flags R R R R I R R R, 24 reserved
  bits, the 24-bit VNI, 8 reserved bits), the inner Ethernet header (its destination "the MAC of the
  gateway address configured by flannel, pushed by flannel to every node"), and the original packet.
  Fields the table does not name are still checked: lengths consistent, checksums valid (or zero where
  UDP over IPv4 allows it), reserved bits zero.

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

  @R-VXLAN-WIRE-01 @must
  Scenario: the echo request from 10.1.15.2 to 10.1.16.3 as it leaves node1 on eth0
    Source: seed: "Outer UDP header: source port, destination port = the VXLAN port, UDP length, UDP checksum" ; seed: "8 flag bits R R R R I R R R (only I set), 24 reserved bits, 24-bit VXLAN Network Identifier (VNI), 8 reserved bits" ; flannel-behaviour.md §4.1 Config (Backend object)
    When packets are captured on container-1:eth0 and node1:eth0
    And container-1 pings 10.1.16.3 once
    Then the ping succeeds
    And on node1:eth0 a frame matches the vxlan echo request from node1 to node2, compared with the echo request sent on container-1:eth0, but for:
      | layer      | field          | expected |
      | inner ipv4 | identification | as sent  |
      | inner ipv4 | flags.df       | as sent  |
      | inner icmp | identifier     | as sent  |
    And the inner IPv4 packet on node1:eth0 is the one on container-1:eth0, byte for byte, but for its TTL, decremented by 1, and its header checksum
    And on node1:eth0 every frame of the echo request is encapsulated, exactly once

  @R-VXLAN-WIRE-02 @must
  Scenario: the outer destination is node2's public IP from its lease, the inner destination node2's VTEP MAC
    Source: seed: "the destination IP is maintained by flannel" ; seed: "the destination MAC is the MAC of the gateway address configured by flannel, pushed by flannel to every node" ; flannel-behaviour.md §4.5 Per remote lease: EventAdded
    When packets are captured on node1:eth0
    And container-1 pings 10.1.16.3 once
    Then on node1:eth0 a frame matches:
      | layer          | field       | expected                      |
      | outer ipv4     | destination | lease(10.1.16.0/24).PublicIP  |
      | inner ethernet | destination | lease(10.1.16.0/24).VtepMAC   |
      | inner ipv4     | destination | 10.1.16.3                     |

  @R-VXLAN-WIRE-03 @must
  Scenario: a UDP datagram and a TCP connection from container-1 to container-2 take the same tunnel
    Source: seed: "Payload: Ethertype of the original payload, then the original Ethernet payload" ; flannel-behaviour.md §4.5 Per remote lease: EventAdded
    Given container-2 listens on TCP port 5201
    When packets are captured on node1:eth0
    And container-1 sends a UDP datagram to 10.1.16.3 port 5000
    And container-1 opens a TCP connection to 10.1.16.3 port 5201
    Then the TCP connection succeeds
    And on node1:eth0 a frame matches:
      | layer      | field            | expected  |
      | outer udp  | destination_port | 8472      |
      | vxlan      | vni              | 1         |
      | inner ipv4 | source           | 10.1.15.2 |
      | inner ipv4 | destination      | 10.1.16.3 |
      | inner ipv4 | protocol         | 17        |
      | inner udp  | destination_port | 5000      |
      | inner udp  | length           | 22        |
      | inner udp  | checksum         | valid     |
    And on node1:eth0 a frame matches:
      | layer      | field            | expected  |
      | outer udp  | destination_port | 8472      |
      | vxlan      | vni              | 1         |
      | inner ipv4 | protocol         | 6         |
      | inner tcp  | destination_port | 5201      |
      | inner tcp  | flags.syn        | 1         |
      | inner tcp  | flags.ack        | 0         |
      | inner tcp  | checksum         | valid     |
    And on node1:eth0 the outer UDP source port is the same for every frame of one inner flow
    And on node1:eth0 no two fragmentable outer IPv4 headers from one node to the other share an identification

  @R-VXLAN-WIRE-04 @should
  Scenario: the outer UDP source port is a hash of the inner flow: one port per flow, several flows several ports
    Source: seed: "Outer UDP header: source port, destination port = the VXLAN port, UDP length, UDP checksum" ; flannel-behaviour.md §4.2 Device
    When packets are captured on node1:eth0
    And container-1 sends two UDP datagrams to each of 10.1.16.3's ports 5001 to 5008, each pair from one socket
    Then on node1:eth0 the outer UDP source port is the same for every frame of one inner flow, and differs across the 8 UDP flows from 10.1.15.2 to 10.1.16.3
