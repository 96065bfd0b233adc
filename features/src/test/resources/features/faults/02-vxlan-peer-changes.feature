@faults @vxlan
Feature: VXLAN: a peer's lease changed in place
  A node that reboots loses flannel.1; the new device gets a new MAC, which its agent writes into the same
  lease (same subnet, found again by its public IP). The other nodes must replace their neighbour and FDB
  entries for that subnet, or their traffic goes to a MAC that no longer exists (Flannel issues 1155, 1828).
  A lease rewritten by hand with another VtepMAC or PublicIP is followed the same way. Flannel adds the
  new FDB entry and leaves the old MAC's behind (harmless: no neighbour names that MAC any more); an
  implementation that removes it keeps the table true (a MAY, beyond Flannel).

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

  @R-VXLAN-PEERCHANGE-01 @must
  Scenario: node2 reboots: its new VTEP MAC replaces the old one in node1's neighbour and FDB entries
    Source: flannel-behaviour.md §4.5 Per remote lease: EventAdded ; flannel-behaviour.md §9 Known user gotchas (candidate negative / regression scenarios)
    When node2 reboots
    Then node2.vtep.mac is the VtepMAC of the lease 10.1.16.0/24
    And node1's neighbours on flannel.1 are exactly:
      | address   | lladdr         | state     |
      | 10.1.16.0 | node2.vtep.mac | PERMANENT |
    And node1's FDB entries on flannel.1 include:
      | mac            | dst        | flags | state     |
      | node2.vtep.mac | 10.168.0.3 | self  | permanent |
    And within 10 seconds a ping from container-1 to 10.1.16.3 succeeds

  @R-VXLAN-PEERCHANGE-02 @must
  Scenario: a VtepMAC and then a PublicIP written by hand into node2's lease are followed by node1
    Source: flannel-behaviour.md §4.5 Per remote lease: EventAdded ; flannel-behaviour.md §1.4 Lease value JSON
    When the lease 10.1.16.0/24 is rewritten with VtepMAC 0e:00:00:00:00:99
    Then node1's neighbours on flannel.1 are exactly:
      | address   | lladdr            | state     |
      | 10.1.16.0 | 0e:00:00:00:00:99 | PERMANENT |
    And node1's FDB entries on flannel.1 include:
      | mac               | dst        | flags | state     |
      | 0e:00:00:00:00:99 | 10.168.0.3 | self  | permanent |
    When the lease 10.1.16.0/24 is rewritten with PublicIP 10.168.0.9
    Then node1's FDB entries on flannel.1 include:
      | mac               | dst        | flags | state     |
      | 0e:00:00:00:00:99 | 10.168.0.9 | self  | permanent |

  @R-VXLAN-PEERCHANGE-03 @may
  Scenario: the old VTEP MAC's FDB entry goes when a peer's VtepMAC changes
    Source: flannel-behaviour.md §4.6 EventRemoved (lease deleted/expired) (vxlan_network.go L454-516)
    When the lease 10.1.16.0/24 is rewritten with VtepMAC 0e:00:00:00:00:99
    Then node1's FDB entries on flannel.1 are exactly:
      | mac               | dst        | flags | state     |
      | 0e:00:00:00:00:99 | 10.168.0.3 | self  | permanent |
