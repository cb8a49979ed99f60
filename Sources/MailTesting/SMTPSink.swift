import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny SMTP server on loopback (port 0) for tests: records what it receives, misbehaves on request.
public final class SMTPSink: Sendable {
    /// How the sink answers; verbs are upper-case SMTP commands, `.` is the end of DATA.
    public struct Behaviour: Sendable {
        public var greeting = "220 sink.test ESMTP ready"
        /// Reply sent instead of the normal one, e.g. `["RCPT": "550 5.1.1 no such user"]`.
        public var replies: [String: String] = [:]
        /// Close the connection without answering this verb.
        public var closeAt: String?
        /// Never answer this verb (the client must time out).
        public var stallAt: String?
        /// TLS on the server side: STARTTLS offered, or TLS from the first byte (default none).
        public var tls: TLS?
        /// User name and password that AUTH accepts; AUTH is offered only when set (and, with TLS, only once on).
        public var credentials: (username: String, password: String)?
        /// Mechanisms offered after `AUTH` in the EHLO reply (default PLAIN and LOGIN).
        public var authMechanisms = ["PLAIN", "LOGIN"]

        /// A behaviour; by default every command is accepted.
        public init(
            greeting: String = "220 sink.test ESMTP ready", replies: [String: String] = [:], closeAt: String? = nil,
            stallAt: String? = nil
        ) {
            self.greeting = greeting
            self.replies = replies
            self.closeAt = closeAt
            self.stallAt = stallAt
        }
    }

    /// How the sink speaks TLS, with which certificate.
    public struct TLS: Sendable {
        public enum Mode: Sendable { case startTLS, implicit }
        public var mode: Mode
        public var certificate: TestCertificate

        public init(_ mode: Mode, certificate: TestCertificate) {
            self.mode = mode
            self.certificate = certificate
        }
    }

    /// One mail transaction as seen by the server.
    public struct Envelope: Sendable, Equatable {
        public var hello = ""
        /// True when the transaction arrived over TLS.
        public var isEncrypted = false
        /// The user name AUTH accepted, nil without AUTH.
        public var authenticatedAs: String?
        public var mailFrom = ""
        public var recipients: [String] = []
        /// DATA exactly as received on the wire, before removing dot-stuffing, without the final `.` line.
        public var rawData: [UInt8] = []
        /// DATA after removing dot-stuffing: the message as the sender rendered it.
        public var message: [UInt8] = []
    }

    private struct State {
        public var envelopes: [Envelope] = []
        public var commands: [String] = []
        var failedHandshakes = 0
        var isStopped = false
    }

    public let port: UInt16
    private let listener: Int32
    let behaviour: Behaviour
    private let state = Mutex(State())
    private let finished = DispatchSemaphore(value: 0)

    public init(_ behaviour: Behaviour = Behaviour()) throws {
        self.behaviour = behaviour
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        guard port != 0 else { throw POSIXError(.EADDRNOTAVAIL) }
        let thread = Thread { [self] in
            self.acceptLoop()
            self.finished.signal()
        }
        thread.start()
    }

    public var envelopes: [Envelope] { state.withLock { $0.envelopes } }
    public var commands: [String] { state.withLock { $0.commands } }
    /// TLS handshakes that failed (e.g. the client refused the certificate).
    public var failedHandshakes: Int { state.withLock { $0.failedHandshakes } }

    func recordFailedHandshake() {
        state.withLock { $0.failedHandshakes += 1 }
    }

    /// Stops accepting and waits for the server thread to end.
    public func stop() {
        state.withLock { $0.isStopped = true }
        finished.wait()
        close(listener)
    }

