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

    /// One mail transaction as seen by the server.
    public struct Envelope: Sendable, Equatable {
        public var hello = ""
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
        var isStopped = false
    }

    public let port: UInt16
    private let listener: Int32
    private let behaviour: Behaviour
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
        session.send(behaviour.greeting)
        var envelope = Envelope()
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
                session.send("250-sink.test greets you\r\n250-8BITMIME\r\n250 SIZE 1000000")
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
                envelope = Envelope(hello: envelope.hello)
                return true
            }
            envelope.rawData += Array((line + "\r\n").utf8)
            let unstuffed = line.hasPrefix(".") ? String(line.dropFirst()) : line
            envelope.message += Array((unstuffed + "\r\n").utf8)
        }
        return false
    }
}

/// Line-based I/O on one accepted connection.
struct SinkSession {
    let descriptor: Int32
    private var buffer: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func send(_ reply: String) {
        let bytes = Array((reply + "\r\n").utf8)
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
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
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
