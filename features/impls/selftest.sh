#!/usr/bin/env bash
# Self-test of the shell flanneld and of its broken variants, on network namespaces.
#
#   sudo bash features/impls/selftest.sh            (root; needs etcd, etcdctl, iproute2, jq, ping)
#
# Topology (all in namespaces named fcimpl-*, nothing in the root namespace):
#   fcimpl-seg    bridge br0, the L2 segment
#   fcimpl-etcd   eth0 10.168.0.10/24, etcd on :2379
#   fcimpl-node1  eth0 10.168.0.2/24, shell flanneld, docker0 bridge with FLANNEL_SUBNET
#   fcimpl-node2  eth0 10.168.0.3/24, likewise
#   fcimpl-c1/c2  a container on node1's/node2's docker0 (<subnet>.2)
# Everything is removed on exit (also on failure or Ctrl-C); leftovers of a killed run are swept at start.

set -u
set -o pipefail

HERE=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
IMPL=$HERE/shell-flanneld/flanneld
BROKEN=$HERE/broken
P=fcimpl
NS_SEG=$P-seg NS_ETCD=$P-etcd NS_N1=$P-node1 NS_N2=$P-node2 NS_C1=$P-c1 NS_C2=$P-c2
ETCD_IP=10.168.0.10 N1_IP=10.168.0.2 N2_IP=10.168.0.3
EP=http://$ETCD_IP:2379
PREFIX=/coreos.com/network
CONFIG='{"Network":"10.1.0.0/16","SubnetMin":"10.1.15.0","SubnetMax":"10.1.16.0","Backend":{"Type":"vxlan"}}'
export ETCDCTL_API=3

PASS=0 FAIL=0
exec {OUT}>&1          # the real stdout, for messages printed from traps (which may run inside a redirection)
TMP=""
declare -A DPID=()     # node -> flanneld pid

say()  { printf '\n== %s\n' "$*"; }
ok()   { PASS=$((PASS + 1)); printf '  ok   %s\n' "$*"; }
bad()  { FAIL=$((FAIL + 1)); printf '  FAIL %s\n' "$*"; }
check() { local d=$1; shift; if "$@" >/dev/null 2>&1; then ok "$d"; else bad "$d"; fi; }
must()  { local d=$1; shift; if "$@" >/dev/null 2>&1; then ok "$d"; else bad "$d"; abort "cannot go on after: $d"; fi; }
abort() { printf '\nABORT: %s\n' "$*"; dump_logs; exit 1; }
wait_until() { # seconds cmd...
  local deadline=$(( SECONDS + $1 )); shift
  until "$@" >/dev/null 2>&1; do (( SECONDS >= deadline )) && return 1; sleep 0.2; done
}
nsx() { local ns=$1; shift; ip netns exec "$ns" "$@"; }
ectl() { nsx "$NS_ETCD" etcdctl --endpoints="http://127.0.0.1:2379" "$@"; }

# ------------------------------------------------------------------------------------------------
# cleanup: processes living in our namespaces (by pid), the namespaces, the temp dir
sweep() {
  local ns pid
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep "^$P-"); do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -TERM "$pid" 2>/dev/null; done
  done
  sleep 0.3
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep "^$P-"); do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
    ip netns del "$ns" 2>/dev/null
  done
  local d
  for d in /tmp/$P-selftest.*; do [[ -d "$d" ]] && rm -rf -- "$d"; done
}
cleanup() {
  trap - EXIT INT TERM
  local n
  for n in "${!DPID[@]}"; do kill -TERM "${DPID[$n]}" 2>/dev/null; done
  sweep
  printf '\ncleanup done\n' >&"$OUT"
}
trap cleanup EXIT
trap 'echo "interrupted" >&"$OUT"; exit 130' INT TERM

dump_logs() {
  local f
  [[ -n "$TMP" ]] || return 0
  for f in "$TMP"/*.log; do
    [[ -e "$f" ]] || continue
    printf -- '--- %s (last 40 lines)\n' "${f##*/}"; tail -n 40 "$f"
  done
}

