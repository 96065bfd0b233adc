#!/usr/bin/env bash
# Installs what the build and the tests need on a Debian 12 machine (run as root). Idempotent: packages
# already present are left alone, so a second run takes a second.
set -euo pipefail

packages=(
  openjdk-17-jdk-headless maven   # the build
  iproute2 iputils-ping ethtool   # topologies: namespaces, veth, bridges, vxlan; ping; checksum offload off
  etcd-server etcd-client         # the etcd member of every topology (etcd 3.4, v3 API)
  tcpdump libpcap0.8 tshark       # captures, pcap4j's native library, the decoder's independent oracle
  iperf3                          # throughput benchmarks
  procps curl                     # pgrep/ps for the sweeper; curl for the health endpoints
  jq python3                      # the second (shell) implementation the harness tests itself with: JSON, the udp data path
  gcc libc6-dev                   # cgo, for building Flannel's own flanneld (scripts/upstream-flanneld.sh)
  docker.io debootstrap iptables  # the Docker driver: the engine, the offline base image, DOCKER-USER rules
  chromium chromium-driver        # the living documentation's test renders the site in headless Chromium
  fonts-wqy-microhei              # a Chinese font: the seed's original on the site's screenshots
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: missing packages ${missing[*]}; run this script as root (it uses apt-get)" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Docker driver needs a running engine; start one when none answers (CI machines have none).
if command -v dockerd >/dev/null && ! docker info >/dev/null 2>&1; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: no Docker engine answers; start dockerd (as root) or run this script as root" >&2
    exit 1
  fi
  echo "setup: starting dockerd (log: /var/log/flannel-conformance-dockerd.log)"
  # A session of its own: a caller that ends its process group (a CI step, a tool's job) must not take the
  # engine with it while later commands still need it.
  setsid nohup dockerd >>/var/log/flannel-conformance-dockerd.log 2>&1 < /dev/null &
  for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { echo "setup: dockerd did not start; see /var/log/flannel-conformance-dockerd.log" >&2; exit 1; }
fi

# The Debian etcd package may start a system etcd on 127.0.0.1; the tests never use it (every
# topology starts its own member inside a namespace), so it is left as the machine's owner set it.
echo "setup: ready ($(java -version 2>&1 | head -1); $(etcd --version 2>/dev/null | head -1); Docker $(docker version -f '{{.Server.Version}}' 2>/dev/null))"
