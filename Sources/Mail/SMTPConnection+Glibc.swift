#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP connection (TLS once `startTLS` ran) with deadlines on every wait, owning its file descriptor.
final class SMTPConnection {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var tls: TLSClientSession?
    private let clock = ContinuousClock()

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        tls = nil
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

    /// Upgrades the connection to TLS (implicit TLS, or after `220` to STARTTLS) and verifies the server.
    func startTLS(name: String, trustedCertificatesFile: String?, deadline: ContinuousClock.Instant) throws(MailError) {
        // RFC 3207 §4.2 (and CVE-2011-0411): anything the server sent before the handshake is discarded, never
        // read as if it came over TLS; a server that pipelines ahead of the handshake is refused.
        guard buffer.isEmpty else {
            throw .permanent(SMTPFailure(step: .tls, code: nil, reply: "the server sent data before the TLS handshake"))
        }
        let session = try TLSClientSession(
            descriptor: descriptor, name: name, trustedCertificatesFile: trustedCertificatesFile)
        while true {
            switch session.handshake() {
            case .done:
                tls = session
                return
            case .wantRead, .wantWrite:
                guard wait(for: Int16(POLLIN | POLLOUT), until: deadline) else {
                    throw .transient(SMTPFailure(step: .tls, code: nil, reply: "timed out in the TLS handshake"))
                }
            case .closed:
                throw .transient(SMTPFailure(step: .tls, code: nil, reply: "the server closed the connection"))
            case .failed(let reason, let isPermanent):
                let failure = SMTPFailure(step: .tls, code: nil, reply: reason)
                throw isPermanent ? .permanent(failure) : .transient(failure)
            }
        }
    }

    /// True once the conversation runs over TLS.
    var isEncrypted: Bool { tls != nil }

    /// Writes all bytes; a timeout or a closed peer becomes a transient failure at `step`.
    func write(_ bytes: [UInt8], step: SMTPFailure.Step, timeout: Duration) throws(MailError) {
        let deadline = clock.now + timeout
        var offset = 0
        while offset < bytes.count {
            let outcome = bytes[offset...].withUnsafeBytes { transmit($0) }
            switch outcome {
            case .done(let count): offset += count
            case .wantRead, .wantWrite:
                guard wait(for: outcome.pollEvents, until: deadline) else {
                    throw .transient(SMTPFailure(step: step, code: nil, reply: "timed out writing to the server"))
                }
            case .closed:
                throw .transient(SMTPFailure(step: step, code: nil, reply: "connection lost while writing"))
            case .failed(let reason, _):
                throw .transient(SMTPFailure(step: step, code: nil, reply: "connection lost while writing: \(reason)"))
            }
        }
    }

    /// Reads one line ending in CRLF (or LF) without its terminator.
    func readLine(step: SMTPFailure.Step, deadline: ContinuousClock.Instant, maxLength: Int) throws(MailError) -> String
    {
        func fail(_ text: String) -> MailError { .transient(SMTPFailure(step: step, code: nil, reply: text)) }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == 0x0D { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            // Checked as bytes arrive, so a server cannot make us buffer without bound.
            guard buffer.count <= maxLength else { throw fail("reply line longer than \(maxLength) bytes") }
            let outcome = chunk.withUnsafeMutableBytes { receive(into: $0) }
            switch outcome {
            case .done(let count): buffer += chunk[..<count]
            case .wantRead, .wantWrite:
                guard wait(for: outcome.pollEvents, until: deadline) else {
                    throw fail("timed out waiting for the server")
                }
            case .closed: throw fail("the server closed the connection")
            case .failed(let reason, _): throw fail("connection lost while reading: \(reason)")
            }
        }
    }

    /// One non-blocking read, through TLS once it is on.
    private func receive(into chunk: UnsafeMutableRawBufferPointer) -> TLSClientSession.Outcome {
        if let tls { return tls.read(into: chunk) }
        let count = recv(descriptor, chunk.baseAddress, chunk.count, 0)
        if count > 0 { return .done(count) }
        if count == 0 { return .closed }
        if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return .wantRead }
        return .failed(reason: String(cString: strerror(errno)), isPermanent: false)
    }

    /// One non-blocking write, through TLS once it is on.
    private func transmit(_ bytes: UnsafeRawBufferPointer) -> TLSClientSession.Outcome {
        if let tls { return tls.write(bytes) }
        let sent = send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
        if sent > 0 { return .done(sent) }
        if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { return .wantWrite }
        return .failed(reason: String(cString: strerror(errno)), isPermanent: false)
    }

    func deadline(after timeout: Duration) -> ContinuousClock.Instant {
        clock.now + timeout
    }
}

extension TLSClientSession.Outcome {
    /// The poll events a `wantRead`/`wantWrite` waits for.
    fileprivate var pollEvents: Int16 {
        if case .wantWrite = self { return Int16(POLLOUT) }
        return Int16(POLLIN)
    }
}
