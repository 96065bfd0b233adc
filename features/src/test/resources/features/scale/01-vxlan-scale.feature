@scale @vxlan
Feature: Scale: N nodes on vxlan
  N nodes (20 unless -Dflannel.scale.nodes says otherwise; each scenario's line and log say which N ran)
  start flanneld at once. Every node must program every other node's lease, its pods must reach every
  other node's pods, and a node that joins or leaves must be programmed or removed on every node, within
  the bounds each scenario states. Each node's kernel is read for the routes.

  Background:
    Given N nodes and a spare node on one underlay
    And the network config is:
      """
      {"Network": "10.1.0.0/16", "Backend": {"Type": "vxlan"}}
      """
    And node k remembers the subnet 10.1.k.0/24, for every k from 1 to N
    And flanneld is started on all N nodes at once

  @R-SCALE-VXLAN-ROUTES-01 @must
  Scenario: every node routes every other node's subnet through flannel.1
    Source: flannel-behaviour.md §4.5 Per remote lease: EventAdded ; flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart
    Then within 10 seconds every node routes every other node's subnet through flannel.1

  @R-SCALE-VXLAN-REACH-01 @must
  Scenario: a pod on node1 reaches a pod on every other node
    Source: flannel-behaviour.md §4.5 Per remote lease: EventAdded ; flannel-behaviour.md §4.7 Other
    Given a pod on every node
    Then within 10 seconds the pod on node1 gets an answer from every other pod

  @R-SCALE-VXLAN-JOIN-01 @must
  Scenario: a node that joins N running nodes is programmed on every one of them
    Source: flannel-behaviour.md §4.5 Per remote lease: EventAdded ; flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart
    When flanneld starts on the spare node
    Then within 10 seconds every node routes the spare node's subnet through flannel.1

  @R-SCALE-VXLAN-LEAVE-01 @must
  Scenario: a node whose lease goes is removed from every other node
    Source: flannel-behaviour.md §4.6 EventRemoved (lease deleted/expired)
    Given within 10 seconds every node routes every other node's subnet through flannel.1
    When the last node's lease is deleted from etcd
    Then within 10 seconds no other node routes the last node's subnet