# ------------------------------------------------------------------------------------------------
build_topology() {
  local ns
  for ns in "$NS_SEG" "$NS_ETCD" "$NS_N1" "$NS_N2" "$NS_C1" "$NS_C2"; do
    ip netns add "$ns" && ip -n "$ns" link set lo up || abort "netns $ns"
  done
  ip -n "$NS_SEG" link add br0 type bridge && ip -n "$NS_SEG" link set br0 up || abort "bridge"
  local spec name node addr
  for spec in "etcd:$NS_ETCD:$ETCD_IP" "n1:$NS_N1:$N1_IP" "n2:$NS_N2:$N2_IP"; do
    IFS=: read -r name node addr <<<"$spec"
    ip -n "$NS_SEG" link add "$name" type veth peer name eth0 netns "$node" || abort "veth $name"
    ip -n "$NS_SEG" link set "$name" master br0 up
    ip -n "$node" addr add "$addr/24" dev eth0
    ip -n "$node" link set eth0 up
  done
  nsx "$NS_N1" sysctl -qw net.ipv4.ip_forward=1
  nsx "$NS_N2" sysctl -qw net.ipv4.ip_forward=1
}

start_etcd() {
  nsx "$NS_ETCD" etcd --name "$P" --data-dir "$TMP/etcd" \
    --listen-client-urls "http://$ETCD_IP:2379,http://127.0.0.1:2379" --advertise-client-urls "http://$ETCD_IP:2379" \
    --listen-peer-urls "http://$ETCD_IP:2380" --initial-advertise-peer-urls "http://$ETCD_IP:2380" \
    --initial-cluster "$P=http://$ETCD_IP:2380" >"$TMP/etcd.log" 2>&1 &
  wait_until 20 ectl endpoint health || abort "etcd did not come up"
}

# start_flanneld node impl [extra env...]
start_flanneld() {
  local node=$1 impl=$2 ns ip
  case "$node" in node1) ns=$NS_N1 ip=$N1_IP ;; node2) ns=$NS_N2 ip=$N2_IP ;; esac
  printf '\n### start %s (%s)\n' "$impl" "$(date +%T)" >>"$TMP/$node.log"
  ip netns exec "$ns" "$impl" --etcd-endpoints="$EP" --etcd-prefix="$PREFIX" --iface=eth0 \
    --public-ip="$ip" --subnet-file="$TMP/$node/subnet.env" -v=1 >>"$TMP/$node.log" 2>&1 &
  DPID[$node]=$!
}
# stop_flanneld node -> returns the daemon's exit status (124 if it did not stop)
stop_flanneld() {
  local node=$1 pid=${DPID[$1]-} i
  [[ -n "$pid" ]] || return 0
  kill -TERM "$pid" 2>/dev/null
  for (( i = 0; i < 50; i++ )); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; wait "$pid" 2>/dev/null; unset "DPID[$node]"; return 124; fi
  wait "$pid"; local rc=$?
  unset "DPID[$node]"
  return $rc
}
alive() { kill -0 "${DPID[$1]}" 2>/dev/null; }
no_process_left() { [[ -z "$(ip netns pids "$1")" ]]; }

nodens() { case "$1" in node1) echo "$NS_N1" ;; node2) echo "$NS_N2" ;; esac; }
subnet_of() { sed -n 's/^FLANNEL_SUBNET=\(.*\)\.1\/24$/\1.0/p' "$TMP/$1/subnet.env" 2>/dev/null; }   # 10.1.15.0
vtep_mac() { ip -n "$(nodens "$1")" -j link show flannel.1 | jq -r '.[0].address'; }
lease_value() { ectl get "$PREFIX/subnets/$1-24" --print-value-only; }

# the three entries on node $1 for the peer subnet $2 with VtepMAC $3 and PublicIP $4
has_neigh() { ip -n "$(nodens "$1")" neigh show dev flannel.1 | grep -q "^$2 lladdr $3 PERMANENT"; }
has_fdb()   { bridge -n "$(nodens "$1")" fdb show dev flannel.1 | grep -q "^$3 dst $4 self permanent"; }
has_route() { ip -n "$(nodens "$1")" route show "$2/24" | grep -q "^$2/24 via $2 dev flannel.1 onlink"; }
has_all()   { has_neigh "$@" && has_fdb "$@" && has_route "$@"; }
has_none()  { ! has_neigh "$@" && ! has_fdb "$@" && ! has_route "$@"; }
neigh_any() { ip -n "$(nodens "$1")" neigh show dev flannel.1 | grep -q "^$2 "; }
fdb_any()   { bridge -n "$(nodens "$1")" fdb show dev flannel.1 | grep -q "dst $2 "; }
route_any() { ip -n "$(nodens "$1")" route show "$2/24" | grep -q "flannel.1"; }
none_left() { ! neigh_any "$1" "$2" && ! fdb_any "$1" "$3" && ! route_any "$1" "$2"; }

