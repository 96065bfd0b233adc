#!/usr/bin/env python3
"""The agent's own cost, measured from outside: any flanneld (the reference's launcher or Flannel's).

Run as root: python3 agent-cost.py <flanneld> <what> [n]
  ready  n starts alone (no lease, no device left from the last): subnet file written, then SIGTERM to exit
  rss    n agents; VmRSS of each after the mesh settles, then again with 50 by-hand vxlan peers
  conv   n rounds: one lease put by hand -> its route in the node's kernel (ip monitor route)
  storm  5 rounds: n leases in one etcd transaction -> the last of their routes
  hold   one agent; prints its memory lines and runs $AC_HOLD_CMD (PID replaced by the agent's pid)
Namespaces ac-* (a bridge, etcd 3.4 at 10.168.0.10, nodes at 10.168.0.21..), etcd's data under /tmp;
everything it made is removed at the end, even on failure. The agents' logs stay in /tmp/ac-run.
FLANNELD_JAVA_OPTS (inherited) changes the reference's JVM options. AC_TRACE=1 (ready) splits each stop
at the reference's "Exiting cleanly..." line: the signal's handling before it, closing and JVM exit after.
Wall times swing with the machine's load (printed beside each figure); the CPU time to ready less so.
"""
import base64, http.client, json, os, re, signal, statistics, subprocess, sys, threading, time, datetime, shutil

ETCD = "10.168.0.10"
PREFIX = "/coreos.com/network"
procs = []


def sh(cmd, check=True):
    r = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    if check and r.returncode:
        raise RuntimeError(f"{cmd}: {r.stderr}")
    return r


def cleanup():
    for p in procs:
        if p.poll() is None:
            p.kill()
            p.wait()
    out = sh("ip netns list", check=False).stdout
    for line in out.splitlines():
        name = line.split()[0]
        if name.startswith("ac-"):
            sh(f"ip netns pids {name} | xargs -r kill -9", check=False)
            sh(f"ip netns del {name}", check=False)
    shutil.rmtree("/tmp/ac-etcd-data", ignore_errors=True)


def node(ns, ip, idx):
    sh(f"ip netns add {ns}")
    sh(f"ip link add ac-h{idx} type veth peer name ac-p{idx}")
    sh(f"ip link set ac-h{idx} netns ac-br")
    sh(f"ip -n ac-br link set ac-h{idx} master br0 up")
    sh(f"ip link set ac-p{idx} netns {ns}")
    sh(f"ip -n {ns} link set ac-p{idx} name eth0")
    sh(f"ip -n {ns} addr add {ip}/24 dev eth0")
    sh(f"ip -n {ns} link set eth0 up")
    sh(f"ip -n {ns} link set lo up")


def setup(nodes):
    cleanup()
    shutil.rmtree("/tmp/ac-run", ignore_errors=True)
    os.makedirs("/tmp/ac-run")
    sh("ip netns add ac-br")
    sh("ip -n ac-br link add br0 type bridge")
    sh("ip -n ac-br link set br0 up")
    node("ac-etcd", ETCD, 0)
    for i in range(1, nodes + 1):
        node(f"ac-n{i}", f"10.168.0.{20 + i}", i)
    log = open("/tmp/ac-run/etcd.log", "w")
    procs.append(subprocess.Popen(
        ["ip", "netns", "exec", "ac-etcd", "etcd", "--data-dir", "/tmp/ac-etcd-data",
         "--listen-client-urls", f"http://{ETCD}:2379", "--advertise-client-urls", f"http://{ETCD}:2379",
         "--listen-peer-urls", "http://127.0.0.1:2380"], stdout=log, stderr=log))
    for _ in range(100):
        if sh(f"ip netns exec ac-etcd curl -s -m 1 http://{ETCD}:2379/health", check=False).returncode == 0:
            break
        time.sleep(0.1)
    etcd_sh(f"put {PREFIX}/config '{{\"Network\":\"10.1.0.0/16\",\"Backend\":{{\"Type\":\"vxlan\"}}}}'")


def etcd_sh(args):
    return sh(f"ip netns exec ac-etcd env ETCDCTL_API=3 etcdctl --endpoints=http://{ETCD}:2379 {args}")


