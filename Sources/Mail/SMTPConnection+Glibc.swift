#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking TCP connection with deadlines, owning its file descriptor.
final class SMTPConnection {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let clock = ContinuousClock()

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Connects to the first address of `host` that answers before the timeout.
    static func open(host: String, port: UInt16, timeout: Duration) throws(MailError) -> SMTPConnection {
        func fail(_ text: String) -> MailError { .transient(SMTPFailure(step: .connect, code: nil, reply: text)) }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw fail("cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address for \(host)"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            let connection = SMTPConnection(descriptor: fd)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return connection }
            guard errno == EINPROGRESS else {
                lastError = "connect to \(host):\(port): \(String(cString: strerror(errno)))"
                continue
            }
            let deadline = connection.clock.now + timeout
            guard connection.wait(for: Int16(POLLOUT), until: deadline) else {
                lastError = "connect to \(host):\(port) timed out"
                continue
            }
            var socketError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &socketError, &length)
            if socketError == 0 { return connection }
            lastError = "connect to \(host):\(port): \(String(cString: strerror(socketError)))"
        }
        throw fail(lastError)
    }

    /// Waits until the socket is ready for `events` or the deadline passes.
    private func wait(for events: Int16, until deadline: ContinuousClock.Instant) -> Bool {
        while true {
            let remaining = clock.now.duration(to: deadline)
            guard remaining > .zero else { return false }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let result = poll(&entry, 1, milliseconds)
            if result > 0 { return true }
            if result < 0 && errno != EINTR { return false }
        }
    }

    /// Writes all bytes; a timeout or a closed peer becomes a transient failure at `step`.
    func write(_ bytes: [UInt8], step: SMTPFailure.Step, timeout: Duration) throws(MailError) {
        let deadline = clock.now + timeout
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { raw in
                send(descriptor, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                offset += sent
            } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                guard wait(for: Int16(POLLOUT), until: deadline) else {
                    throw .transient(SMTPFailure(step: step, code: nil, reply: "timed out writing to the server"))
                }
            } else {
                let reason = String(cString: strerror(errno))
                throw .transient(SMTPFailure(step: step, code: nil, reply: "connection lost while writing: \(reason)"))
            }
        }
    }

    /// Reads one line ending in CRLF (or LF) without its terminator.
    func readLine(step: SMTPFailure.Step, deadline: ContinuousClock.Instant, maxLength: Int) throws(MailError) -> String
    {
        func fail(_ text: String) -> MailError { .transient(SMTPFailure(step: step, code: nil, reply: text)) }
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == 0x0D { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            // Checked as bytes arrive, so a server cannot make us buffer without bound.
            guard buffer.count <= maxLength else { throw fail("reply line longer than \(maxLength) bytes") }
            guard wait(for: Int16(POLLIN), until: deadline) else { throw fail("timed out waiting for the server") }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer += chunk[..<count]
            } else if count == 0 {
                throw fail("the server closed the connection")
            } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                throw fail("connection lost while reading: \(String(cString: strerror(errno)))")
            }
        }
    }

    func deadline(after timeout: Duration) -> ContinuousClock.Instant {
        clock.now + timeout
    }
}
