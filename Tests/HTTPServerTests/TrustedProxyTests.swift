import HTTPTesting
import Testing

@testable import HTTPServer

/// `trustedProxies`: `X-Forwarded-For` names the client only when the peer is a trusted proxy.
@Suite struct TrustedProxyTests {
    static func echoRouter() -> Router {
        var router = Router()
        router.add(.get, "/who") { request in .text(request.remoteAddress) }
        return router
    }

    static func forwarded(_ value: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add("X-Forwarded-For", value)
        return headers
    }

    @Test func rangesParseAndMatchByPrefix() throws {
        let block = try #require(AddressRange("10.1.0.0/16"))
        #expect(block.contains(try SocketAddress(host: "10.1.200.3", port: 0)))
        #expect(!block.contains(try SocketAddress(host: "10.2.0.1", port: 0)))
        // An IPv4 client of a dual-stack listener arrives IPv4-mapped and is compared as IPv4.
        #expect(block.contains(try SocketAddress(host: "::ffff:10.1.0.9", port: 0)))
        let v6 = try #require(AddressRange("fd00::/8"))
        #expect(v6.contains(try SocketAddress(host: "fd12::1", port: 0)))
        #expect(!v6.contains(try SocketAddress(host: "fe80::1", port: 0)))
        #expect(!v6.contains(try SocketAddress(host: "10.1.0.1", port: 0)))
        let single = try #require(AddressRange("127.0.0.1"))
        #expect(single.contains(try SocketAddress(host: "127.0.0.1", port: 0)))
        #expect(!single.contains(try SocketAddress(host: "127.0.0.2", port: 0)))
        #expect(AddressRange("0.0.0.0/0")?.contains(try SocketAddress(host: "203.0.113.9", port: 0)) == true)
    }

    @Test(arguments: ["", "proxy.example", "10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/８"])
    func malformedRangesAreRefused(_ text: String) {
        #expect(AddressRange(text) == nil)
    }

    @Test func aListWithOneBadEntryIsRefusedWhole() {
        #expect(AddressRange.list("127.0.0.1, 10.0.0.0/8")?.count == 2)
        #expect(AddressRange.list("127.0.0.1, nginx") == nil)
    }

    @Test func theForwardedClientIsTheFirstUntrustedHopFromTheRight() throws {
        let trusted = try [#require(AddressRange("127.0.0.1")), #require(AddressRange("10.0.0.0/8"))]
        func client(_ header: String?, peerTrusted: Bool = true) -> String {
            ForwardedClient.address(
                peer: "127.0.0.1", isTrustedPeer: peerTrusted, headers: header.map(Self.forwarded) ?? HTTPHeaders(),
                trusted: trusted)
        }
        #expect(client("203.0.113.9") == "203.0.113.9")
        // The client wrote the left entry itself; the proxy appended the address it saw.
        #expect(client("198.51.100.1, 203.0.113.9") == "203.0.113.9")
        // Two proxies in a row: the inner one's entry is skipped.
        #expect(client("203.0.113.9, 10.0.0.5") == "203.0.113.9")
        #expect(client("2001:db8::7") == "2001:db8::7")
        // Unreadable or missing: the nearest address we can vouch for stands.
        #expect(client("not-an-address") == "127.0.0.1")
        #expect(client("203.0.113.9, garbage, 10.0.0.5") == "10.0.0.5")
        #expect(client(nil) == "127.0.0.1")
        #expect(client("") == "127.0.0.1")
        // From a peer that is not a trusted proxy, the header is the client's word and is ignored.
        #expect(client("203.0.113.9", peerTrusted: false) == "127.0.0.1")
    }

    @Test func overLoopbackTheHeaderCountsOnlyFromATrustedPeer() throws {
        var configuration = makeTestConfiguration()
        configuration.trustedProxies = [try #require(AddressRange("127.0.0.1"))]
        try withTestServer(Self.echoRouter(), configuration: configuration) { port in
            let proxy = try HTTPTestClient(port: port)
            #expect(try proxy.request(.get, "/who", headers: Self.forwarded("203.0.113.9")).text == "203.0.113.9")
            #expect(try proxy.request(.get, "/who").text == "127.0.0.1")
            let stranger = try HTTPTestClient(port: port, localHost: "127.0.0.2")
            #expect(try stranger.request(.get, "/who", headers: Self.forwarded("203.0.113.9")).text == "127.0.0.2")
        }
        // No trusted proxies (the default): the header is ignored for everyone.
        try withTestServer(Self.echoRouter()) { port in
            let client = try HTTPTestClient(port: port)
            #expect(try client.request(.get, "/who", headers: Self.forwarded("203.0.113.9")).text == "127.0.0.1")
        }
    }

    /// Every client behind a proxy shares its address: the per-address cap must not count the proxy.
    @Test func aTrustedProxyIsNotHeldToThePerAddressCap() throws {
        var configuration = makeTestConfiguration()
        configuration.maxConnectionsPerAddress = 1
        configuration.trustedProxies = [try #require(AddressRange("127.0.0.1"))]
        try withTestServer(Self.echoRouter(), configuration: configuration) { port in
            let clients = try (0..<3).map { _ in try HTTPTestClient(port: port) }
            for client in clients { #expect(try client.request(.get, "/who").status == 200) }
            let first = try HTTPTestClient(port: port, localHost: "127.0.0.2")
            #expect(try first.request(.get, "/who").status == 200)
            #expect(try HTTPTestClient(port: port, localHost: "127.0.0.2").readResponse().status == 503)
        }
    }
}
