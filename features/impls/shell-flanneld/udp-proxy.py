#!/usr/bin/env python3
"""udp-proxy: the data path of the shell flanneld's udp backend (Python 3, standard library only).

Written from flannel-behaviour.md section 5. It opens the TUN device (IFF_TUN|IFF_NO_PI), binds a UDP
socket, and moves packets both ways:

  TUN -> UDP  an IPv4 packet read from the device goes, TTL decremented, as the whole payload of one
              datagram to <PublicIP>:<port> of the peer whose subnet holds its destination; a packet for
              no peer's subnet is answered with ICMP net unreachable (type 3 code 0) from the device's
              address, written back into the device.
  UDP -> TUN  a datagram's payload, TTL decremented, is written into the device when it is exactly one
              IPv4 packet (whole header, its total length, a valid checksum); anything else is dropped, and
              the drops are counted in a log line every 5 s and at exit.

The daemon configures the device (address, MTU, up, route) and tells the proxy the peer table on
stdin, one command per line:

  add <a.b.c.d>/<len> <public ip> <port>     (replaces an entry for the same subnet)
  del <a.b.c.d>/<len>

The proxy lives no longer than its daemon: the kernel kills it when the daemon dies (a parent-death
signal, so also when the daemon was SIGKILLed), and the kernel removes the TUN device with its addresses
and routes. End of stdin (the daemon closed the pipe, or is gone) and a change of parent (re-parented)
end it too.

Options switch on the shell flanneld's deliberate faults (see features/impls/README.md): --pi keeps
the 4-byte packet-info header (in the device and in the datagram), --keep-ttl, --tap (a TAP device:
ARP is answered for every address, frames are stripped to and rebuilt from their IP packet),
--no-icmp, --outlive (no parent-death signal, and the end of its pipe and its re-parenting are ignored: it
goes on forwarding after its daemon was killed), --fragile (a datagram shorter than an IPv4 header kills the proxy).
"""

import argparse
import ctypes
import errno
import fcntl
import os
import select
import signal
import socket
import struct
import sys
import time

TUNSETIFF = 0x400454CA
SIOCGIFHWADDR = 0x8927
IFF_TUN, IFF_TAP, IFF_NO_PI = 0x0001, 0x0002, 0x1000
ETH_P_IP, ETH_P_ARP = 0x0800, 0x0806
ICMP_ERROR_TYPES = {3, 4, 5, 11, 12}   # never answer an ICMP error with another (RFC 1122 3.2.2)
FAKE_MAC = bytes.fromhex("0a0000000001")  # tap fault: the "router" behind flannel0 that answers ARP
BUF = 65536
PR_SET_PDEATHSIG = 1


def log(msg):
    now = time.time()
    stamp = time.strftime("%m%d %H:%M:%S", time.localtime(now)) + ".%06d" % int((now % 1) * 1e6)
    sys.stderr.write("I%s %7d udp-proxy.py] %s\n" % (stamp, os.getpid(), msg))
    sys.stderr.flush()


# ----------------------------------------------------------------------------------------------
# IPv4 helpers
def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4_ok(pkt):
    return len(pkt) >= 20 and pkt[0] >> 4 == 4 and (pkt[0] & 0x0F) >= 5


def one_ipv4_packet(data):
    """True when a datagram holds exactly one IPv4 packet: version 4, a header of 20 to 60 bytes that fits,
    a total length that is the datagram's, a valid header checksum. Anything on the underlay can send to
    the port: random bytes, a header cut short and the like are dropped, never written into the device."""
    if len(data) < 20 or data[0] >> 4 != 4:
        return False
    ihl = (data[0] & 0x0F) * 4
    if ihl < 20 or ihl > len(data):
        return False
    if struct.unpack("!H", data[2:4])[0] != len(data):
        return False
    return checksum(data[:ihl]) == 0


def ttl_decremented(pkt, off=0):
    """The packet with its TTL one lower and the header checksum updated (RFC 1624 eqn. 3), or None
    when the TTL would reach 0 (dropped, as Flannel does)."""
    ttl = pkt[off + 8]
    if ttl <= 1:
        return None
    b = bytearray(pkt)
    old_word = (ttl << 8) | b[off + 9]
    new_word = old_word - 0x100
    hc = (b[off + 10] << 8) | b[off + 11]
    s = (~hc & 0xFFFF) + (~old_word & 0xFFFF) + new_word
    s = (s & 0xFFFF) + (s >> 16)
    s = (s & 0xFFFF) + (s >> 16)
    b[off + 8] = ttl - 1
    b[off + 10:off + 12] = struct.pack("!H", ~s & 0xFFFF)
    return bytes(b)


