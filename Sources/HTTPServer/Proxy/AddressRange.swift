/// A block of IP addresses in CIDR notation (`10.0.0.0/8`, `::1`, `fd00::/8`), for naming trusted proxies.
///
/// An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`, an IPv4 client of a dual-stack listener) is compared as
/// the IPv4 address it carries, as everywhere else in the server.
public struct AddressRange: Sendable, Equatable, CustomStringConvertible {
    /// The network's address bytes (4 or 16), with the bits past the prefix cleared.
    let network: [UInt8]
    /// How many leading bits must match.
    let prefixLength: Int
    /// As written, for messages.
    public let description: String

    /// Parses `address` or `address/prefix`; nil when either part is not a numeric address or a prefix in range.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = try? SocketAddress(host: String(parts[0]), port: 0) else { return nil }
        let bytes = Self.comparableBytes(address)
        let length: Int
        if parts.count == 2 {
            guard let value = Int(parts[1]), parts[1].allSatisfy(\.isASCII), (0...bytes.count * 8).contains(value)
            else { return nil }
            length = value
        } else {
            length = bytes.count * 8
        }
        network = Self.masked(bytes, prefixLength: length)
        prefixLength = length
        description = text
    }

    /// Parses a comma-separated list such as `127.0.0.1, 10.0.0.0/8`; nil when any entry is malformed.
    public static func list(_ text: String) -> [AddressRange]? {
        var ranges: [AddressRange] = []
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let range = AddressRange(String(entry.trimmingWhitespace())) else { return nil }
            ranges.append(range)
        }
        return ranges
    }

    /// Whether `address` lies in the block.
    public func contains(_ address: SocketAddress) -> Bool {
        let bytes = Self.comparableBytes(address)
        return bytes.count == network.count && Self.masked(bytes, prefixLength: prefixLength) == network
    }

    /// The address bytes, an IPv4-mapped IPv6 address reduced to its IPv4 part.
    static func comparableBytes(_ address: SocketAddress) -> [UInt8] {
        address.isIPv4Mapped ? Array(address.addressBytes[12...]) : address.addressBytes
    }

    static func masked(_ bytes: [UInt8], prefixLength: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let kept = min(max(prefixLength - index * 8, 0), 8)
            return kept == 8 ? byte : byte & ~(UInt8(0xFF) >> kept)
        }
    }
}

extension Array where Element == AddressRange {
    /// Whether any block holds `address`.
    func containsAddress(_ address: SocketAddress) -> Bool { contains { $0.contains(address) } }
}
