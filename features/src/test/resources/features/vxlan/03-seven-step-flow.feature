@vxlan
Feature: VXLAN: the seven steps of the seed, hop by hop
  The seed, for 10.1.15.2 (container-1 on node1) sending to 10.1.16.3 (on node2):
  1. container-1's packet is routed from docker0 to flannel.1;
  2. flannel.1 encapsulates it;
  3. it takes the MAC of the gateway 10.1.16.0 from the neighbour entry for the inner Ethernet header;
  4. it adds the VXLAN header;
  5. then the UDP header, to the port flannel configured;
  6. the FDB turns the gateway MAC into node2's IP, the outer IPv4 destination;
  7. from there it is ordinary node-to-node traffic.
  The same packet is captured at every hop at once: each hop must show the header stack below, and
  the inner TTL drops by one at each routing step (node1, then node2).

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
    And flanneld is running on node1 and node2
    And container-1 runs on node1 at 10.1.15.2 and container-2 on node2 at 10.1.16.3

  @R-VXLAN-FLOW-01 @must
  Scenario: the echo request on its way out and the reply on its way back
    Source: seed: "container-1's IP packet is routed from docker0 to flannel.1" ; seed: "Through the FDB, the gateway MAC gives the IP of the destination node" ; seed: "From there it is ordinary node-to-node traffic." ; flannel-behaviour.md §4.5 Per remote lease: EventAdded
    When packets are captured on container-1:eth0, node1:docker0, node1:flannel.1, node1:eth0, node2:eth0, node2:flannel.1, node2:docker0, container-2:eth0
    And container-1 pings 10.1.16.3 once
    Then the ping succeeds
    And the echo request from 10.1.15.2 to 10.1.16.3 is seen at every hop as:
      | hop              | headers                                        | ethernet destination | outer ipv4 destination | vni | packet ttl |
      | container-1:eth0 | ethernet ipv4 icmp                             | node1.docker0.mac    |                        |     | 64         |
      | node1:docker0    | ethernet ipv4 icmp                             | node1.docker0.mac    |                        |     | 64         |
      | node1:flannel.1  | ethernet ipv4 icmp                             | node2.vtep.mac       |                        |     | 63         |
      | node1:eth0       | ethernet ipv4 udp vxlan ethernet ipv4 icmp     | node2.eth0.mac       | 10.168.0.3             | 1   | 63         |
      | node2:eth0       | ethernet ipv4 udp vxlan ethernet ipv4 icmp     | node2.eth0.mac       | 10.168.0.3             | 1   | 63         |
      | node2:flannel.1  | ethernet ipv4 icmp                             | node2.vtep.mac       |                        |     | 63         |
      | node2:docker0    | ethernet ipv4 icmp                             | container-2.eth0.mac |                        |     | 62         |
      | container-2:eth0 | ethernet ipv4 icmp                             | container-2.eth0.mac |                        |     | 62         |
    And the echo reply from 10.1.16.3 to 10.1.15.2 is seen at every hop as:
      | hop              | headers                                        | ethernet destination | outer ipv4 destination | vni | packet ttl |
      | container-2:eth0 | ethernet ipv4 icmp                             | node2.docker0.mac    |                        |     | 64         |
      | node2:docker0    | ethernet ipv4 icmp                             | node2.docker0.mac    |                        |     | 64         |
      | node2:flannel.1  | ethernet ipv4 icmp                             | node1.vtep.mac       |                        |     | 63         |
      | node2:eth0       | ethernet ipv4 udp vxlan ethernet ipv4 icmp     | node1.eth0.mac       | 10.168.0.2             | 1   | 63         |
      | node1:eth0       | ethernet ipv4 udp vxlan ethernet ipv4 icmp     | node1.eth0.mac       | 10.168.0.2             | 1   | 63         |
      | node1:flannel.1  | ethernet ipv4 icmp                             | node1.vtep.mac       |                        |     | 63         |
      | node1:docker0    | ethernet ipv4 icmp                             | container-1.eth0.mac |                        |     | 62         |
      | container-1:eth0 | ethernet ipv4 icmp                             | container-1.eth0.mac |                        |     | 62         |
    And on node1:eth0 every frame of the echo request is encapsulated, exactly once
    And on node1:eth0 every frame of the echo reply is encapsulated, exactly once
