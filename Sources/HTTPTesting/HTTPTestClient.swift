import Glibc
import HTTPServer

/// A response as read by `HTTPTestClient`.
public struct HTTPTestResponse: Sendable {
    /// Status code.
    public var status: Int
    /// Reason phrase.
    public var reason: String
    /// Header fields.
    public var headers: HTTPHeaders
    /// Body bytes (chunked bodies are decoded).
    public var body: [UInt8]
    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Errors of the test client.
public struct HTTPTestClientError: Error, CustomStringConvertible {
    /// What failed.
    public var description: String
}

/// A small blocking HTTP/1.1 client over a loopback socket, for tests only.
public final class HTTPTestClient {
    /// The server address: `127.0.0.1` unless given, or an IPv6 address such as `::1`.
    public let host: String
    /// The server port.
    public let port: Int
    /// Longest wait for any read (default 5 s).
    public let readTimeout: Duration
    /// The client's own address, such as `127.0.0.2` to be another client of a loopback server (default: any).
    public let localHost: String?
    /// Cookies set by responses and sent with later requests.
    public var cookies: [String: String] = [:]
    /// An API token for helpers that send one (`Authorization: Bearer`); `request` itself never sends it.
    public var bearerToken: String?
    /// Whether the connection ended in a reset (`ECONNRESET`) rather than an orderly close.
    public private(set) var wasReset = false
    private var fd: Int32 = -1
    private var buffer: [UInt8] = []

    /// Connects to `host:port` (by default on IPv4 loopback), from `localHost` if given.
    public init(
        host: String = "127.0.0.1", port: Int, readTimeout: Duration = .seconds(5), localHost: String? = nil
    ) throws {
        self.host = host
        self.port = port
        self.readTimeout = readTimeout
        self.localHost = localHost
        try connect()
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Opens a new connection, dropping the old one.
    public func connect() throws {
        if fd >= 0 { close(fd) }
        buffer = []
        wasReset = false
        let address = try SocketAddress(host: host, port: port)
        fd = socket(address.family, Int32(SOCK_STREAM.rawValue), 0)
        if let localHost {
            let local = try SocketAddress(host: localHost, port: 0)
            guard local.withSockaddr({ bind(fd, $0, $1) }) == 0 else {
                throw HTTPTestClientError(description: "bind \(localHost): \(String(cString: strerror(errno)))")
            }
        }
        guard address.withSockaddr({ Glibc.connect(fd, $0, $1) }) == 0 else {
            throw HTTPTestClientError(description: "connect: \(String(cString: strerror(errno)))")
        }
        let seconds = readTimeout.components.seconds
        var timeout = timeval(
            tv_sec: Int(seconds), tv_usec: Int(readTimeout.components.attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), 1 /* TCP_NODELAY */, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Sends raw bytes.
    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { throw HTTPTestClientError(description: "send: \(String(cString: strerror(errno)))") }
            offset += sent
        }
    }

    /// Sends a string's UTF-8 bytes.
    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Reads more bytes into the buffer; false at end of stream.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let received = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if received == 0 { return false }
        if received < 0 {
            if errno == ECONNRESET {
                wasReset = true
                return false
            }
            throw HTTPTestClientError(description: "recv: \(String(cString: strerror(errno)))")
        }
        buffer.append(contentsOf: chunk[0..<received])
        return true
    }

    /// Whether the server closed the connection (reads until end of stream or timeout, discarding bytes).
    public func isClosedByServer() -> Bool {
        while true {
            guard let more = try? fill() else { return false }
            if !more { return true }
            buffer.removeAll()
        }
    }

    /// Everything until the server closes the connection.
    public func readUntilClose() throws -> [UInt8] {
        while try fill() {}
        defer { buffer.removeAll() }
        return buffer
    }

    private func readLine() throws -> String {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                let line = buffer[..<end]
                buffer.removeFirst(end + 1)
                return String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
            }
            guard try fill() else { throw HTTPTestClientError(description: "connection closed mid-line") }
        }
    }

    private func readBytes(_ count: Int) throws -> [UInt8] {
        while buffer.count < count {
            guard try fill() else { throw HTTPTestClientError(description: "connection closed mid-body") }
        }
        defer { buffer.removeFirst(count) }
        return Array(buffer[..<count])
    }

    /// Reads one response; `isHead` skips the body a HEAD response announces.
    public func readResponse(isHead: Bool = false) throws -> HTTPTestResponse {
        let statusLine = try readLine()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else {
            throw HTTPTestClientError(description: "bad status line \(statusLine)")
        }
        var headers = HTTPHeaders()
        while true {
            let line = try readLine()
            if line.isEmpty { break }
            guard let colon = line.firstIndex(of: ":") else {
                throw HTTPTestClientError(description: "bad header \(line)")
            }
            headers.add(String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: " "))
        }
        var body: [UInt8] = []
        if isHead || status < 200 || status == 204 || status == 304 {
        } else if headers["Transfer-Encoding"]?.lowercased() == "chunked" {
            while true {
                guard let size = Int(try readLine().split(separator: ";")[0], radix: 16) else {
                    throw HTTPTestClientError(description: "bad chunk")
                }
                if size == 0 {
                    _ = try readLine()
                    break
                }
                body += try readBytes(size)
                _ = try readLine()
            }
        } else if let length = headers["Content-Length"].flatMap({ Int($0) }) {
            body = try readBytes(length)
        } else {
            body = try readUntilClose()
        }
        for value in headers.values(for: "Set-Cookie") {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
        }
        return HTTPTestResponse(
            status: status, reason: parts.count > 2 ? String(parts[2]) : "", headers: headers, body: body)
    }

    /// Sends a request with `Host`, `Content-Length` and the jar's cookies, and reads the answer; reconnects once if the server had closed.
    public func request(
        _ method: HTTPMethod, _ path: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []
    ) throws -> HTTPTestResponse {
        var text = "\(method.rawValue) \(path) HTTP/1.1\r\nHost: localhost\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == .post || method == .put || method == .patch {
            text += "Content-Length: \(body.count)\r\n"
        }
        if !cookies.isEmpty, !headers.contains("Cookie") {
            text +=
                "Cookie: " + cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
                + "\r\n"
        }
        let bytes = Array((text + "\r\n").utf8) + body
        do {
            try send(bytes)
            return try readResponse(isHead: method == .head)
        } catch {
            try connect()
            try send(bytes)
            return try readResponse(isHead: method == .head)
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
