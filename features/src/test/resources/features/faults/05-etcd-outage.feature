@faults
Feature: etcd goes away for a while
  etcd restarts, fails over or is cut off: the agents must ride it out. The kernel keeps the data path
  they programmed (and udp's flanneld keeps its own), so pods keep talking; once etcd is back, a node
  that joins and a node that leaves are programmed and removed on the others, as if nothing happened.
  An agent that exits when etcd is unreachable for a moment takes its node out with it.

  Background:
    Given a topology:
      | host  | segment  | address        |
      | node1 | underlay | 10.168.0.2/24  |
      | node2 | underlay | 10.168.0.3/24  |
      | node3 | underlay | 10.168.0.4/24  |
      | etcd  | underlay | 10.168.0.10/24 |
    And node1 remembers the subnet 10.1.15.0/24 and node2 remembers 10.1.16.0/24

  @R-ETCD-OUTAGE-01 @must
  Scenario Outline: <backend>: etcd is down for 12 seconds; the agents stay, pods keep pinging, and later joins and leaves arrive
    Source: flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart ; flannel-behaviour.md §1.5 Lease TTL, creation, renewal
    Given the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.17.0", "Backend": {"Type": "<backend>"}}
      """
    And flanneld is running on node1 and node2
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3
    When container-1 starts pinging 10.1.16.3 five times a second
    And etcd stops
    And 12 seconds pass
    And etcd starts again
    Then flanneld on node1 is still running
    And flanneld on node2 is still running
    And container-1's pings to 10.1.16.3 all got through
    When flanneld starts on node3
    And container-3 runs on node3 at 10.1.17.3
    Then within 15 seconds a ping from container-1 to 10.1.17.3 succeeds
    When the lease 10.1.17.0/24 is deleted from etcd
    Then <node1 forgets node3>

    @vxlan
    Examples:
      | backend | node1 forgets node3                                                                |
      | vxlan   | within 10 seconds node1 has no route, neighbour or FDB entry left for 10.1.17.0/24 |

    @host-gw
    Examples:
      | backend | node1 forgets node3                                       |
      | host-gw | within 10 seconds node1 has no route left to 10.1.17.0/24 |

    @udp
    Examples:
      | backend | node1 forgets node3                                                                                                 |
      | udp     | within 10 seconds no datagram on node1:eth0 carries a ping from container-1 to 10.1.17.3, next to one to 10.168.0.4 |

  @R-ETCD-COMPACT-01 @must @vxlan
  Scenario: etcd's history compacted past what the agents watched, and etcd restarted: a later join still arrives
    Source: flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart
    Given the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.17.0", "Backend": {"Type": "vxlan"}}
      """
    And flanneld is running on node1 and node2
    When etcd's history is compacted past what the agents have seen, and etcd restarts
    And flanneld starts on node3
    Then node1's neighbours on flannel.1 are exactly:
      | address   | lladdr         | state     |
      | 10.1.16.0 | node2.vtep.mac | PERMANENT |
      | 10.1.17.0 | node3.vtep.mac | PERMANENT |

  @R-ETCD-COMPACT-02 @may @vxlan
  Scenario: etcd's history compacted past what the agents watched, and etcd restarted: a later leave is removed within 10 seconds
    Source: flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart
    Given the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.17.0", "Backend": {"Type": "vxlan"}}
      """
    And flanneld is running on node1 and node2
    When etcd's history is compacted past what the agents have seen, and etcd restarts
    And the lease 10.1.16.0/24 is deleted from etcd
    Then within 10 seconds node1 has no route, neighbour or FDB entry left for 10.1.16.0/24
