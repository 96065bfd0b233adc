package org.flannel.reference.kernel.netlink;

import static org.flannel.reference.kernel.netlink.Rtnetlink.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.flannel.reference.kernel.KernelException;

/**
 * A NETLINK_ROUTE socket that sends one request at a time and collects the kernel's answer: the
 * replies until the ACK (or NLMSG_DONE for a dump); an NLMSG_ERROR becomes a {@link NetlinkException}
 * naming the request. Thread-safe: requests are serialised.
 */
final class NetlinkSocket implements AutoCloseable {
    private static final int SOCKADDR_NL_LENGTH = 12;
    /** Dump datagrams are at most 32 KiB; a larger buffer never truncates one. */
    private static final int RECEIVE_BUFFER = 64 * 1024;

    private static final int DUMP_ATTEMPTS = 5;

    private final NetlinkLibC libc = NetlinkLibC.INSTANCE;
    private final int fd;
    private final ByteBuffer received =
            ByteBuffer.allocateDirect(RECEIVE_BUFFER).order(ByteOrder.nativeOrder());
    private final byte[] kernelAddress = sockaddrNl();
    private int seq = (int) (System.nanoTime() & 0x7fffffff);
    private boolean closed;

    private NetlinkSocket(int fd) {
        this.fd = fd;
    }

