package org.flannel.reference.tun;

import java.nio.ByteBuffer;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
import jnr.ffi.types.u_int64_t;

/**
 * The few libc calls a TUN device needs, bound through jnr-ffi. A direct ByteBuffer is passed as its
 * address plus its position (jnr-ffi's rule), so packets never leave native memory. Public only because
 * jnr-ffi implements it in a class loader of its own; nothing outside this package uses it.
 */
public interface LibC {
    int O_RDWR = 0x2;
    int O_NONBLOCK = 0x800;
    int O_CLOEXEC = 0x80000;
    int EINTR = 4;
    int EAGAIN = 11;
    short POLLIN = 0x1;

    /** Loaded once: binding the library generates code, far too slow to repeat. */
    LibC INSTANCE = LibraryLoader.create(LibC.class).load("c");

    Runtime RUNTIME = Runtime.getRuntime(INSTANCE);

    @SaveError
    int open(String path, int flags);

    @SaveError
    int ioctl(int fd, @u_int64_t long request, Pointer argument);

    @SaveError
    @ssize_t
    long read(int fd, @Out ByteBuffer buffer, @size_t long count);

    @SaveError
    @ssize_t
    long write(int fd, @In ByteBuffer buffer, @size_t long count);

    /** {@code fds} points at {@code nfds} {@code struct pollfd} (int fd; short events; short revents). */
    @SaveError
    int poll(Pointer fds, @u_int64_t long nfds, int timeoutMillis);

    int close(int fd);

    String strerror(int errno);

    static int errno() {
        return RUNTIME.getLastError();
    }

    static String describe(int errno) {
        return INSTANCE.strerror(errno) + " (errno " + errno + ")";
    }
}