# a container namespace on a docker0 bridge of the node, as in Flannel's docker setups
attach_container() { # node containerns
  local ns; ns=$(nodens "$1")
  local sub; sub=$(subnet_of "$1"); local base=${sub%.0}
  ip -n "$ns" link add docker0 type bridge 2>/dev/null
  ip -n "$ns" addr replace "$base.1/24" dev docker0
  ip -n "$ns" link set docker0 up
  ip -n "$ns" link add veth0 type veth peer name eth0 netns "$2"
  ip -n "$ns" link set veth0 master docker0 up
  ip -n "$2" addr add "$base.2/24" dev eth0
  ip -n "$2" link set eth0 up
  ip -n "$2" route add default via "$base.1"
}
pings() { nsx "$1" ping -c 2 -W 2 "$2"; }
ping_df() { nsx "$1" ping -c 2 -W 2 -M do -s $(( $3 - 28 )) "$2"; }   # an IP packet of exactly $3 bytes
no_ping_df() { ! nsx "$1" ping -c 2 -W 1 -M do -s $(( $3 - 28 )) "$2"; }
no_ping() { ! nsx "$1" ping -c 2 -W 1 "$2"; }

# stop both daemons, remove devices, leases and subnet files: a fresh start for a variant
reset_nodes() {
  stop_flanneld node1; stop_flanneld node2
  ip -n "$NS_N1" link del flannel.1 2>/dev/null; ip -n "$NS_N2" link del flannel.1 2>/dev/null
  ectl del --prefix "$PREFIX/subnets/" >/dev/null
  rm -f "$TMP"/node1/subnet.env "$TMP"/node2/subnet.env
}
start_pair() { # impl-for-node1 impl-for-node2
  start_flanneld node1 "$1"; start_flanneld node2 "$2"
  wait_until 20 test -s "$TMP/node1/subnet.env" -a -s "$TMP/node2/subnet.env" || { bad "subnet files written"; return 1; }
  S1=$(subnet_of node1) S2=$(subnet_of node2)
  M1=$(vtep_mac node1) M2=$(vtep_mac node2)
}

# ------------------------------------------------------------------------------------------------
for tool in ip bridge etcd etcdctl jq ping; do command -v "$tool" >/dev/null || { echo "missing: $tool"; exit 1; }; done
[[ $EUID -eq 0 ]] || { echo "run as root"; exit 1; }
sweep
TMP=$(mktemp -d "/tmp/$P-selftest.XXXXXX")
mkdir -p "$TMP/node1" "$TMP/node2"

say "topology and etcd"
build_topology
start_etcd

say "no config yet: the daemon polls, and stops on SIGTERM"
start_flanneld node1 "$IMPL"
check "it logs 'Couldn't fetch network config' and keeps running" wait_until 10 grep -q "Couldn't fetch network config: flannel config not found in etcd store" "$TMP/node1.log"
check "still alive after 2 s" bash -c "sleep 2; kill -0 ${DPID[node1]}"
stop_flanneld node1; rc=$?
check "SIGTERM while polling: exit 0 (rc=$rc)" test "$rc" = 0
check "no process left in node1's namespace" no_process_left "$NS_N1"
must "network config written" ectl put "$PREFIX/config" "$CONFIG"

say "flags"
check "--version prints and exits 0" "$IMPL" --version
check "unknown flag: exit 1" bash -c "! '$IMPL' --no-such-flag 2>/dev/null"
check "unknown flag: one line on stderr" bash -c "[ \"\$('$IMPL' --no-such-flag 2>&1 >/dev/null | wc -l)\" = 1 ]"

