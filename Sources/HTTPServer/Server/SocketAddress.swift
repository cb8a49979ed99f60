import Glibc

/// An IPv4 or IPv6 address and port, as the socket calls take it.
public struct SocketAddress: Sendable {
    /// `AF_INET` or `AF_INET6`.
    public let family: Int32
    private let storage: sockaddr_storage

    /// Parses a numeric host: `127.0.0.1`, `0.0.0.0`, `::1`, `::` or `[::1]`. Names are not resolved.
    public init(host: String, port: Int) throws(HTTPServerError) {
        var text = host
        if text.hasPrefix("[") && text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        guard (0...65_535).contains(port) else {
            throw HTTPServerError(.internalServerError, field: "port", rule: "\(port) is not a port (0…65535)")
        }
        var storage = sockaddr_storage()
        let isParsed = withUnsafeMutableBytes(of: &storage) { raw -> Bool in
            if text.contains(":") {
                let address = raw.baseAddress!.assumingMemoryBound(to: sockaddr_in6.self)
                address.pointee.sin6_family = sa_family_t(AF_INET6)
                address.pointee.sin6_port = in_port_t(UInt16(port).bigEndian)
                return inet_pton(AF_INET6, text, &address.pointee.sin6_addr) == 1
            }
            let address = raw.baseAddress!.assumingMemoryBound(to: sockaddr_in.self)
            address.pointee.sin_family = sa_family_t(AF_INET)
            address.pointee.sin_port = in_port_t(UInt16(port).bigEndian)
            return inet_pton(AF_INET, text, &address.pointee.sin_addr) == 1
        }
        guard isParsed else {
            throw HTTPServerError(
                .internalServerError, field: "host", rule: "\(host) is not a numeric IPv4 or IPv6 address")
        }
        self.init(storage: storage)
    }

    /// Wraps an address filled in by `accept` or `getsockname`.
    init(storage: sockaddr_storage) {
        self.storage = storage
        family = Int32(storage.ss_family)
    }

    /// The byte length the socket calls expect for this family.
    var length: socklen_t {
        socklen_t(family == AF_INET6 ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size)
    }

    /// The port number.
    public var port: Int {
        withUnsafeBytes(of: storage) { raw in
            let port =
                family == AF_INET6
                ? raw.load(as: sockaddr_in6.self).sin6_port : raw.load(as: sockaddr_in.self).sin_port
            return Int(UInt16(bigEndian: port))
        }
    }

    /// The address as text: dotted IPv4, or compressed IPv6 (`::1`); an IPv4-mapped IPv6 address
    /// (`::ffff:192.0.2.1`, an IPv4 client of a dual-stack listener) is given as plain IPv4.
    public var host: String {
        withUnsafeBytes(of: storage) { raw in
            var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            if family == AF_INET6 {
                var address = raw.load(as: sockaddr_in6.self).sin6_addr
                let bytes = withUnsafeBytes(of: &address) { Array($0) }
                if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
                    return bytes[12...].map(String.init).joined(separator: ".")
                }
                inet_ntop(AF_INET6, &address, &text, socklen_t(text.count))
            } else {
                var address = raw.load(as: sockaddr_in.self).sin_addr
                inet_ntop(AF_INET, &address, &text, socklen_t(text.count))
            }
            return String(nullTerminated: text)
        }
    }

    /// Calls `body` with the address as the `sockaddr` pointer the socket calls take.
    public func withSockaddr<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) throws -> T) rethrows -> T {
        try withUnsafeBytes(of: storage) { raw in
            try body(raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), length)
        }
    }
}
