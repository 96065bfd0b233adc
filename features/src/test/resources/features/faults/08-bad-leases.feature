@faults @vxlan
Feature: values under subnets/ that are no lease
  Anyone with access to etcd can write under the prefix, and one bad value must not stop a node from
  programming its peers: a value that is not JSON, a lease without a PublicIP, a key that names no subnet.
  The agent says it skipped them and goes on.

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
    And flanneld is running on node1
    And container-1 runs on node1 at 10.1.15.2

  @R-LEASE-GARBAGE-01 @must
  Scenario: bad values under subnets/ do not stop node1 from programming node2, nor end its agent
    Source: flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart ; flannel-behaviour.md §1.4 Lease value JSON
    When these values are written under the network's prefix:
      | key                  | value                                                                                          |
      | subnets/10.1.20.0-24 | this is not JSON                                                                               |
      | subnets/10.1.21.0-24 | {"BackendType":"vxlan","BackendData":{"VNI":1,"VtepMAC":"0e:00:00:00:00:21"}}                  |
      | subnets/not-a-subnet | {"PublicIP":"10.168.0.9","BackendType":"vxlan","BackendData":{"VNI":1,"VtepMAC":"0e:00:00:00:00:22"}} |
    And flanneld starts on node2
    And container-2 runs on node2 at 10.1.16.3
    Then within 10 seconds a ping from container-1 to 10.1.16.3 succeeds
    And flanneld on node1 is still running

  @R-LEASE-GARBAGE-02 @may
  Scenario: a vxlan lease without a VtepMAC is skipped, and a valid peer written a second later is programmed at once
    Source: flannel-behaviour.md §4.5 Per remote lease: EventAdded
    When these values are written under the network's prefix:
      | key                  | value                                                         |
      | subnets/10.1.22.0-24 | {"PublicIP":"10.168.0.9","BackendType":"vxlan","BackendData":{"VNI":1}} |
    And flanneld starts on node2
    And container-2 runs on node2 at 10.1.16.3
    Then within 10 seconds a ping from container-1 to 10.1.16.3 succeeds
    And flanneld on node1 is still running