say "both nodes start and lease a subnet"
start_flanneld node1 "$IMPL"
start_flanneld node2 "$IMPL"
must "subnet files written" wait_until 20 test -s "$TMP/node1/subnet.env" -a -s "$TMP/node2/subnet.env"
S1=$(subnet_of node1) S2=$(subnet_of node2)
M1=$(vtep_mac node1) M2=$(vtep_mac node2)
echo "  node1: $S1/24 VtepMAC $M1    node2: $S2/24 VtepMAC $M2"
check "the two subnets are 10.1.15.0/24 and 10.1.16.0/24" test "$(printf '%s\n' "$S1" "$S2" | sort | tr '\n' ' ')" = "10.1.15.0 10.1.16.0 "
for n in node1 node2; do
  s=$(subnet_of $n)
  check "$n subnet file content" test "$(cat "$TMP/$n/subnet.env")" = "$(printf 'FLANNEL_NETWORK=10.1.0.0/16\nFLANNEL_SUBNET=%s/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=false' "${s%.0}.1")"
  check "$n subnet file mode 0644" test "$(stat -c %a "$TMP/$n/subnet.env")" = 644
done
check "lease value of node1 exact" test "$(lease_value "$S1")" = "{\"PublicIP\":\"$N1_IP\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\",\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"$M1\"}}"
check "lease value of node2 exact" test "$(lease_value "$S2")" = "{\"PublicIP\":\"$N2_IP\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\",\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"$M2\"}}"
lease_hex=$(printf '%x' "$(ectl get "$PREFIX/subnets/$S1-24" -w fields | sed -n 's/^"Lease" : //p')")
ttl=$(ectl lease timetolive "$lease_hex" | sed -n 's/.*granted with TTL(\([0-9]*\)s).*/\1/p')
check "node1's key is attached to a 86400 s etcd lease (got $ttl)" test "$ttl" = 86400
for n in node1 node2; do
  ns=$(nodens $n); s=$(subnet_of $n); [[ $n == node1 ]] && pub=$N1_IP || pub=$N2_IP
  d=$(ip -n "$ns" -d link show flannel.1)
  check "$n flannel.1: vxlan id 1 local $pub dev eth0 dstport 8472 nolearning" \
    grep -q "vxlan id 1 local $pub dev eth0 .*dstport 8472 nolearning" <<<"$d"
  check "$n flannel.1: mtu 1450, UP" grep -qE "[<,]UP[,>].* mtu 1450 " <<<"$d"
  check "$n flannel.1: MAC locally administered unicast" \
    bash -c "(( (0x$(vtep_mac $n | cut -c1-2) & 3) == 2 ))"
  check "$n flannel.1: address $s/32 only" test "$(ip -n "$ns" -4 -o addr show dev flannel.1 | awk '{print $4}')" = "$s/32"
done

say "peer entries (neighbour, FDB, route)"
check "node1 has node2's neighbour, FDB entry and route" wait_until 10 has_all node1 "$S2" "$M2" "$N2_IP"
check "node2 has node1's neighbour, FDB entry and route" wait_until 10 has_all node2 "$S1" "$M1" "$N1_IP"
check "node1 has nothing for its own subnet" none_left node1 "$S1" "$N1_IP"

say "traffic through flannel.1"
attach_container node1 "$NS_C1"
attach_container node2 "$NS_C2"
tx0=$(ip -n "$NS_N1" -s -j link show flannel.1 | jq '.[0].stats64.tx.packets')
check "node1 -> node2 host ping (-I ${S1%.0}.1 ${S2%.0}.1)" nsx "$NS_N1" ping -c 2 -W 2 -I "${S1%.0}.1" "${S2%.0}.1"
check "node1 -> node2's flannel.1 address ($S2)" pings "$NS_N1" "$S2"
check "container c1 (${S1%.0}.2) -> c2 (${S2%.0}.2)" pings "$NS_C1" "${S2%.0}.2"
check "container c2 -> c1" pings "$NS_C2" "${S1%.0}.2"
check "a DF ping of FLANNEL_MTU (1450) bytes node1 -> node2 passes" ping_df "$NS_N1" "$S2" 1450
tx1=$(ip -n "$NS_N1" -s -j link show flannel.1 | jq '.[0].stats64.tx.packets')
check "the packets left through node1's flannel.1 ($tx0 -> $tx1)" test "$tx1" -gt "$tx0"

