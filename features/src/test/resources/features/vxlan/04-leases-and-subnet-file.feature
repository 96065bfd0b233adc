@vxlan
Feature: VXLAN: leases in etcd and the subnet file
  Each node leases its subnet under <prefix>/subnets/<a.b.c.d>-<len>, as JSON naming its public IP, the
  backend and, for vxlan, the VNI and its VTEP MAC, with a 24 hour TTL. It writes what Docker needs
  into its subnet file: the network, its subnet's first address, the MTU and whether it masquerades.

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

  @R-VXLAN-LEASE-01 @must
  Scenario: one lease per node, Flannel's key and JSON
    Source: flannel-behaviour.md §1.2 Keys ; flannel-behaviour.md §1.4 Lease value JSON
    Then etcd holds exactly these leases:
      | key                                      | value                                                                                                                |
      | /coreos.com/network/subnets/10.1.15.0-24 | {"PublicIP":"10.168.0.2","PublicIPv6":null,"BackendType":"vxlan","BackendData":{"VNI":1,"VtepMAC":"${node1.vtep.mac}"}} |
      | /coreos.com/network/subnets/10.1.16.0-24 | {"PublicIP":"10.168.0.3","PublicIPv6":null,"BackendType":"vxlan","BackendData":{"VNI":1,"VtepMAC":"${node2.vtep.mac}"}} |

  @R-VXLAN-LEASE-02 @should
  Scenario: every lease is granted Flannel's 24-hour TTL
    Source: flannel-behaviour.md §1.5 Lease TTL, creation, renewal
    Then every lease has a TTL between 86000 and 86400 seconds

  @R-VXLAN-SUBNETFILE-01 @must
  Scenario: node1's subnet file
    Source: flannel-behaviour.md §3 subnet.env ; flannel-behaviour.md §4.3 MTU
    Then node1's subnet file is exactly:
      """
      FLANNEL_NETWORK=10.1.0.0/16
      FLANNEL_SUBNET=10.1.15.1/24
      FLANNEL_MTU=1450
      FLANNEL_IPMASQ=false
      """
