@scale @host-gw
Feature: Scale: N nodes on host-gw
  N nodes (20 unless -Dflannel.scale.nodes says otherwise; each scenario's line and log say which N ran)
  on one L2 underlay start flanneld at once. Every node must route every other node's subnet via that
  node's address, its pods must reach every other node's pods, and a node that joins or leaves must be
  routed or unrouted on every node, within the bounds each scenario states. Each node's kernel is read.

  Background:
    Given N nodes and a spare node on one underlay
    And the network config is:
      """
      {"Network": "10.1.0.0/16", "Backend": {"Type": "host-gw"}}
      """
    And node k remembers the subnet 10.1.k.0/24, for every k from 1 to N
    And flanneld is started on all N nodes at once

  @R-SCALE-HOSTGW-ROUTES-01 @must
  Scenario: every node routes every other node's subnet via that node
    Source: flannel-behaviour.md §6 host-gw backend ; flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart
    Then within 10 seconds every node routes every other node's subnet via that node

  @R-SCALE-HOSTGW-REACH-01 @must
  Scenario: a pod on node1 reaches a pod on every other node
    Source: flannel-behaviour.md §6 host-gw backend
    Given a pod on every node
    Then within 10 seconds the pod on node1 gets an answer from every other pod

  @R-SCALE-HOSTGW-JOIN-01 @must
  Scenario: a node that joins N running nodes is routed on every one of them
    Source: flannel-behaviour.md §6 host-gw backend ; flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart
    When flanneld starts on the spare node
    Then within 10 seconds every node routes the spare node's subnet via that node

  @R-SCALE-HOSTGW-LEAVE-01 @must
  Scenario: a node whose lease goes is unrouted on every other node
    Source: flannel-behaviour.md §6 host-gw backend
    Given within 10 seconds every node routes every other node's subnet via that node
    When the last node's lease is deleted from etcd
    Then within 10 seconds no other node routes the last node's subnet