def net_unreachable(pkt, src):
    """ICMP destination unreachable / net unreachable about pkt, from src; None when RFC 1122 forbids
    an answer (a non-first fragment, an ICMP error, a source that is not a unicast host)."""
    ihl = (pkt[0] & 0x0F) * 4
    frag_off = struct.unpack("!H", pkt[6:8])[0] & 0x1FFF
    if frag_off != 0:
        return None
    if pkt[9] == 1 and len(pkt) > ihl and pkt[ihl] in ICMP_ERROR_TYPES:
        return None
    if pkt[12] == 0 or pkt[12] >= 224:
        return None
    quote = pkt[:ihl + 8]
    icmp = bytearray(struct.pack("!BBHI", 3, 0, 0, 0) + quote)
    icmp[2:4] = struct.pack("!H", checksum(bytes(icmp)))
    total = 20 + len(icmp)
    # TTL 8, as Flannel's proxy sets it; the answer only has to reach a pod on this node
    hdr = bytearray(struct.pack("!BBHHHBBH4s4s", 0x45, 0, total, 0, 0, 8, 1, 0, src, pkt[12:16]))
    hdr[10:12] = struct.pack("!H", checksum(bytes(hdr)))
    return bytes(hdr) + bytes(icmp)


# ----------------------------------------------------------------------------------------------
class Proxy:
    def __init__(self, args):
        self.args = args
        self.tun_ip = socket.inet_aton(args.tun_ip)
        self.routes = {}                 # (net int, mask int) -> (ip str, port int)
        self.dev_mac = None              # tap fault: flannel0's own MAC
        self.ctl_buf = b""
        self.dropped = 0                 # datagrams that held no IPv4 packet, since the last report
        self.reported = time.monotonic()
        self.control_open = True
        self.parent = os.getppid()
        self.sock = self.open_socket()
        self.tun = self.open_tun()

    def open_socket(self):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind((self.args.bind, self.args.port))
        s.setblocking(False)
        return s

    def open_tun(self):
        flags = IFF_TAP if self.args.tap else IFF_TUN
        if not self.args.pi:
            flags |= IFF_NO_PI
        ifr = struct.pack("16sH", self.args.dev.encode(), flags)
        fd = os.open("/dev/net/tun", os.O_RDWR)
        # the previous daemon's proxy may still hold the name for up to a second after a SIGKILL
        deadline = time.time() + 5
        while True:
            try:
                fcntl.ioctl(fd, TUNSETIFF, ifr)
                break
            except OSError as e:
                if e.errno != errno.EBUSY or time.time() > deadline:
                    raise
                time.sleep(0.2)
        if self.args.tap:
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            res = fcntl.ioctl(s.fileno(), SIOCGIFHWADDR, struct.pack("16s16x", self.args.dev.encode()))
            s.close()
            self.dev_mac = res[18:24]
        os.set_blocking(fd, False)
        return fd

    # -------------------------------------------------------------------------------- peer table
    def control(self, line):
        words = line.split()
        try:
            if len(words) == 4 and words[0] == "add":
                net, ln = words[1].split("/")
                mask = (0xFFFFFFFF << (32 - int(ln))) & 0xFFFFFFFF
                key = (struct.unpack("!I", socket.inet_aton(net))[0] & mask, mask)
                self.routes[key] = (words[2], int(words[3]))
                log("peer %s -> %s:%s" % (words[1], words[2], words[3]))
            elif len(words) == 2 and words[0] == "del":
                net, ln = words[1].split("/")
                mask = (0xFFFFFFFF << (32 - int(ln))) & 0xFFFFFFFF
                key = (struct.unpack("!I", socket.inet_aton(net))[0] & mask, mask)
                if self.routes.pop(key, None):
                    log("peer %s removed" % words[1])
            elif words:
                log("unknown command ignored: %r" % line)
        except (ValueError, OSError) as e:
            log("bad command %r: %s" % (line, e))

    def read_control(self):
        data = os.read(0, 4096)
        if not data:
            return False
        self.ctl_buf += data
        while b"\n" in self.ctl_buf:
            line, self.ctl_buf = self.ctl_buf.split(b"\n", 1)
            self.control(line.decode(errors="replace"))
        return True

    def peer_of(self, dst):
        d = struct.unpack("!I", dst)[0]
        for (net, mask), peer in self.routes.items():
            if d & mask == net:
                return peer
        return None

    # -------------------------------------------------------------------------------- device I/O
    def read_packet(self):
        """One IPv4 packet from the device, as (packet, header to keep in the datagram); (None, _)
        for anything else."""
        frame = os.read(self.tun, BUF)
        if self.args.pi:
            return (frame[4:], frame[:4]) if len(frame) > 4 else (None, b"")
        if self.args.tap:
            return self.from_tap(frame), b""
        return frame, b""

    def write_packet(self, pkt, pi_header=b""):
        if self.args.tap:
            pkt = self.dev_mac + FAKE_MAC + struct.pack("!H", ETH_P_IP) + pkt
        elif self.args.pi:
            pkt = (pi_header or struct.pack("!HH", 0, ETH_P_IP)) + pkt
        try:
            os.write(self.tun, pkt)
        except OSError as e:
            log("write to %s failed: %s" % (self.args.dev, e))

    def from_tap(self, frame):
        if len(frame) < 14:
            return None
        self.dev_mac = frame[6:12]
        ethertype = struct.unpack("!H", frame[12:14])[0]
        if ethertype == ETH_P_ARP:
            self.answer_arp(frame)
            return None
        return frame[14:] if ethertype == ETH_P_IP else None

    def answer_arp(self, frame):
        arp = frame[14:42]
        if len(arp) < 28 or struct.unpack("!HHBBH", arp[:8]) != (1, ETH_P_IP, 6, 4, 1):
            return
        sha, spa, tpa = arp[8:14], arp[14:18], arp[24:28]
        if tpa == self.tun_ip:
            return
        reply = struct.pack("!HHBBH", 1, ETH_P_IP, 6, 4, 2) + FAKE_MAC + tpa + sha + spa
        os.write(self.tun, sha + FAKE_MAC + struct.pack("!H", ETH_P_ARP) + reply)

    # -------------------------------------------------------------------------------- data path
    def tun_to_udp(self):
        pkt, pi_header = self.read_packet()
        if pkt is None or not ipv4_ok(pkt):
            return
        peer = self.peer_of(pkt[16:20])
        if peer is None:
            if not self.args.no_icmp:
                answer = net_unreachable(pkt, self.tun_ip)
                if answer:
                    self.write_packet(answer)
            return
        if not self.args.keep_ttl:
            pkt = ttl_decremented(pkt)
            if pkt is None:
                return
        try:
            self.sock.sendto(pi_header + pkt, peer)
        except OSError as e:
            log("send to %s:%d failed: %s" % (peer[0], peer[1], e))

    def udp_to_tun(self):
        try:
            data, _ = self.sock.recvfrom(BUF)
        except OSError:
            return   # e.g. ICMP port unreachable from a stopped peer, reported on the next recv
        pi_header = b""
        if self.args.pi:
            pi_header, data = data[:4], data[4:]
        if self.args.fragile:
            # fault: the header is read before anything is checked; a datagram shorter than an IPv4 header
            # raises struct.error, which nothing catches, and the proxy dies
            struct.unpack("!BBHHHBBH4s4s", data[:20])
        if not one_ipv4_packet(data):
            self.dropped += 1
            return
        if not self.args.keep_ttl:
            data = ttl_decremented(data)
            if data is None:
                return
        self.write_packet(data, pi_header)

    def report_dropped(self, final=False):
        now = time.monotonic()
        if final or now - self.reported >= 5:
            if self.dropped:
                log("dropped %d datagrams that held no IPv4 packet in the last %d s" % (self.dropped, now - self.reported))
            self.dropped, self.reported = 0, now

    def run(self):
        log("%s up (%s), udp %s:%d" % (self.args.dev, "tap" if self.args.tap else "tun",
                                       self.args.bind, self.args.port))
        while True:
            inputs = [self.tun, self.sock] + ([0] if self.control_open else [])
            readable, _, _ = select.select(inputs, [], [], 1.0)
            if 0 in readable and not self.read_control():
                if not self.args.outlive:
                    self.report_dropped(final=True)
                    log("control channel closed: exiting")
                    return
                # fault: the data path outlives its daemon
                log("control channel closed: carrying on (fault udp-proxy-outlives-agent)")
                self.control_open = False
            if self.tun in readable:
                self.tun_to_udp()
            if self.sock in readable:
                self.udp_to_tun()
            self.report_dropped()
            if os.getppid() != self.parent and not self.args.outlive:
                self.report_dropped(final=True)
                log("flanneld is gone: exiting")
                return


