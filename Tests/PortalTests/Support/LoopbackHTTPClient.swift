import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP/1.1 client for talking to chromedriver on 127.0.0.1, over plain sockets.
///
/// FoundationNetworking's URLSession failed here with "Failed writing header" against chromedriver, and a
/// test harness should not depend on libcurl's moods; one request per connection keeps this simple.
enum LoopbackHTTPClient {
    /// Largest response accepted (screenshots of a phone page are well under this).
    static let maximumResponseByteCount = 64 * 1024 * 1024

    /// A response: status code and body.
    struct Response: Sendable {
        var status: Int
        var body: [UInt8]
    }

    /// Sends one request and reads the whole response; every socket call is bounded by `timeout` seconds.
    /// The blocking I/O runs on a Dispatch thread so it never holds a Swift concurrency thread.
    static func send(port: Int, method: String, path: String, body: [UInt8]?, timeout: TimeInterval) async throws
        -> Response
    {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result { try exchange(port: port, method: method, path: path, body: body, timeout: timeout) })
            }
        }
    }

    private static func exchange(port: Int, method: String, path: String, body: [UInt8]?, timeout: TimeInterval)
        throws -> Response
    {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw WebDriverError.setup("socket() failed: errno \(errno)") }
        defer { close(descriptor) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw WebDriverError.setup("connect to port \(port) failed: errno \(errno)") }

        let payload = body ?? []
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        head += "Accept: application/json\r\nContent-Length: \(payload.count)\r\n"
        if body != nil { head += "Content-Type: application/json; charset=utf-8\r\n" }
        let request = Array((head + "\r\n").utf8) + payload
        try writeAll(descriptor, request)
        let raw = try readToEnd(descriptor, deadline: ContinuousClock.now + .seconds(timeout))
        return try parse(raw, what: "\(method) \(path)")
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw WebDriverError.setup("write to chromedriver failed: errno \(errno)") }
            offset += written
        }
    }

    // Reads until the response is complete by its framing (chromedriver keeps the connection open despite
    // `Connection: close`), or until the driver closes it.
    private static func readToEnd(_ descriptor: Int32, deadline: ContinuousClock.Instant) throws -> [UInt8] {
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return response }
            if count < 0 {
                if errno == EINTR && ContinuousClock.now < deadline { continue }
                throw WebDriverError.setup("read from chromedriver failed or timed out: errno \(errno)")
            }
            response += buffer[0..<count]
            if isComplete(response) { return response }
            guard response.count <= maximumResponseByteCount else {
                throw WebDriverError.setup("chromedriver response over \(maximumResponseByteCount) bytes")
            }
            guard ContinuousClock.now < deadline else { throw WebDriverError.setup("chromedriver response timed out") }
        }
    }

    // RFC 9112 §6.3: the body ends after Content-Length bytes, or at the last chunk when chunked.
    private static func isComplete(_ raw: [UInt8]) -> Bool {
        guard let end = raw.firstRange(of: [13, 10, 13, 10] as [UInt8]) else { return false }
        let headers = String(decoding: raw[..<end.lowerBound], as: UTF8.self).lowercased().split(separator: "\r\n")
        let bodyCount = raw.count - end.upperBound
        if headers.contains(where: { $0.hasPrefix("transfer-encoding:") && $0.contains("chunked") }) {
            return raw.count >= 5 && raw.suffix(5).elementsEqual([48, 13, 10, 13, 10])
        }
        guard let lengthLine = headers.first(where: { $0.hasPrefix("content-length:") }),
            let length = Int(lengthLine.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return false }
        return bodyCount >= length
    }

    private static func parse(_ raw: [UInt8], what: String) throws -> Response {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = raw.firstRange(of: separator) else {
            throw WebDriverError.unexpectedResponse(method: "", path: what, detail: "no header end")
        }
        let headerLines = String(decoding: raw[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n")
        let statusParts = headerLines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw WebDriverError.unexpectedResponse(method: "", path: what, detail: "bad status line")
        }
        var body = Array(raw[end.upperBound...])
        let headers = headerLines.dropFirst().map { $0.lowercased() }
        if headers.contains(where: { $0.hasPrefix("transfer-encoding:") && $0.contains("chunked") }) {
            body = try dechunk(body, what: what)
        } else if let lengthLine = headers.first(where: { $0.hasPrefix("content-length:") }),
            let length = Int(lengthLine.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)),
            length <= body.count
        {
            body = Array(body.prefix(length))
        }
        return Response(status: status, body: body)
    }

    // RFC 9112 §7.1: hex size line, data, CRLF; a zero size ends the body.
    private static func dechunk(_ bytes: [UInt8], what: String) throws -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while true {
            guard let lineEnd = bytes[index...].firstRange(of: [13, 10]) else {
                throw WebDriverError.unexpectedResponse(method: "", path: what, detail: "bad chunk")
            }
            let sizeText = String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16),
                lineEnd.upperBound + size <= bytes.count
            else { throw WebDriverError.unexpectedResponse(method: "", path: what, detail: "bad chunk size") }
            if size == 0 { return output }
            output += bytes[lineEnd.upperBound..<(lineEnd.upperBound + size)]
            index = lineEnd.upperBound + size + 2
        }
    }
}
