import HTTPTesting
import Testing

@testable import HTTPServer

/// Listening on IPv4 and IPv6 addresses, and what `remoteAddress` says about the client.
@Suite struct AddressTests {

    static func withServer(host: String, _ body: (Int) throws -> Void) throws {
        var router = Router()
        router.add(.get, "/who", options: RouteOptions(execution: .inline)) { request in .text(request.remoteAddress) }
        var configuration = makeTestConfiguration()
        configuration.host = host
        try withTestServer(router, configuration: configuration, body)
    }

    static func who(host: String, port: Int) throws -> String {
        try HTTPTestClient(host: host, port: port).request(.get, "/who").text
    }

    @Test(.enabled(if: isIPv6LoopbackAvailable, "no IPv6 loopback here"), arguments: ["::1", "[::1]"])
    func servesIPv6Loopback(host: String) throws {
        try Self.withServer(host: host) { port in
            let client = try Self.who(host: "::1", port: port)
            #expect(client == "::1")
            // An IPv6-only address does not answer on IPv4.
            #expect(throws: (any Error).self) { try HTTPTestClient(host: "127.0.0.1", port: port) }
        }
    }

    @Test(.enabled(if: isIPv6LoopbackAvailable, "no IPv6 loopback here"))
    func theIPv6WildcardAlsoServesIPv4ClientsUnderTheirIPv4Address() throws {
        try Self.withServer(host: "::") { port in
            let clients = [try Self.who(host: "::1", port: port), try Self.who(host: "127.0.0.1", port: port)]
            #expect(clients == ["::1", "127.0.0.1"])
        }
    }

    @Test func ipv4ClientsAreNamedInDottedForm() throws {
        try Self.withServer(host: "127.0.0.1") { port in
            let client = try Self.who(host: "127.0.0.1", port: port)
            #expect(client == "127.0.0.1")
        }
    }

    @Test(arguments: ["localhost", "1.2.3", "::1::2", "[::1", "", "127.0.0.1:80"])
    func namesAndMalformedAddressesAreRefusedByName(host: String) {
        var configuration = makeTestConfiguration()
        configuration.host = host
        let server = HTTPServer(configuration: configuration, router: Router())
        #expect {
            try server.start()
        } throws: { error in
            String(describing: error).contains("\(host) is not a numeric IPv4 or IPv6 address")
        }
    }

    @Test func portsOutsideTheRangeAreRefused() {
        #expect(throws: HTTPServerError.self) { try SocketAddress(host: "127.0.0.1", port: 70_000) }
        #expect(throws: HTTPServerError.self) { try SocketAddress(host: "::1", port: -1) }
        #expect((try? SocketAddress(host: "::1", port: 8080))?.port == 8080)
    }
}