def main():
    p = argparse.ArgumentParser(description="the shell flanneld's udp data path")
    p.add_argument("--dev", default="flannel0")
    p.add_argument("--tun-ip", required=True, help="the device's address, source of ICMP answers")
    p.add_argument("--bind", required=True, help="local address of the UDP socket")
    p.add_argument("--port", type=int, default=8285)
    p.add_argument("--pi", action="store_true", help="fault: keep the packet-info header")
    p.add_argument("--keep-ttl", action="store_true", help="fault: TTL not decremented")
    p.add_argument("--tap", action="store_true", help="fault: a TAP device instead of TUN")
    p.add_argument("--no-icmp", action="store_true", help="fault: never answer net unreachable")
    p.add_argument("--outlive", action="store_true", help="fault: keep forwarding after the daemon is gone")
    p.add_argument("--fragile", action="store_true", help="fault: die on a datagram shorter than an IPv4 header")
    args = p.parse_args()
    if not args.outlive:
        # Killed by the kernel the moment its daemon dies (SIGKILL included), so that flannel0 goes with the
        # daemon rather than a moment after it (a node's reboot deletes its TUN devices right after the agent's
        # death). The end of the pipe and the re-parenting stay as guards (a daemon gone before this call).
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    try:
        proxy = Proxy(args)
    except OSError as e:
        log("cannot start: %s" % e)
        sys.exit(1)
    try:
        proxy.run()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
