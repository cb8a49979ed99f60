/// The client address of a request that came through trusted proxies, from `X-Forwarded-For`.
///
/// Each proxy appends the address it received the request from, so the list is read from the right: the
/// entries added by trusted proxies are skipped, and the first address no trusted proxy owns is the client
/// (as nginx's `real_ip_recursive on`). Entries left of it were written by the client and may be lies.
enum ForwardedClient {
    /// The client address for a connection from `peer`, or `peer` itself when the peer is not a trusted
    /// proxy, when there is no `X-Forwarded-For`, or when the header is malformed at the point it is needed.
    static func address(peer: String, isTrustedPeer: Bool, headers: HTTPHeaders, trusted: [AddressRange]) -> String {
        guard isTrustedPeer else { return peer }
        let values = headers.values(for: "X-Forwarded-For")
        guard !values.isEmpty else { return peer }
        let hops = values.joined(separator: ",").split(separator: ",", omittingEmptySubsequences: false)
        var client = peer
        for hop in hops.reversed() {
            // A hop we cannot read ends the walk: the nearest address we could vouch for stands.
            guard let address = try? SocketAddress(host: String(hop.trimmingWhitespace()), port: 0) else { break }
            client = address.host
            if !trusted.containsAddress(address) { break }
        }
        return client
    }
}
