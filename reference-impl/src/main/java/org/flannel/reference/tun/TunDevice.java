package org.flannel.reference.tun;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * A TUN device ({@code IFF_TUN | IFF_NO_PI}): each {@link #read} returns one whole IP packet the
 * kernel routed into the device, each {@link #write} hands one to the kernel as if it arrived on it.
 * The device lives as long as this descriptor: the kernel removes it when it is closed.
 *
 * <p>Reads block until a packet arrives. One thread reads at a time; any thread may write, and
 * {@link #close} may come from another thread while a read waits.
 */
public final class TunDevice implements AutoCloseable {
    private static final long TUNSETIFF = 0x400454caL;
    private static final short IFF_TUN = 0x0001;
    private static final short IFF_NO_PI = 0x1000;
    private static final int IFNAMSIZ = 16;
    private static final int IFREQ_SIZE = 40;
    private static final int POLLFD_SIZE = 8;
    /** How long a waiting read sleeps between looks at the closed flag: bounds how long close() waits. */
    private static final int POLL_MILLIS = 200;

    private final LibC libc = LibC.INSTANCE;
    private final int fd;
    private final String name;
    private final Pointer pollFd;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;

    private TunDevice(int fd, String name) {
        this.fd = fd;
        this.name = name;
        this.pollFd = Memory.allocateDirect(LibC.RUNTIME, POLLFD_SIZE, true);
        pollFd.putInt(0, fd);
        pollFd.putShort(4, LibC.POLLIN);
    }

    /**
     * Creates a TUN device from a name template such as {@code flannel%d} (the kernel picks the first
     * free number) or an exact name.
     */
    public static TunDevice create(String nameTemplate) throws IOException {
        byte[] template = nameTemplate.getBytes(StandardCharsets.US_ASCII);
        if (template.length == 0 || template.length >= IFNAMSIZ) {
            throw new IllegalArgumentException("a device name has 1 to 15 characters: " + nameTemplate);
        }
        LibC libc = LibC.INSTANCE;
        // Non-blocking, so that a read can wait in poll() and notice close(); see read().
        int fd = libc.open("/dev/net/tun", LibC.O_RDWR | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
        if (fd < 0) {
            throw new IOException("cannot open /dev/net/tun: " + LibC.describe(LibC.errno()));
        }
        Pointer ifreq = Memory.allocateDirect(LibC.RUNTIME, IFREQ_SIZE, true);
        ifreq.put(0, template, 0, template.length);
        ifreq.putShort(IFNAMSIZ, (short) (IFF_TUN | IFF_NO_PI));
        if (libc.ioctl(fd, TUNSETIFF, ifreq) < 0) {
            int errno = LibC.errno();
            libc.close(fd);
            throw new IOException("cannot create TUN device " + nameTemplate + ": " + LibC.describe(errno));
        }
        return new TunDevice(fd, ifreq.getString(0, IFNAMSIZ, StandardCharsets.US_ASCII));
    }

    /** The name the kernel gave the device, e.g. {@code flannel0}. */
    public String name() {
        return name;
    }

    /**
     * Reads one packet into {@code packet} (a direct buffer) from its position, at most its remaining
     * bytes, and advances the position; waits until a packet arrives.
     *
     * @return the packet's length
     * @throws ClosedChannelException once the device is closed
     */
    public int read(ByteBuffer packet) throws IOException {
        enter();
        try {
            while (true) {
                long n = libc.read(fd, packet, packet.remaining());
                if (n >= 0) {
                    packet.position(packet.position() + (int) n);
                    return (int) n;
                }
                int errno = LibC.errno();
                if (errno == LibC.EAGAIN) {
                    awaitPacket();
                } else if (errno != LibC.EINTR) {
                    throw new IOException("read from " + name + ": " + LibC.describe(errno));
                }
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * Writes one packet, {@code packet}'s remaining bytes (a direct buffer), and advances its position.
     *
     * @throws ClosedChannelException once the device is closed
     */
    public void write(ByteBuffer packet) throws IOException {
        enter();
        try {
            while (true) {
                long n = libc.write(fd, packet, packet.remaining());
                if (n >= 0) {
                    packet.position(packet.position() + (int) n);
                    return;
                }
                int errno = LibC.errno();
                if (errno == LibC.EAGAIN) {
                    // The queue towards the kernel is full for a moment: as Flannel, retry.
                    if (closed) {
                        throw new ClosedChannelException();
                    }
                    Thread.onSpinWait();
                } else if (errno != LibC.EINTR) {
                    throw new IOException("write to " + name + ": " + LibC.describe(errno));
                }
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * Closes the descriptor, which removes the device, once no read or write is using it (so the
     * number can never be reused under a running call); a waiting read ends within 200 ms.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        libc.close(fd);
    }

    private void enter() throws ClosedChannelException {
        inFlight.incrementAndGet();
        if (closed) {
            inFlight.decrementAndGet();
            throw new ClosedChannelException();
        }
    }

    /** Sleeps until the device has a packet to read, or POLL_MILLIS pass, or close() was called. */
    private void awaitPacket() throws IOException {
        while (true) {
            if (closed) {
                throw new ClosedChannelException();
            }
            int ready = libc.poll(pollFd, 1, POLL_MILLIS);
            if (ready > 0) {
                return;
            }
            if (ready < 0 && LibC.errno() != LibC.EINTR) {
                throw new IOException("poll on " + name + ": " + LibC.describe(LibC.errno()));
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
