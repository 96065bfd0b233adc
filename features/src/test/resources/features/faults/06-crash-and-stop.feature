@faults
Feature: an agent crashes, or is stopped
  Killed with SIGKILL, an agent leaves its kernel state behind: vxlan's and host-gw's data paths are the
  kernel's and keep carrying pods' traffic; udp's is flanneld itself and stops. Started again, it takes the
  same subnet (its lease is found by its public IP) and, for vxlan, keeps its device and the device's MAC.
  Stopped with SIGTERM, as systemd or an operator stops it, it exits at once: Flannel takes milliseconds,
  and a node whose agent lingers holds up every rolling restart. The bound stated here is 5 seconds.

  Background:
    Given a topology:
      | host  | segment  | address        |
      | node1 | underlay | 10.168.0.2/24  |
      | node2 | underlay | 10.168.0.3/24  |
      | etcd  | underlay | 10.168.0.10/24 |
    And node1 remembers the subnet 10.1.15.0/24 and node2 remembers 10.1.16.0/24

  @R-CRASH-01 @must
  Scenario Outline: <backend>: flanneld on node2 killed with SIGKILL: the kernel keeps carrying the pods' traffic, and the agent started again takes the same subnet
    Source: flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart ; flannel-behaviour.md §4.2 Device ; flannel-behaviour.md §6 host-gw backend
    Given the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.16.0", "Backend": {"Type": "<backend>"}}
      """
    And flanneld is running on node1 and node2
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3
    When flanneld on node2 is killed with SIGKILL
    And container-1 pings 10.1.16.3 once
    Then the ping succeeds
    When flanneld on node2 starts again
    Then node2's subnet file says FLANNEL_SUBNET=10.1.16.1/24
    And within 10 seconds a ping from container-1 to 10.1.16.3 succeeds

    @vxlan
    Examples:
      | backend |
      | vxlan   |

    @host-gw
    Examples:
      | backend |
      | host-gw |

  @R-CRASH-02 @should @vxlan
  Scenario: vxlan: flanneld on node2 killed with SIGKILL and started again keeps flannel.1 and its MAC
    Source: flannel-behaviour.md §4.2 Device ; flannel-behaviour.md §4.4 VTEP MAC
    Given the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.16.0", "Backend": {"Type": "vxlan"}}
      """
    And flanneld is running on node1 and node2
    When flanneld on node2 is killed with SIGKILL
    And flanneld on node2 starts again
    Then node2 still has the subnet 10.1.16.0/24 and the same VTEP MAC

  @R-CRASH-03 @must @udp
  Scenario: udp: flanneld on node2 killed with SIGKILL: the pods' traffic stops, and comes back when it is started again
    Source: flannel-behaviour.md §5 udp backend
    Given the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.16.0", "Backend": {"Type": "udp"}}
      """
    And flanneld is running on node1 and node2
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3
    When flanneld on node2 is killed with SIGKILL
    And container-1 pings 10.1.16.3 once
    Then the ping fails
    When flanneld on node2 starts again
    Then node2's subnet file says FLANNEL_SUBNET=10.1.16.1/24
    And within 10 seconds a ping from container-1 to 10.1.16.3 succeeds

  @R-STOP-01 @must @vxlan
  Scenario: flanneld on node2 sent SIGTERM exits within 5 seconds
    Source: flannel-behaviour.md §1.5 Lease TTL, creation, renewal
    Given the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.16.0", "Backend": {"Type": "vxlan"}}
      """
    And flanneld is running on node1 and node2
    When flanneld on node2 is sent SIGTERM
    Then flanneld on node2 exits within 5000 milliseconds