say "watch: a lease added and deleted in etcd"
FAKE=10.1.99.0 FAKE_MAC=02:aa:bb:cc:dd:ee FAKE_IP=10.168.0.99
ectl put "$PREFIX/subnets/$FAKE-24" "{\"PublicIP\":\"$FAKE_IP\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\",\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"$FAKE_MAC\"}}" >/dev/null
check "PUT: node1 programs the new lease" wait_until 10 has_all node1 "$FAKE" "$FAKE_MAC" "$FAKE_IP"
check "PUT: node2 programs the new lease" wait_until 10 has_all node2 "$FAKE" "$FAKE_MAC" "$FAKE_IP"
ectl put "$PREFIX/subnets/10.1.98.0-24" '{"PublicIP":"10.168.0.98","PublicIPv6":null,"BackendType":"host-gw"}' >/dev/null
ectl del "$PREFIX/subnets/$FAKE-24" >/dev/null
check "DELETE: node1 removes the three entries" wait_until 10 none_left node1 "$FAKE" "$FAKE_IP"
check "DELETE: node2 removes the three entries" wait_until 10 none_left node2 "$FAKE" "$FAKE_IP"
check "non-vxlan lease ignored (no route for 10.1.98.0/24)" bash -c "! ip -n $NS_N1 route show 10.1.98.0/24 | grep -q ."
check "non-vxlan lease ignored (logged)" grep -q "ignoring non-vxlan v4Subnet(10.1.98.0/24)" "$TMP/node1.log"
ectl del "$PREFIX/subnets/10.1.98.0-24" >/dev/null
check "node1 still has node2's entries" has_all node1 "$S2" "$M2" "$N2_IP"

say "lease renewal and watch recovery"
# re-put node1's key on a 70 s etcd lease: with the default 60 min margin the renewal is due at once
short=$(ectl lease grant 70 | awk '{print $2}')
ectl put --lease="$short" "$PREFIX/subnets/$S1-24" "$(lease_value "$S1")" >/dev/null
lease_ttl() { local h; h=$(printf '%x' "$(ectl get "$PREFIX/subnets/$1-24" -w fields | sed -n 's/^"Lease" : //p')"); ectl lease timetolive "$h" | sed -n 's/.*granted with TTL(\([0-9]*\)s).*/\1/p'; }
renewed() { [[ "$(lease_ttl "$S1")" == 86400 ]]; }
check "node1 renews its lease to 24 h" wait_until 10 renewed
check "log: Lease renewed" grep -q "Lease renewed, new expiration" "$TMP/node1.log"
check "lease value unchanged after renewal" test "$(lease_value "$S1")" = "{\"PublicIP\":\"$N1_IP\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\",\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"$M1\"}}"
# end node1's watcher (its etcdctl child): it must re-list and watch again, missing nothing
watcher=""
for c in $(ip netns pids "$NS_N1"); do
  [[ "$(cat /proc/$c/comm 2>/dev/null)" == etcdctl ]] && grep -q watch "/proc/$c/cmdline" 2>/dev/null && watcher=$c
done
if [[ -n "$watcher" ]]; then kill "$watcher"; fi
ectl put "$PREFIX/subnets/$FAKE-24" "{\"PublicIP\":\"$FAKE_IP\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\",\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"$FAKE_MAC\"}}" >/dev/null
check "node1 had a watcher process to end" test -n "$watcher"
check "after its watch ended, node1 still programs a new lease" wait_until 10 has_all node1 "$FAKE" "$FAKE_MAC" "$FAKE_IP"
check "log: resyncing" grep -q "ended (etcdctl exit .*); resyncing" "$TMP/node1.log"
ectl del "$PREFIX/subnets/$FAKE-24" >/dev/null
check "... and removes it again" wait_until 10 none_left node1 "$FAKE" "$FAKE_IP"

