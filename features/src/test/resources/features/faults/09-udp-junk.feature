@faults @udp
Feature: udp: datagrams no peer sent
  flanneld's udp port is open to anything on the underlay. Datagrams that carry no IPv4 packet (random
  bytes, an IPv4 header cut short), a few thousand a second, must be dropped: the agent stays, and the
  pods' traffic goes on.

  Background:
    Given a topology:
      | host  | segment  | address        |
      | node1 | underlay | 10.168.0.2/24  |
      | node2 | underlay | 10.168.0.3/24  |
      | node3 | underlay | 10.168.0.4/24  |
      | etcd  | underlay | 10.168.0.10/24 |
    And the network config is:
      """
      {"Network": "10.1.0.0/16", "SubnetMin": "10.1.15.0", "SubnetMax": "10.1.16.0", "Backend": {"Type": "udp"}}
      """
    And node1 remembers the subnet 10.1.15.0/24 and node2 remembers 10.1.16.0/24
    And flanneld is running on node1 and node2
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3

  @R-UDP-JUNK-01 @must
  Scenario: random bytes and truncated IPv4 headers sent to node1's port 8285 are dropped; the pods keep pinging
    Source: flannel-behaviour.md §5 udp backend
    When container-1 starts pinging 10.1.16.3 five times a second
    And node3 sends 2000 datagrams of random bytes a second for 3 seconds to node1 port 8285
    And node3 sends 2000 datagrams of truncated IPv4 headers a second for 3 seconds to node1 port 8285
    Then flanneld on node1 is still running
    And container-1's pings to 10.1.16.3 lost at most 1
