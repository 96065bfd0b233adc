@faults @vxlan
Feature: a network config that cannot work
  The network config is written by hand, and a typo must not cost a cluster more than the time to fix it:
  an agent that meets a config it cannot use leases nothing and programs nothing. Flannel polls for a
  config it can read once a second, so a corrected config is taken up without a restart; a config it reads
  but cannot serve (an unknown backend, an empty subnet range) ends it, and an implementation may wait
  for a correction instead.

  Background:
    Given a topology:
      | host  | segment  | address        |
      | node1 | underlay | 10.168.0.2/24  |
      | etcd  | underlay | 10.168.0.10/24 |

  @R-CONFIG-BAD-01 @must
  Scenario Outline: a config that is <problem>: nothing is leased, and the corrected config is taken up
    Source: flannel-behaviour.md §1.3 Network config JSON ; flannel-behaviour.md §3 subnet.env
    Given the network config is:
      """
      <config>
      """
    When flanneld is started on node1
    Then for 5 seconds etcd holds no lease
    And flanneld on node1 is still running
    Given the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.16.0", "Backend": {"Type": "vxlan"}}
      """
    Then within 10 seconds flanneld on node1 is ready
    And node1's subnet file says FLANNEL_NETWORK=10.1.0.0/16

    Examples:
      | problem                          | config                                                                          |
      | not JSON                         | {"Network": "10.1.0.0/16", "Backend": {"Type": "vxlan"}                         |
      | without a Network                | {"SubnetLen": 24, "Backend": {"Type": "vxlan"}}                                 |
      | with a SubnetLen above /30       | {"Network": "10.1.0.0/16", "SubnetLen": 31, "Backend": {"Type": "vxlan"}}       |
      | with a SubnetMin outside Network | {"Network": "10.1.0.0/16", "SubnetMin": "10.2.0.0", "Backend": {"Type": "vxlan"}} |

  @R-CONFIG-BAD-02 @must
  Scenario Outline: a config <problem>: nothing is leased, whether the agent exits (Flannel) or waits
    Source: flannel-behaviour.md §1.3 Network config JSON ; flannel-behaviour.md §10 Code-reading observations worth pinning (or explicitly not pinning) in the harness
    Given the network config is:
      """
      <config>
      """
    When flanneld is started on node1
    And flanneld on node1 may exit
    Then for 5 seconds etcd holds no lease

    Examples:
      | problem                               | config                                                                                                 |
      | naming an unknown backend             | {"Network": "10.1.0.0/16", "Backend": {"Type": "geneve"}}                                              |
      | whose SubnetMin lies above its SubnetMax | {"Network": "10.1.0.0/16", "SubnetMin": "10.1.20.0", "SubnetMax": "10.1.10.0", "Backend": {"Type": "vxlan"}} |

  @R-CONFIG-BAD-03 @should
  Scenario Outline: the agent says what is wrong with a config <problem>, in Flannel's words
    Source: flannel-behaviour.md §1.3 Network config JSON
    Given the network config is:
      """
      <config>
      """
    When flanneld is started on node1
    And flanneld on node1 may exit
    Then within 5 seconds flanneld on node1 has logged "<message>"

    Examples:
      | problem                   | config                                                         | message                        |
      | that is not JSON          | {"Network": "10.1.0.0/16", "Backend": {"Type": "vxlan"}        | Couldn't fetch network config  |
      | naming an unknown backend | {"Network": "10.1.0.0/16", "Backend": {"Type": "geneve"}}      | Error fetching backend         |