say "restart of node2 keeps subnet and MAC"
stop_flanneld node2; rc=$?
check "SIGTERM: node2 exits 0 (rc=$rc)" test "$rc" = 0
check "SIGTERM: no process left in node2's namespace" no_process_left "$NS_N2"
check "kernel state survives the stop (node1 -> node2 ping)" pings "$NS_C1" "${S2%.0}.2"
rm -f "$TMP/node2/subnet.env"
start_flanneld node2 "$IMPL"
check "node2 writes its subnet file again" wait_until 20 test -s "$TMP/node2/subnet.env"
check "same subnet after restart ($(subnet_of node2))" test "$(subnet_of node2)" = "$S2"
check "same VtepMAC after restart ($(vtep_mac node2))" test "$(vtep_mac node2)" = "$M2"
check "lease value unchanged" test "$(lease_value "$S2")" = "{\"PublicIP\":\"$N2_IP\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\",\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"$M2\"}}"
check "log says the lease was reused" grep -q "Found lease (ip: $S2/24 ipv6: ) for current IP ($N2_IP), reusing" "$TMP/node2.log"
check "node2 reprograms node1's entries" wait_until 10 has_all node2 "$S1" "$M1" "$N1_IP"
check "ping after restart" pings "$NS_C1" "${S2%.0}.2"

say "deleting node2's lease"
ectl del "$PREFIX/subnets/$S2-24" >/dev/null
check "node2 exits on its own" wait_until 10 bash -c "! kill -0 ${DPID[node2]}"
wait "${DPID[node2]}"; rc=$?; unset "DPID[node2]"
check "node2 exit status 0 (rc=$rc)" test "$rc" = 0
check "node2 logged 'Lease has been revoked. Shutting down daemon.'" grep -q "Lease has been revoked. Shutting down daemon." "$TMP/node2.log"
check "no process left in node2's namespace" no_process_left "$NS_N2"
check "node1 removed node2's neighbour, FDB entry and route" wait_until 10 none_left node1 "$S2" "$N2_IP"
start_flanneld node2 "$IMPL"
check "node2 leases again" wait_until 20 bash -c "ETCDCTL_API=3 ip netns exec $NS_ETCD etcdctl --endpoints=http://127.0.0.1:2379 get $PREFIX/subnets/$S2-24 | grep -q ."
check "it got its previous subnet back (from the subnet file)" grep -q "Found previously leased subnet ($S2/24), reusing" "$TMP/node2.log"
check "node1 programs node2 again" wait_until 10 has_all node1 "$S2" "$M2" "$N2_IP"

say "SIGKILL of node1's daemon leaves nothing running, and a restart recovers"
kill -KILL "${DPID[node1]}"; wait "${DPID[node1]}" 2>/dev/null; unset "DPID[node1]"
check "no process left in node1's namespace within 3 s" wait_until 3 no_process_left "$NS_N1"
start_flanneld node1 "$IMPL"
check "node1 leases the same subnet again" wait_until 10 grep -q "Found lease (ip: $S1/24 ipv6: ) for current IP ($N1_IP), reusing" "$TMP/node1.log"
check "node1 keeps its VtepMAC" test "$(vtep_mac node1)" = "$M1"
check "ping c1 -> c2 after all that" pings "$NS_C1" "${S2%.0}.2"

say "broken variants"
declare -A SHOWN=()
variant() { printf '\n  -- %s\n' "$1"; }

variant wrong-port
reset_nodes
if start_pair "$BROKEN/wrong-port/flanneld" "$IMPL"; then
  check "wrong-port: node1 flannel.1 has dstport 4789" grep -q "dstport 4789 " <<<"$(ip -n "$NS_N1" -d link show flannel.1)"
  check "wrong-port: node2 (correct) has dstport 8472" grep -q "dstport 8472 " <<<"$(ip -n "$NS_N2" -d link show flannel.1)"
  wait_until 10 has_all node1 "$S2" "$M2" "$N2_IP"
  check "wrong-port: cross-node ping fails" no_ping "$NS_N1" "$S2"
fi

