@faults @vxlan
Feature: Leases over time: renewal and revocation
  A lease lasts 24 hours and the agent renews it before it runs out: Flannel waits until the lease is due
  less its renew margin (-subnet-lease-renew-margin, in minutes, default 60), then grants a new 24-hour
  lease to the same key and value. A margin of 1439 minutes makes the lease due one minute after it was
  granted, so that the renewal can be seen in a test. A lease that disappears under a running agent is
  revoked: Flannel says so, shuts down with status 0, and takes no other subnet by itself. Both are the
  same code for every backend; they are judged on vxlan.

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

  @R-LEASE-RENEW-01 @must @slow
  Scenario: with a renew margin of 1439 minutes, each lease is renewed about a minute after it was granted, and pods never lose traffic
    Source: flannel-behaviour.md §1.5 Lease TTL, creation, renewal ; flannel-behaviour.md §9 Known user gotchas (candidate negative / regression scenarios)
    Given flanneld is running on node1 and node2 with --subnet-lease-renew-margin=1439
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3
    When container-1 starts pinging 10.1.16.3 five times a second
    Then within 90 seconds every lease is renewed, its value unchanged
    And container-1's pings to 10.1.16.3 all got through

  @R-LEASE-REVOKE-01 @must
  Scenario: a node's own lease deleted: its flanneld stops and takes no other subnet by itself
    Source: flannel-behaviour.md §1.5 Lease TTL, creation, renewal ; flannel-behaviour.md §10 Code-reading observations worth pinning (or explicitly not pinning) in the harness
    Given flanneld is running on node1 and node2
    When the lease 10.1.16.0/24 is deleted from etcd
    Then within 10 seconds flanneld on node2 exits
    And for 5 seconds etcd holds no lease with PublicIP 10.168.0.3

  @R-LEASE-REVOKE-02 @should
  Scenario: a revoked lease is said so, and the agent exits with status 0 as Flannel does
    Source: flannel-behaviour.md §1.5 Lease TTL, creation, renewal
    Given flanneld is running on node1 and node2
    When the lease 10.1.16.0/24 is deleted from etcd
    Then within 10 seconds flanneld on node2 has logged "Lease has been revoked"
    And within 10 seconds flanneld on node2 exits with status 0
