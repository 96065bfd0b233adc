@udp
Feature: UDP backend: a TUN device hands IP packets to flanneld, which sends them in UDP datagrams
  The seed: a TUN device is a virtual network device working at layer 3; it passes IP packets between
  the kernel and a user-space program. Flannel's udp backend reads the packets routed into its TUN
  device flannel0, sends each one to the node that owns the destination subnet inside a UDP datagram
  (port 8285), and that node writes it into its own flannel0. Each of the two routing steps and
  flanneld itself take one from the TTL.

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
    And flanneld is running on node1 and node2
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3

  @R-UDP-TUN-01 @must
  Scenario: the echo request on flannel0 is a bare IP packet, with no Ethernet header
    Source: seed: "A TUN device is a virtual network device working at layer 3" ; seed: "it passes IP packets between the operating-system kernel and a user-space program" ; flannel-behaviour.md §5 udp backend
    When packets are captured on node1:flannel0
    And container-1 pings 10.1.16.3 once
    Then the ping succeeds
    And on node1:flannel0 a frame matches:
      | layer | field           | expected  |
      | ipv4  | version         | 4         |
      | ipv4  | ihl             | 5         |
      | ipv4  | total_length    | 84        |
      | ipv4  | flags.mf        | 0         |
      | ipv4  | fragment_offset | 0         |
      | ipv4  | ttl             | 63        |
      | ipv4  | protocol        | 1         |
      | ipv4  | header_checksum | valid     |
      | ipv4  | source          | 10.1.15.2 |
      | ipv4  | destination     | 10.1.16.3 |
      | icmp  | type            | 8         |
      | icmp  | code            | 0         |
      | icmp  | checksum        | valid     |
      | icmp  | sequence        | 1         |
    And node1:flannel0 is a TUN device, not a TAP, and its capture has link type raw IP

  @R-UDP-WIRE-01 @must
  Scenario: on node1's eth0 the same packet rides in a UDP datagram to node2, port 8285 both ways
    Source: seed: "sends each one to the peer node inside a UDP datagram" ; flannel-behaviour.md §5 udp backend
    When packets are captured on node1:flannel0, node1:eth0 and container-2:eth0
    And container-1 pings 10.1.16.3 once
    Then the ping succeeds
    And on node1:eth0 a frame matches the udp echo request from node1 to node2
    And the inner IPv4 packet on node1:eth0 is the one on node1:flannel0, byte for byte, but for its TTL, decremented by 1, and its header checksum
    And on node1:eth0 every frame of the echo request is encapsulated, exactly once
    And on container-2:eth0 a frame matches:
      | layer    | field       | expected          |
      | ethernet | source      | node2.docker0.mac |
      | ipv4     | ttl         | 60                |
      | ipv4     | source      | 10.1.15.2         |
      | ipv4     | destination | 10.1.16.3         |
      | icmp     | type        | 8                 |

  @R-UDP-MTU-01 @must
  Scenario: a DF packet of exactly FLANNEL_MTU bytes crosses whole
    Source: flannel-behaviour.md §5 udp backend ; flannel-behaviour.md §3 subnet.env
    When packets are captured on node1:eth0
    And container-1 pings 10.1.16.3 with 1472-byte packets and DF set
    Then the ping succeeds
    And on node1:eth0 a frame matches:
      | layer      | field           | expected |
      | outer ipv4 | total_length    | 1500     |
      | outer ipv4 | flags.mf        | 0        |
      | outer ipv4 | fragment_offset | 0        |
      | outer udp  | length          | 1480     |
      | inner ipv4 | total_length    | 1472     |
      | inner ipv4 | flags.df        | 1        |

  @R-UDP-ICMP-01 @should
  Scenario: a datagram to an address in no node's subnet is answered with ICMP net unreachable, from flannel0's address
    Source: flannel-behaviour.md §5 udp backend
    When packets are captured on node1:flannel0 and node1:eth0
    And container-1 sends a UDP datagram to 10.1.99.3 port 5000
    And container-1 pings 10.1.16.3 once
    Then the ping to 10.1.16.3 succeeds
    And on node1:flannel0 a frame matches:
      | layer | field       | expected  |
      | ipv4  | source      | 10.1.15.0 |
      | ipv4  | destination | 10.1.15.2 |
      | ipv4  | protocol    | 1         |
      | icmp  | type        | 3         |
      | icmp  | code        | 0         |
      | icmp  | checksum    | valid     |
    And the ICMP error on node1:flannel0 quotes the datagram to 10.1.99.3 as it was captured there: its IPv4 header and the first 8 bytes of its payload, byte for byte
    And on node1:eth0 no frame matches:
      | layer      | field       | expected  |
      | inner ipv4 | destination | 10.1.99.3 |

  @R-UDP-ICMP-02 @may
  Scenario: a ping to an address in no node's subnet is answered with ICMP net unreachable too
    The reference answers ICMP queries as well; Flannel's udp proxy sends no ICMP error about any ICMP
    message, so with Flannel this ping just goes unanswered.
    Source: flannel-behaviour.md §5 udp backend
    When packets are captured on node1:flannel0 and node1:eth0
    And container-1 pings 10.1.99.3 once
    And container-1 pings 10.1.16.3 once
    Then the ping to 10.1.99.3 fails with "Destination Net Unreachable"
    And the ping to 10.1.16.3 succeeds
    And on node1:eth0 no frame matches:
      | layer      | field       | expected  |
      | inner ipv4 | destination | 10.1.99.3 |