variant wrong-vni
reset_nodes
if start_pair "$BROKEN/wrong-vni/flanneld" "$IMPL"; then
  check "wrong-vni: node1 flannel.1 has vxlan id 2" grep -q "vxlan id 2 " <<<"$(ip -n "$NS_N1" -d link show flannel.1)"
  check "wrong-vni: node1's lease still says VNI 1" grep -q '"VNI":1,' <<<"$(lease_value "$S1")"
  wait_until 10 has_all node1 "$S2" "$M2" "$N2_IP"
  check "wrong-vni: cross-node ping fails" no_ping "$NS_N1" "$S2"
fi

variant non-permanent-neighbours
reset_nodes
if start_pair "$BROKEN/non-permanent-neighbours/flanneld" "$IMPL"; then
  check "non-permanent-neighbours: node1 has a neighbour for node2's subnet" wait_until 10 neigh_any node1 "$S2"
  check "non-permanent-neighbours: it is not PERMANENT" bash -c "! ip -n $NS_N1 neigh show dev flannel.1 $S2 | grep -q PERMANENT"
  echo "    node1: $(ip -n "$NS_N1" neigh show dev flannel.1 "$S2")"
  check "non-permanent-neighbours: FDB and route are right" eval 'has_fdb node1 $S2 $M2 $N2_IP && has_route node1 $S2' 
fi

variant missing-fdb
reset_nodes
if start_pair "$BROKEN/missing-fdb/flanneld" "$IMPL"; then
  check "missing-fdb: node1 has node2's neighbour and route" wait_until 10 eval 'has_neigh node1 $S2 $M2 && has_route node1 $S2' 
  check "missing-fdb: node1 has no FDB entry for node2" bash -c "! bridge -n $NS_N1 fdb show dev flannel.1 | grep -q 'dst $N2_IP'"
  check "missing-fdb: cross-node ping fails" no_ping "$NS_N1" "$S2"
fi

variant wrong-mtu
reset_nodes
if start_pair "$BROKEN/wrong-mtu/flanneld" "$IMPL"; then
  # the kernel refuses a vxlan MTU above eth0's MTU - 50: the device was asked for 1460 and got 1450
  check "wrong-mtu: node1 asked the kernel for flannel.1 mtu 1460" grep -q "created flannel.1: .* mtu 1460 " "$TMP/node1.log"
  check "wrong-mtu: ... and the kernel clamped it (logged)" grep -q "the kernel set mtu 1450 instead of the requested 1460" "$TMP/node1.log"
  wait_until 10 has_all node1 "$S2" "$M2" "$N2_IP"
  check "wrong-mtu: a DF ping of FLANNEL_MTU bytes to node2 fails" no_ping_df "$NS_N1" "$S2" 1460
  check "wrong-mtu: node1 FLANNEL_MTU=1460" grep -qx "FLANNEL_MTU=1460" "$TMP/node1/subnet.env"
  check "wrong-mtu: node2 (correct) FLANNEL_MTU=1450" grep -qx "FLANNEL_MTU=1450" "$TMP/node2/subnet.env"
fi

variant leases-never-cleaned
reset_nodes
if start_pair "$BROKEN/leases-never-cleaned/flanneld" "$IMPL"; then
  check "leases-never-cleaned: node1 has node2's entries" wait_until 10 has_all node1 "$S2" "$M2" "$N2_IP"
  ectl del "$PREFIX/subnets/$S2-24" >/dev/null
  wait_until 10 bash -c "! kill -0 ${DPID[node2]}"; wait "${DPID[node2]}" 2>/dev/null; unset "DPID[node2]"
  wait_until 5 grep -q "FAULT leases-never-cleaned" "$TMP/node1.log"
  sleep 1
  check "leases-never-cleaned: node1 still has node2's neighbour, FDB entry and route after the DELETE" has_all node1 "$S2" "$M2" "$N2_IP"
fi

say "shutdown"
for n in node1 node2; do
  if [[ -n "${DPID[$n]-}" ]]; then stop_flanneld $n; rc=$?; check "$n stops with 0 (rc=$rc)" test "$rc" = 0; fi
done
check "no flanneld or etcdctl left in node1's namespace" no_process_left "$NS_N1"
check "no flanneld or etcdctl left in node2's namespace" no_process_left "$NS_N2"

(( FAIL == 0 )) || { echo; dump_logs; }
echo
echo "selftest: $PASS passed, $FAIL failed"
(( FAIL == 0 ))
