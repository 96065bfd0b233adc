@scale @vxlan @direct-routing
Feature: Scale: N nodes on two segments with vxlan DirectRouting
  N nodes (20 unless -Dflannel.scale.nodes says otherwise; each scenario's line and log say which N ran)
  on two segments behind a router, odd-numbered nodes on one, even-numbered on the other, start
  flanneld at once with DirectRouting. Each node must route the subnets of the nodes on its own
  segment straight to them, and every other subnet through flannel.1; its pods reach every pod.

  Background:
    Given N nodes on two segments behind a router
    And the network config is:
      """
      {"Network": "10.1.0.0/16", "Backend": {"Type": "vxlan", "DirectRouting": true}}
      """
    And node k remembers the subnet 10.1.k.0/24, for every k from 1 to N
    And flanneld is started on all N nodes at once

  @R-SCALE-VXLAN-DIRECT-01 @must
  Scenario: every node routes its own segment's peers directly and the others through flannel.1, and node1's pod reaches every pod
    Source: flannel-behaviour.md §4.5 Per remote lease: EventAdded ; flannel-behaviour.md §4.1 Config (Backend object)
    Then within 10 seconds every node routes its own segment's subnets via their node and the others' through flannel.1
    And a pod on every node
    And within 10 seconds the pod on node1 gets an answer from every other pod
