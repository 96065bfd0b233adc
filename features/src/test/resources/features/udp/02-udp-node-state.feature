@udp
Feature: UDP backend: what flannel sets up on a node, and what it publishes
  One route sends the whole network into flannel0; flannel0 has its subnet's network address as a /32
  and an MTU 28 bytes below the underlay's (IPv4 and UDP headers). The lease names only the public IP:
  the udp backend writes no BackendType.

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

  @R-UDP-NODE-01 @must
  Scenario: flannel0, its route, the leases and the subnet file
    Source: flannel-behaviour.md §5 udp backend ; flannel-behaviour.md §1.4 Lease value JSON ; flannel-behaviour.md §3 subnet.env
    Then node1 has a device flannel0 with:
      | attribute | value        |
      | type      | tun          |
      | mtu       | 1472         |
      | ipv4      | 10.1.15.0/32 |
      | state     | up           |
    And node1's routing table has:
      | Destination | Gateway | Genmask     | Flags | Iface    | Options |
      | 10.1.0.0    | 0.0.0.0 | 255.255.0.0 | U     | flannel0 |         |
    And etcd holds exactly these leases:
      | key                                      | value                                    |
      | /coreos.com/network/subnets/10.1.15.0-24 | {"PublicIP":"10.168.0.2","PublicIPv6":null} |
      | /coreos.com/network/subnets/10.1.16.0-24 | {"PublicIP":"10.168.0.3","PublicIPv6":null} |
    And node1's subnet file is exactly:
      """
      FLANNEL_NETWORK=10.1.0.0/16
      FLANNEL_SUBNET=10.1.15.1/24
      FLANNEL_MTU=1472
      FLANNEL_IPMASQ=false
      """

  @R-UDP-LEASE-01 @should
  Scenario: every udp lease is granted Flannel's 24-hour TTL
    Source: flannel-behaviour.md §1.5 Lease TTL, creation, renewal
    Then every lease has a TTL between 86000 and 86400 seconds
