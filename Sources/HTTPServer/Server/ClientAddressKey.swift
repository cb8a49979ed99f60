import Glibc

/// The part of a client address that the per-address connection cap counts by.
///
/// IPv4 by its whole address; IPv6 by its /64 prefix, the smallest block one subscriber is usually
/// given (RFC 6177), so a client cannot escape the cap by rotating interface identifiers; an IPv4-mapped
/// IPv6 address (`::ffff:a.b.c.d`, an IPv4 client of a dual-stack listener) by its IPv4 address.
struct ClientAddressKey: Hashable, Sendable, CustomStringConvertible {
    /// 4 bytes for IPv4, the first 8 bytes of the address for IPv6.
    let bytes: [UInt8]

    init(_ address: SocketAddress) {
        let bytes = address.addressBytes
        switch address.family {
        case AF_INET6: self.bytes = address.isIPv4Mapped ? Array(bytes[12...]) : Array(bytes[0..<8])
        default: self.bytes = bytes
        }
    }

    var description: String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        let groups = stride(from: 0, to: bytes.count, by: 2).map {
            String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16)
        }
        return groups.joined(separator: ":") + "::/64"
    }
}