    private func acceptLoop() {
        while !state.withLock({ $0.isStopped }) {
            var entry = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 20) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            // A stuck client cannot hang the test run: reads give up after five seconds.
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var session = SinkSession(descriptor: client)
            serve(&session)
            close(client)
        }
    }

    private func serve(_ session: inout SinkSession) {
        if behaviour.tls?.mode == .implicit {
            guard startTLS(&session) else { return }
        }
        session.send(behaviour.greeting)
        var envelope = Envelope(isEncrypted: session.isEncrypted)
        while let line = session.readLine() {
            let verb = line.split(separator: " ").first.map { String($0).uppercased() } ?? ""
            state.withLock { $0.commands.append(line) }
            if verb == behaviour.stallAt { return session.drain() }
            if verb == behaviour.closeAt { return }
            if let reply = behaviour.replies[verb] {
                session.send(reply)
                continue
            }
            switch verb {
            case "EHLO":
                envelope.hello = line
                session.send(extendedHello(isEncrypted: session.isEncrypted))
            case "STARTTLS" where behaviour.tls?.mode == .startTLS && !session.isEncrypted:
                session.send("220 2.0.0 ready to start TLS")
                guard startTLS(&session) else { return }
                // RFC 3207 §4.2: the client starts again with EHLO.
                envelope = Envelope(isEncrypted: true)
            case "AUTH" where behaviour.credentials != nil:
                guard let user = authenticate(line, &session) else { continue }
                envelope.authenticatedAs = user
            case "HELO":
                envelope.hello = line
                session.send("250 sink.test")
            case "MAIL":
                envelope.mailFrom = String(line.dropFirst("MAIL FROM:".count))
                session.send("250 2.1.0 ok")
            case "RCPT":
                envelope.recipients.append(String(line.dropFirst("RCPT TO:".count)))
                session.send("250 2.1.5 ok")
            case "DATA":
                session.send("354 end with <CRLF>.<CRLF>")
                guard receiveData(&session, into: &envelope) else { return }
            case "QUIT":
                session.send("221 bye")
                return
            default:
                session.send("500 5.5.1 unknown command")
            }
        }
    }

    /// Reads DATA lines until `.`; returns false when the session should end.
    private func receiveData(_ session: inout SinkSession, into envelope: inout Envelope) -> Bool {
        while let line = session.readLine() {
            if line == "." {
                state.withLock { $0.commands.append(".") }
                if behaviour.stallAt == "." {
                    session.drain()
                    return false
                }
                if behaviour.closeAt == "." { return false }
                if let reply = behaviour.replies["."] {
                    session.send(reply)
                } else {
                    state.withLock { $0.envelopes.append(envelope) }
                    session.send("250 2.0.0 queued as Q\(envelopes.count)")
                }
                envelope = Envelope(
                    hello: envelope.hello, isEncrypted: envelope.isEncrypted, authenticatedAs: envelope.authenticatedAs)
                return true
            }
            envelope.rawData += Array((line + "\r\n").utf8)
            let unstuffed = line.hasPrefix(".") ? String(line.dropFirst()) : line
            envelope.message += Array((unstuffed + "\r\n").utf8)
        }
        return false
    }
}

/// Line-based I/O on one accepted connection, through TLS once it is on.
struct SinkSession {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private var tls: SinkTLSSession?

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    var isEncrypted: Bool { tls != nil }

    /// Bytes the client sent ahead of the handshake are dropped (RFC 3207 §4.2).
    mutating func encrypt(with session: SinkTLSSession) {
        buffer.removeAll()
        tls = session
    }

    func send(_ reply: String) {
        let bytes = Array((reply + "\r\n").utf8)
        if let tls { return tls.write(bytes) }
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    mutating func readLine() -> String? {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                if line.last == 0x0D { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { raw in
                tls.map { $0.read(into: raw) } ?? recv(descriptor, raw.baseAddress, raw.count, 0)
            }
            guard count > 0 else { return nil }
            buffer += chunk[..<count]
        }
    }

    /// Reads and ignores input until the client hangs up (or the read timeout passes).
    func drain() {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while chunk.withUnsafeMutableBytes({ recv(descriptor, $0.baseAddress, $0.count, 0) }) > 0 {}
    }
}
