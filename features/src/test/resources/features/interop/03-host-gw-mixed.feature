@host-gw @interop
Feature: Mixed clusters, host-gw: the reference flanneld and the implementation under test route each other's subnets
  With host-gw nothing is encapsulated: each node routes the other's subnet via the other's IP, taken from
  the other's lease, and the pods' packets go on the wire as they are. Two implementations meet in the
  leases they write and read: here node1 runs one and node2 the other, then the other way round; each
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
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.16.0", "Backend": {"Type": "host-gw"}}
      """
    And node1 remembers the subnet 10.1.15.0/24 and node2 remembers 10.1.16.0/24

  @R-INTEROP-HOST-GW-01 @must
  Scenario Outline: node1 runs <node1's flanneld>, node2 <node2's flanneld>: pods reach each other both ways, in plain frames via each other's IP
    Source: seed: "the next hop for each destination subnet is the address of the node that owns it (node IP)" ; flannel-behaviour.md §6 host-gw backend

    Given node1 runs <node1's flanneld> and node2 <node2's flanneld>
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3
    When packets are captured on node1:eth0
    And container-1 pings 10.1.16.3 once
    Then on node1:eth0 a frame matches the host-gw echo request from node1 to node2
    And the ping succeeds
    And on node1:eth0 a frame matches:
      | layer    | field           | expected       |
      | ethernet | destination     | node1.eth0.mac |
      | ethernet | source          | node2.eth0.mac |
      | ethernet | ethertype       | 0x0800         |
      | ipv4     | total_length    | 84             |
      | ipv4     | ttl             | 63             |
      | ipv4     | protocol        | 1              |
      | ipv4     | header_checksum | valid          |
      | ipv4     | source          | 10.1.16.3      |
      | ipv4     | destination     | 10.1.15.2      |
      | icmp     | type            | 0              |
      | icmp     | checksum        | valid          |
      | icmp     | sequence        | 1              |
    When packets are captured on node2:eth0
    And container-2 pings 10.1.15.2 once
    Then on node2:eth0 a frame matches:
      | layer    | field           | expected       |
      | ethernet | destination     | node1.eth0.mac |
      | ethernet | source          | node2.eth0.mac |
      | ethernet | vlan            | absent         |
      | ethernet | ethertype       | 0x0800         |
      | ipv4     | version         | 4              |
      | ipv4     | ihl             | 5              |
      | ipv4     | dscp            | 0              |
      | ipv4     | ecn             | 0              |
      | ipv4     | total_length    | 84             |
      | ipv4     | identification  | any            |
      | ipv4     | flags.reserved  | 0              |
      | ipv4     | flags.mf        | 0              |
      | ipv4     | fragment_offset | 0              |
      | ipv4     | ttl             | 63             |
      | ipv4     | protocol        | 1              |
      | ipv4     | header_checksum | valid          |
      | ipv4     | source          | 10.1.16.3      |
      | ipv4     | destination     | 10.1.15.2      |
      | icmp     | type            | 8              |
      | icmp     | code            | 0              |
      | icmp     | checksum        | valid          |
      | icmp     | sequence        | 1              |
    And the ping succeeds
    And on node2:eth0 a frame matches:
      | layer    | field           | expected       |
      | ethernet | destination     | node2.eth0.mac |
      | ethernet | source          | node1.eth0.mac |
      | ethernet | ethertype       | 0x0800         |
      | ipv4     | total_length    | 84             |
      | ipv4     | ttl             | 63             |
      | ipv4     | protocol        | 1              |
      | ipv4     | header_checksum | valid          |
      | ipv4     | source          | 10.1.15.2      |
      | ipv4     | destination     | 10.1.16.3      |
      | icmp     | type            | 0              |
      | icmp     | checksum        | valid          |
      | icmp     | sequence        | 1              |

    Examples:
      | node1's flanneld        | node2's flanneld        |
      | the reference flanneld  | the flanneld under test |
      | the flanneld under test | the reference flanneld  |