    /** A socket in this process's network namespace. */
    static NetlinkSocket open() {
        int fd = NetlinkLibC.INSTANCE.socket(
                NetlinkLibC.AF_NETLINK, NetlinkLibC.SOCK_RAW | NetlinkLibC.SOCK_CLOEXEC, NetlinkLibC.NETLINK_ROUTE);
        if (fd < 0) {
            throw new KernelException("cannot open a netlink socket: " + NetlinkLibC.describe(NetlinkLibC.errno()));
        }
        NetlinkSocket socket = new NetlinkSocket(fd);
        try {
            socket.configure();
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    /**
     * A socket in the network namespace {@code namespaceFile} (e.g. /run/netns/NAME) names: opened on a
     * thread of its own that enters the namespace and then ends, since a socket stays in the namespace it
     * was created in and the rest of the process stays where it is.
     */
    static NetlinkSocket openIn(Path namespaceFile) {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread opener = new Thread(
                () -> {
                    try {
                        enterNamespace(namespaceFile);
                        result.set(open());
                    } catch (RuntimeException e) {
                        result.set(e);
                    }
                },
                "netns-" + namespaceFile.getFileName());
        opener.start();
        try {
            opener.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException("interrupted while opening a netlink socket in " + namespaceFile, e);
        }
        if (result.get() instanceof RuntimeException failure) {
            throw failure;
        }
        return (NetlinkSocket) result.get();
    }

    private static void enterNamespace(Path namespaceFile) {
        NetlinkLibC libc = NetlinkLibC.INSTANCE;
        int nsFd = libc.open(namespaceFile.toString(), NetlinkLibC.O_RDONLY | NetlinkLibC.O_CLOEXEC);
        if (nsFd < 0) {
            throw new KernelException(
                    "cannot open " + namespaceFile + ": " + NetlinkLibC.describe(NetlinkLibC.errno()));
        }
        try {
            if (libc.setns(nsFd, NetlinkLibC.CLONE_NEWNET) < 0) {
                throw new KernelException("cannot enter network namespace " + namespaceFile + ": "
                        + NetlinkLibC.describe(NetlinkLibC.errno()));
            }
        } finally {
            libc.close(nsFd);
        }
    }

    /**
     * Sends a change or a single get and returns the replies before the ACK.
     *
     * @param what the request in words, for the error message ("add address 10.1.15.0/32 to flannel.1")
     */
    synchronized List<NetlinkMessage> request(MessageBuilder message, String what) {
        return exchange(message, what);
    }

    /** Sends a dump request and returns every message of the dump, asking again if it was interrupted. */
    synchronized List<NetlinkMessage> dump(MessageBuilder message, String what) {
        for (int attempt = 1; ; attempt++) {
            List<NetlinkMessage> replies = exchange(message, what);
            boolean interrupted = replies.stream().anyMatch(reply -> reply.has(NLM_F_DUMP_INTR));
            if (!interrupted) {
                return replies;
            }
            if (attempt == DUMP_ATTEMPTS) {
                throw new KernelException("cannot " + what + ": the dump kept changing under us");
            }
        }
    }

    private List<NetlinkMessage> exchange(MessageBuilder message, String what) {
        if (closed) {
            throw new KernelException("cannot " + what + ": the netlink socket is closed");
        }
        int sent = nextSeq();
        byte[] bytes = message.build(sent);
        long n = libc.sendto(fd, bytes, bytes.length, 0, kernelAddress, kernelAddress.length);
        if (n != bytes.length) {
            throw new KernelException(
                    "cannot " + what + ": sending to netlink: " + NetlinkLibC.describe(NetlinkLibC.errno()));
        }
        List<NetlinkMessage> replies = new ArrayList<>();
        while (true) {
            for (NetlinkMessage reply : receive(what)) {
                if (reply.seq() != sent) {
                    continue; // an answer to an earlier request that was abandoned
                }
                if (reply.type() == NLMSG_ERROR) {
                    int error = reply.s32(0);
                    if (error == 0) {
                        return replies;
                    }
                    throw new NetlinkException(what, -error, kernelMessage(reply));
                }
                if (reply.type() == NLMSG_DONE) {
                    int error = reply.payload().limit() >= 4 ? reply.s32(0) : 0;
                    if (error < 0) {
                        throw new NetlinkException(what, -error, Optional.empty());
                    }
                    return replies;
                }
                replies.add(reply);
            }
        }
    }

    private List<NetlinkMessage> receive(String what) {
        while (true) {
            received.clear();
            long n = libc.recv(fd, received, RECEIVE_BUFFER, NetlinkLibC.MSG_TRUNC);
            if (n < 0) {
                int errno = NetlinkLibC.errno();
                if (errno == NetlinkLibC.EINTR) {
                    continue;
                }
                throw new KernelException(
                        "cannot " + what + ": receiving from netlink: " + NetlinkLibC.describe(errno));
            }
            if (n > RECEIVE_BUFFER) {
                throw new KernelException("cannot " + what + ": a " + n + "-byte netlink answer was truncated");
            }
            received.limit((int) n);
            // copied out of the buffer, which the next receive reuses
            ByteBuffer copy = ByteBuffer.allocate((int) n).order(ByteOrder.nativeOrder());
            copy.put(received).flip();
            return NetlinkMessage.parseAll(copy);
        }
    }

    /** NLMSGERR_ATTR_MSG: the kernel's reason in words, e.g. "Nexthop has invalid gateway". */
    static Optional<String> kernelMessage(NetlinkMessage error) {
        if (!error.has(NLM_F_ACK_TLVS)) {
            return Optional.empty();
        }
        int echoed = error.has(NLM_F_CAPPED) ? NLMSG_HDRLEN : error.s32(4);
        return error.attributes(4 + MessageBuilder.align(echoed)).string(NLMSGERR_ATTR_MSG);
    }

    private void configure() {
        bind(fd);
        // The kernel's reasons in words (extended ACK), and errors that do not echo the whole request.
        setOption(NetlinkLibC.NETLINK_EXT_ACK);
        setOption(NetlinkLibC.NETLINK_CAP_ACK);
    }

    private void bind(int socket) {
        byte[] local = sockaddrNl();
        if (libc.bind(socket, local, local.length) < 0) {
            throw new KernelException("cannot bind a netlink socket: " + NetlinkLibC.describe(NetlinkLibC.errno()));
        }
    }

    private void setOption(int option) {
        byte[] on =
                ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(1).array();
        if (libc.setsockopt(fd, NetlinkLibC.SOL_NETLINK, option, on, on.length) < 0) {
            throw new KernelException(
                    "cannot set netlink socket option " + option + ": " + NetlinkLibC.describe(NetlinkLibC.errno()));
        }
    }

    private int nextSeq() {
        seq = seq == Integer.MAX_VALUE ? 1 : seq + 1;
        return seq;
    }

    /** struct sockaddr_nl with pid 0 and no groups: as our address, "let the kernel pick"; as theirs, the kernel. */
    private static byte[] sockaddrNl() {
        return ByteBuffer.allocate(SOCKADDR_NL_LENGTH)
                .order(ByteOrder.nativeOrder())
                .putShort((short) NetlinkLibC.AF_NETLINK)
                .array();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            libc.close(fd);
        }
    }
}
