@scale @udp
Feature: Scale: N nodes on udp
  N nodes (20 unless -Dflannel.scale.nodes says otherwise; each scenario's line and log say which N ran)
  start flanneld at once. With udp every node's kernel routes the whole network to flannel0 and the
  peers live in each agent's proxy, so only reachability shows them: every pod pings every other pod
  once (N × (N − 1) echo requests, and again for a pair left unanswered until the bound), which judges every agent's table of peers. A lease that goes is not
  judged here: its owner exits on losing it (Flannel does), which takes its pod off the air whatever the
  others do.

  Background:
    Given N nodes and a spare node on one underlay
    And the network config is:
      """
      {"Network": "10.1.0.0/16", "Backend": {"Type": "udp"}}
      """
    And node k remembers the subnet 10.1.k.0/24, for every k from 1 to N
    And flanneld is started on all N nodes at once

  @R-SCALE-UDP-REACH-01 @must
  Scenario: every pod reaches every other pod
    Source: flannel-behaviour.md §5 udp backend
    Given a pod on every node
    Then within 10 seconds every pod gets an answer from every other pod

  @R-SCALE-UDP-JOIN-01 @must
  Scenario: a node that joins N running nodes reaches and is reached by every one of them
    Source: flannel-behaviour.md §5 udp backend ; flannel-behaviour.md §1.6 Acquisition algorithm / reacquiring after restart
    Given a pod on every node
    When flanneld starts on the spare node
    And a pod on the spare node
    Then within 10 seconds every pod gets an answer from every other pod