def b64(s):
    return base64.b64encode(s.encode()).decode()


class Etcd:
    """A kept-open HTTP connection to etcd's JSON gateway: a put costs no process start. Runs in ac-etcd."""

    def __init__(self):
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        own = os.open("/proc/self/ns/net", os.O_RDONLY)
        target = os.open("/var/run/netns/ac-etcd", os.O_RDONLY)
        assert libc.setns(target, 0x40000000) == 0
        self.c = http.client.HTTPConnection(ETCD, 2379)
        self.c.connect()
        assert libc.setns(own, 0x40000000) == 0
        os.close(own)
        os.close(target)

    def post(self, path, body):
        self.c.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
        r = self.c.getresponse()
        data = r.read()
        assert r.status == 200, data
        return json.loads(data)

    def put_leases(self, leases):
        ops = [{"requestPut": {"key": b64(k), "value": b64(v)}} for k, v in leases]
        return self.post("/v3/kv/txn", {"success": ops})

    def delete(self, keys):
        ops = [{"requestDeleteRange": {"key": b64(k)}} for k in keys]
        return self.post("/v3/kv/txn", {"success": ops})


def lease(i):
    """A by-hand vxlan lease for 10.1.(200+i).0/24 (i up to 55), its VTEP at a public IP nobody has."""
    third = 200 + i
    key = f"{PREFIX}/subnets/10.1.{third}.0-24"
    mac = "0a:58:%02x:%02x:00:01" % (i // 256, i % 256)
    value = json.dumps({"PublicIP": f"10.168.1.{i % 250 + 1}", "PublicIPv6": None, "BackendType": "vxlan",
                        "BackendData": {"VNI": 1, "VtepMAC": mac}}, separators=(",", ":"))
    return key, value, f"10.1.{third}.0/24"


def start(binary, i, log_name=None):
    ns, ip = f"ac-n{i}", f"10.168.0.{20 + i}"
    sf = f"/tmp/ac-run/subnet-{i}.env"
    if os.path.exists(sf):
        os.remove(sf)
    log = open(f"/tmp/ac-run/{log_name or 'agent-%d' % i}.log", "a")
    t0 = time.monotonic()
    p = subprocess.Popen(["ip", "netns", "exec", ns, binary, f"--etcd-endpoints=http://{ETCD}:2379",
                          f"--etcd-prefix={PREFIX}", "--iface=eth0", f"--public-ip={ip}", f"--subnet-file={sf}"],
                         stdout=log, stderr=log)
    procs.append(p)
    return p, sf, t0


def wait_file(path, t0, limit=30):
    while not os.path.exists(path):
        if time.monotonic() - t0 > limit:
            raise RuntimeError(f"{path} not written within {limit} s")
        time.sleep(0.002)
    return time.monotonic() - t0


def term(p):
    t0 = time.monotonic()
    p.send_signal(signal.SIGTERM)
    p.wait()
    return time.monotonic() - t0, p.returncode


def cpu(pid):
    """user + system CPU seconds the process has used so far: less sensitive to the load than wall time."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024.0


def med(xs):
    return "median %.0f ms (min %.0f, max %.0f, n=%d)" % (statistics.median(xs) * 1000, min(xs) * 1000,
                                                          max(xs) * 1000, len(xs))


def load():
    return open("/proc/loadavg").read().split()[0]


class RouteMonitor:
    """ip monitor route in a node's namespace; remembers when each subnet's route arrived."""

    def __init__(self, ns):
        self.seen = {}
        self.p = subprocess.Popen(["ip", "netns", "exec", ns, "stdbuf", "-oL", "ip", "monitor", "route"],
                                  stdout=subprocess.PIPE, text=True)
        procs.append(self.p)
        threading.Thread(target=self.read, daemon=True).start()
        time.sleep(0.3)

    def read(self):
        for line in self.p.stdout:
            now = time.monotonic()
            if line.startswith("Deleted"):
                continue
            m = re.match(r"(10\.1\.\d+\.0/24) ", line)
            if m and m.group(1) not in self.seen:
                self.seen[m.group(1)] = now

    def wait(self, subnets, t0, limit=30):
        while not all(s in self.seen for s in subnets):
            if time.monotonic() - t0 > limit:
                raise RuntimeError(f"routes missing: {[s for s in subnets if s not in self.seen]}")
            time.sleep(0.001)
        return max(self.seen[s] for s in subnets) - t0

    def stop(self):
        self.p.kill()


def main():
    binary, what = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    try:
        if what == "ready":
            setup(1)
            readies, exits, cpus = [], [], []
            for k in range(n):
                p, sf, t0 = start(binary, 1)
                readies.append(wait_file(sf, t0))
                cpus.append(cpu(p.pid))
                time.sleep(0.5)
                w0 = time.time()
                dt, rc = term(p)
                exits.append(dt)
                if os.environ.get("AC_TRACE"):
                    lines = [l for l in open("/tmp/ac-run/agent-1.log") if "Exiting cleanly" in l]
                    ts = datetime.datetime.fromisoformat(lines[-1].split()[0].replace("Z", "+00:00")).timestamp()
                    print("  term->log %.0f ms, log->exit %.0f ms" % ((ts - w0) * 1000, (w0 + dt - ts) * 1000))
                # A cold start each time: no lease, no device left from the previous run.
                etcd_sh("del --prefix " + PREFIX + "/subnets/")
                sh("ip -n ac-n1 link del flannel.1", check=False)
                time.sleep(0.5)
            print(f"ready alone: {med(readies)}; load {load()}")
            print(f"CPU time (user+sys, all threads) until ready: {med(cpus)}")
            print(f"SIGTERM->exit: {med(exits)}; load {load()}")
        elif what == "hold":
            setup(1)
            p, sf, t0 = start(binary, 1)
            wait_file(sf, t0)
            time.sleep(4)
            print(sh(f"grep -E 'VmRSS|RssAnon|RssFile|RssShmem|Threads' /proc/{p.pid}/status").stdout)
            cmd = os.environ.get("AC_HOLD_CMD")
            if cmd:
                print(sh(cmd.replace("PID", str(p.pid)), check=False).stdout)
            term(p)
        elif what == "rss":
            setup(n)
            agents = []
            for i in range(1, n + 1):
                agents.append(start(binary, i))
            for p, sf, t0 in agents:
                wait_file(sf, t0, 60)
            time.sleep(5)
            r = [rss(p.pid) for p, _, _ in agents]
            print(f"RSS with {n} nodes: median {statistics.median(r):.1f} MB (max {max(r):.1f}); load {load()}")
            mon = RouteMonitor("ac-n1")
            e = Etcd()
            ls = [lease(i) for i in range(1, 51)]
            t0 = time.monotonic()
            e.put_leases([(k, v) for k, v, _ in ls])
            mon.wait([s for _, _, s in ls], t0)
            time.sleep(5)
            r = [rss(p.pid) for p, _, _ in agents]
            print(f"RSS with {n} nodes + 50 by-hand peers: median {statistics.median(r):.1f} MB (max {max(r):.1f}); load {load()}")
        elif what in ("conv", "storm"):
            setup(1)
            p, sf, t0 = start(binary, 1)
            wait_file(sf, t0)
            time.sleep(1)
            mon = RouteMonitor("ac-n1")
            e = Etcd()
            times = []
            rounds = n if what == "conv" else 5
            size = 1 if what == "conv" else n
            for k in range(rounds):
                # conv: a new subnet each round; storm: the same n leases, deleted between rounds
                first = k if what == "conv" else 0
                ls = [lease(first + j) for j in range(1, size + 1)]
                mon.seen.clear()
                t0 = time.monotonic()
                e.put_leases([(kk, v) for kk, v, _ in ls])
                times.append(mon.wait([s for _, _, s in ls], t0))
                time.sleep(0.3)
                e.delete([kk for kk, _, _ in ls])
                time.sleep(0.7)
            label = "one lease put->route" if what == "conv" else f"storm of {n} leases (one txn) -> last route"
            print(f"{label}: {med(times)}; load {load()}")
            term(p)
    finally:
        cleanup()


if __name__ == "__main__":
    main()
