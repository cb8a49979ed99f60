import Glibc

/// The key a client's guesses are counted under: an IPv4 address as it is, an IPv6 address by its
/// /64 network, since one subscriber usually holds a whole /64 and could otherwise change address
/// with every guess.
enum ClientKey {
    static func forAddress(_ address: String) -> String {
        guard address.contains(":") else { return address }
        var parsed = in6_addr()
        guard inet_pton(AF_INET6, address, &parsed) == 1 else { return address }
        let bytes = withUnsafeBytes(of: &parsed) { Array($0) }
        // An IPv4 client seen through IPv6 (`::ffff:192.0.2.7`) is counted by its IPv4 address.
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return bytes[12...].map(String.init).joined(separator: ".")
        }
        let prefix = Array(bytes.prefix(8))
        let groups = stride(from: 0, to: 8, by: 2).map { index in
            String(UInt16(prefix[index]) << 8 | UInt16(prefix[index + 1]), radix: 16)
        }
        return groups.joined(separator: ":") + "::/64"
    }
}
