import Glibc

/// An IPv4 or IPv6 address and port, as the socket calls take it.
public struct SocketAddress: Sendable {
    private enum Storage: Sendable {
        case v4(sockaddr_in)
        case v6(sockaddr_in6)
    }

    private let storage: Storage

    /// Parses a numeric host: `127.0.0.1`, `0.0.0.0`, `::1`, `::` or `[::1]`. Names are not resolved.
    public init(host: String, port: Int) throws(HTTPServerError) {
        var text = host
        if text.hasPrefix("[") && text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        guard (0...65_535).contains(port) else {
            throw HTTPServerError(.internalServerError, field: "port", rule: "\(port) is not a port (0…65535)")
        }
        let networkPort = in_port_t(UInt16(port).bigEndian)
        if text.contains(":") {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = networkPort
            if inet_pton(AF_INET6, text, &address.sin6_addr) == 1 {
                storage = .v6(address)
                return
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = networkPort
            if inet_pton(AF_INET, text, &address.sin_addr) == 1 {
                storage = .v4(address)
                return
            }
        }
        throw HTTPServerError(
            .internalServerError, field: "host", rule: "\(host) is not a numeric IPv4 or IPv6 address")
    }

    /// Reads an address filled in by `accept` or `getsockname`.
    init(_ raw: sockaddr_storage) {
        storage = withUnsafeBytes(of: raw) { bytes in
            Int32(raw.ss_family) == AF_INET6
                ? .v6(bytes.load(as: sockaddr_in6.self)) : .v4(bytes.load(as: sockaddr_in.self))
        }
    }

    /// `AF_INET` or `AF_INET6`.
    public var family: Int32 {
        switch storage {
        case .v4: AF_INET
        case .v6: AF_INET6
        }
    }

    /// The port number.
    public var port: Int {
        switch storage {
        case .v4(let address): Int(UInt16(bigEndian: address.sin_port))
        case .v6(let address): Int(UInt16(bigEndian: address.sin6_port))
        }
    }

    /// The address in network byte order: 4 bytes for IPv4, 16 for IPv6.
    public var addressBytes: [UInt8] {
        switch storage {
        case .v4(let address): withUnsafeBytes(of: address.sin_addr) { Array($0) }
        case .v6(let address): withUnsafeBytes(of: address.sin6_addr) { Array($0) }
        }
    }

    /// Whether this is an IPv4-mapped IPv6 address, `::ffff:a.b.c.d` (RFC 4291 §2.5.5.2).
    var isIPv4Mapped: Bool {
        guard case .v6 = storage else { return false }
        let bytes = addressBytes
        return bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
    }

    /// The address as text: dotted IPv4, or compressed IPv6 (`::1`); an IPv4-mapped IPv6 address
    /// (`::ffff:192.0.2.1`, an IPv4 client of a dual-stack listener) is given as plain IPv4.
    public var host: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        switch storage {
        case .v4(var address):
            inet_ntop(AF_INET, &address.sin_addr, &text, socklen_t(text.count))
        case .v6(var address):
            if isIPv4Mapped { return addressBytes[12...].map(String.init).joined(separator: ".") }
            inet_ntop(AF_INET6, &address.sin6_addr, &text, socklen_t(text.count))
        }
        return String(nullTerminated: text)
    }

    /// Calls `body` with the address as the `sockaddr` pointer and length the socket calls take.
    public func withSockaddr<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) throws -> T) rethrows -> T {
        switch storage {
        case .v4(var address):
            return try withUnsafePointer(to: &address) { pointer in
                try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    try body($0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        case .v6(var address):
            return try withUnsafePointer(to: &address) { pointer in
                try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    try body($0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        }
    }
}
