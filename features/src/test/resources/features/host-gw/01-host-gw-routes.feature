@host-gw
Feature: host-gw: plain routes to each node's subnet via that node's IP
  The seed: host-gw uses static routes; the next hop for each destination subnet is the address of the
  node that owns it, and flannel maintains the routes. Nothing is encapsulated: the pods' packet goes
  on the wire as it is, in a frame addressed to the next node, and pods get the underlay's full MTU.

  Background:
    Given a topology:
      | host  | segment  | address        |
      | node1 | underlay | 10.168.0.2/24  |
      | node2 | underlay | 10.168.0.3/24  |
      | node3 | underlay | 10.168.0.4/24  |
      | etcd  | underlay | 10.168.0.10/24 |
    And the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.17.0", "Backend": {"Type": "host-gw"}}
      """
    And node1 remembers the subnet 10.1.15.0/24 and node2 remembers 10.1.16.0/24
    And flanneld is running on node1 and node2
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3

  @R-HOSTGW-ROUTE-01 @must
  Scenario: each node routes the other's subnet via the other's IP; leases and subnet file
    Source: seed: "the next hop for each destination subnet is the address of the node that owns it (node IP)" ; flannel-behaviour.md §6 host-gw backend ; flannel-behaviour.md §1.4 Lease value JSON ; flannel-behaviour.md §3 subnet.env
    Then node1's routing table has:
      | Destination | Gateway    | Genmask       | Flags | Iface | Options |
      | 10.1.16.0   | 10.168.0.3 | 255.255.255.0 | UG    | eth0  |         |
    And node2's routing table has:
      | Destination | Gateway    | Genmask       | Flags | Iface | Options |
      | 10.1.15.0   | 10.168.0.2 | 255.255.255.0 | UG    | eth0  |         |
    And etcd holds exactly these leases:
      | key                                      | value                                                          |
      | /coreos.com/network/subnets/10.1.15.0-24 | {"PublicIP":"10.168.0.2","PublicIPv6":null,"BackendType":"host-gw"} |
      | /coreos.com/network/subnets/10.1.16.0-24 | {"PublicIP":"10.168.0.3","PublicIPv6":null,"BackendType":"host-gw"} |
    And node1's subnet file is exactly:
      """
      FLANNEL_NETWORK=10.1.0.0/16
      FLANNEL_SUBNET=10.1.15.1/24
      FLANNEL_MTU=1500
      FLANNEL_IPMASQ=false
      """

  @R-HOSTGW-WIRE-01 @must
  Scenario: the echo request leaves node1 unencapsulated, addressed to node2's eth0
    Source: seed: "It uses static routes" ; flannel-behaviour.md §6 host-gw backend
    When packets are captured on container-1:eth0 and node1:eth0
    And container-1 pings 10.1.16.3 once
    Then the ping succeeds
    And on node1:eth0 a frame matches the host-gw echo request from node1 to node2, compared with the echo request sent on container-1:eth0, but for:
      | layer | field          | expected         |
      | ipv4  | identification | as sent          |
      | ipv4  | flags.df       | as sent          |
      | ipv4  | ttl            | decremented by 1 |
    And on node1:eth0 every frame of the echo request is bare, exactly once
    And on node1:eth0 no frame matches:
      | layer     | field            | expected |
      | outer udp | destination_port | 8472     |
    And on node1:eth0 no frame matches:
      | layer     | field            | expected |
      | outer udp | destination_port | 8285     |

  @R-HOSTGW-MTU-01 @must
  Scenario: a full-size DF packet crosses whole: no encapsulation, no overhead
    Source: flannel-behaviour.md §6 host-gw backend ; flannel-behaviour.md §3 subnet.env
    When packets are captured on node1:eth0
    And container-1 pings 10.1.16.3 with 1500-byte packets and DF set
    Then the ping succeeds
    And on node1:eth0 a frame matches:
      | layer | field        | expected  |
      | ipv4  | total_length | 1500      |
      | ipv4  | flags.df     | 1         |
      | ipv4  | destination  | 10.1.16.3 |

  @R-HOSTGW-ROUTE-02 @should
  Scenario: a route someone deleted is put back
    Source: seed: "Flannel maintains the routes." ; flannel-behaviour.md §6 host-gw backend
    When someone deletes node1's route to 10.1.16.0/24
    Then within 15 seconds node1's routing table has:
      | Destination | Gateway    | Genmask       | Flags | Iface | Options |
      | 10.1.16.0   | 10.168.0.3 | 255.255.255.0 | UG    | eth0  |         |

  @R-HOSTGW-LEAVE-01 @must
  Scenario: a node leaves: its route goes
    Source: flannel-behaviour.md §6 host-gw backend
    Given node1's routing table has:
      | Destination | Gateway    | Genmask       | Flags | Iface | Options |
      | 10.1.16.0   | 10.168.0.3 | 255.255.255.0 | UG    | eth0  |         |
    When the lease 10.1.16.0/24 is deleted from etcd
    Then within 10 seconds node1 has no route left to 10.1.16.0/24

  @R-HOSTGW-JOIN-01 @must
  Scenario: a node joins: the others route its subnet without a restart
    Source: flannel-behaviour.md §6 host-gw backend ; flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart
    When flanneld starts on node3
    Then node3's subnet file says FLANNEL_SUBNET=10.1.17.1/24
    And within 10 seconds node1's routing table has:
      | Destination | Gateway    | Genmask       | Flags | Iface | Options |
      | 10.1.17.0   | 10.168.0.4 | 255.255.255.0 | UG    | eth0  |         |
    Given container-3 runs on node3 at 10.1.17.3
    Then within 10 seconds a ping from container-1 to 10.1.17.3 succeeds
