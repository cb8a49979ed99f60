import HTTPServer

/// The key a client's guesses are counted under: an IPv4 address as it is, an IPv6 address by its
/// /64 network, since one subscriber usually holds a whole /64 and could otherwise change address
/// with every guess.
enum ClientKey {
    static func forAddress(_ address: String) -> String {
        guard address.contains(":"), let parsed = try? SocketAddress(host: address, port: 0) else { return address }
        // `host` names an IPv4 client seen through IPv6 (`::ffff:192.0.2.7`) by its IPv4 address.
        let host = parsed.host
        guard host.contains(":") else { return host }
        let prefix = Array(parsed.addressBytes.prefix(8))
        let groups = stride(from: 0, to: 8, by: 2).map { index in
            String(UInt16(prefix[index]) << 8 | UInt16(prefix[index + 1]), radix: 16)
        }
        return groups.joined(separator: ":") + "::/64"
    }
}
