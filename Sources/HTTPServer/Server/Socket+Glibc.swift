import CEpoll
import Glibc

/// Thin wrappers over the socket calls the event loops need.
enum Socket {
    /// Monotonic clock in nanoseconds, for deadlines.
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// A non-blocking listening socket with SO_REUSEADDR and SO_REUSEPORT (one per loop), IPv4 or IPv6.
    ///
    /// An IPv6 socket also accepts IPv4 clients (IPV6_V6ONLY off), so `::` serves both.
    static func makeListener(host: String, port: Int, backlog: Int32 = 4096) throws(HTTPServerError) -> Int32 {
        let address = try SocketAddress(host: host, port: port)
        let fd = socket(
            address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
            0)
        guard fd >= 0 else { throw failure("socket") }
        var one: Int32 = 1
        var zero: Int32 = 0
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        // SO_REUSEPORT lets every loop own a listening socket; the kernel spreads connections.
        setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, socklen_t(MemoryLayout<Int32>.size))
        if address.family == AF_INET6 {
            setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &zero, socklen_t(MemoryLayout<Int32>.size))
        }
        guard address.withSockaddr({ bind(fd, $0, $1) }) == 0 else {
            let error = failure("bind \(host):\(port)")
            close(fd)
            throw error
        }
        guard listen(fd, backlog) == 0 else {
            let error = failure("listen")
            close(fd)
            throw error
        }
        return fd
    }

    /// The port a socket is bound to.
    static func boundPort(_ fd: Int32) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return SocketAddress(storage).port
    }

    /// What one `accept` call gave.
    enum AcceptResult {
        /// A connection, already non-blocking with TCP_NODELAY.
        case accepted(fd: Int32, address: SocketAddress)
        /// No connection is pending.
        case wouldBlock
        /// `accept` failed with this `errno`.
        case failed(errno: Int32)
    }

    /// Accepts one connection as non-blocking with TCP_NODELAY.
    static func accept(_ listener: Int32) -> AcceptResult {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let fd = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.accept(listener, $0, &length)
            }
        }
        guard fd >= 0 else { return errno == EAGAIN || errno == EWOULDBLOCK ? .wouldBlock : .failed(errno: errno) }
        // accept4 needs _GNU_SOURCE, which the system module does not define; two fcntl calls do the same.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var one: Int32 = 1
        // Small responses must not wait on Nagle's algorithm and delayed ACKs.
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return .accepted(fd: fd, address: SocketAddress(storage))
    }

    static func failure(_ call: String) -> HTTPServerError { .system(call) }
}
