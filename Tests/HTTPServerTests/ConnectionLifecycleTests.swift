import Foundation
import HTTPTesting
import Testing

@testable import HTTPServer

@Suite struct ConnectionLifecycleTests {
    static let short = Duration.milliseconds(200)

    @Test func slowHeadersGet408AndClose() throws {
        let configuration = makeTestConfiguration(headerTimeout: Self.short)
        try withTestServer(makeRouter(), configuration: configuration) { port in
            let client = try HTTPTestClient(port: port)
            try client.send("GET /hello HTTP/1.1\r\nHost: x\r\n")
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(client.isClosedByServer())
        }
    }

    @Test func stalledBodyGets408AndClose() throws {
        let configuration = makeTestConfiguration(bodyTimeout: Self.short)
        try withTestServer(makeRouter(), configuration: configuration) { port in
            let client = try HTTPTestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab")
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(client.isClosedByServer())
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() throws {
        let configuration = makeTestConfiguration(idleTimeout: Self.short)
        try withTestServer(makeRouter(), configuration: configuration) { port in
            let client = try HTTPTestClient(port: port)
            #expect(try client.request(.get, "/hello").status == 200)
            #expect(client.isClosedByServer())
        }
    }

    @Test func connectionsOverTheLimitGet503() throws {
        let configuration = makeTestConfiguration(maxConnections: 2)
        try withTestServer(makeRouter(), configuration: configuration) { port in
            let first = try HTTPTestClient(port: port)
            let second = try HTTPTestClient(port: port)
            #expect(try first.request(.get, "/hello").status == 200)
            #expect(try second.request(.get, "/hello").status == 200)
            let third = try HTTPTestClient(port: port)
            #expect(try third.readResponse().status == 503)
            #expect(third.isClosedByServer())
            #expect(try first.request(.get, "/hello").status == 200)
        }
    }

    @Test func shutdownFinishesTheRequestInFlight() throws {
        var configuration = makeTestConfiguration()
        configuration.port = 0
        let server = HTTPServer(configuration: configuration, router: makeRouter())
        try server.start()
        let port = server.port
        let idle = try HTTPTestClient(port: port)
        #expect(try idle.request(.get, "/hello").status == 200)
        let client = try HTTPTestClient(port: port)
        try client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        Thread.sleep(forTimeInterval: 0.1)
        let stopper = Thread { server.shutdown() }
        stopper.start()
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "slow")
        #expect(response.headers["Connection"] == "close")
        #expect(client.isClosedByServer())
        #expect(idle.isClosedByServer())
        server.waitUntilStopped()
        #expect(throws: (any Error).self) { try HTTPTestClient(port: port) }
        #expect(throws: HTTPServerError.self) { try server.start() }
    }
}
