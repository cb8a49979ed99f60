import Foundation
import HTTPTesting
import Synchronization
import Testing

@testable import HTTPServer

/// Caps that keep one client from holding every connection, and what a refused client sees.
@Suite struct ConnectionLimitTests {
    /// Sends a request and reads the answer on a fresh connection from `localHost`, retrying while the
    /// server has not yet seen an earlier connection of that address close.
    static func statusOfFreshRequest(port: Int, localHost: String = "127.0.0.1") throws -> Int {
        var status = 0
        for _ in 0..<50 {
            status = try HTTPTestClient(port: port, localHost: localHost).request(.get, "/hello").status
            if status != 503 { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return status
    }

    @Test func oneAddressGetsAtMostItsCapAndOthersStillGetIn() throws {
        let log = LogCollector()
        var configuration = makeTestConfiguration(errorLog: log.sink)
        configuration.maxConnectionsPerAddress = 2
        try withTestServer(makeRouter(), configuration: configuration) { port in
            var first: HTTPTestClient? = try HTTPTestClient(port: port)
            let second = try HTTPTestClient(port: port)
            #expect(try first?.request(.get, "/hello").status == 200)
            #expect(try second.request(.get, "/hello").status == 200)
            let third = try HTTPTestClient(port: port)
            let refused = try third.readResponse()
            #expect(refused.status == 503)
            #expect(refused.headers["Connection"] == "close")
            #expect(third.isClosedByServer())
            #expect(log.all.contains { $0.contains("refused: more than 2 connections from 127.0.0.1") })
            // Another address is not held back by this one's connections.
            #expect(try HTTPTestClient(port: port, localHost: "127.0.0.2").request(.get, "/hello").status == 200)
            // A slot comes free when one of the address's connections closes.
            first = nil
            #expect(try Self.statusOfFreshRequest(port: port) == 200)
            #expect(try second.request(.get, "/hello").status == 200)
        }
    }

    /// A connection flood must not become a log flood: one line per interval, counting the rest.
    @Test func refusalsAreLoggedAtMostOncePerInterval() throws {
        let log = LogCollector()
        var configuration = makeTestConfiguration(errorLog: log.sink)
        configuration.maxConnectionsPerAddress = 1
        configuration.refusalLogInterval = .milliseconds(300)
        try withTestServer(makeRouter(), configuration: configuration) { port in
            let holder = try HTTPTestClient(port: port)
            #expect(try holder.request(.get, "/hello").status == 200)
            for _ in 0..<5 { #expect(try HTTPTestClient(port: port).readResponse().status == 503) }
            #expect(log.all.filter { $0.contains("refused") }.count == 1)
            Thread.sleep(forTimeInterval: 0.4)
            #expect(try HTTPTestClient(port: port).readResponse().status == 503)
            let lines = log.all.filter { $0.contains("refused") }
            #expect(lines.count == 2)
            #expect(
                lines.last?.hasSuffix(
                    "refused: more than 1 connections from 127.0.0.1 (and 4 more since the last such line)") == true)
        }
    }

    /// Closing with the client's request unread would reset the connection, and the 503 with it.
    @Test func aRefusedClientThatSentABodyStillReadsThe503() throws {
        var configuration = makeTestConfiguration(maxConnections: 1)
        configuration.errorLog = nil
        try withTestServer(makeRouter(), configuration: configuration) { port in
            let holder = try HTTPTestClient(port: port)
            #expect(try holder.request(.get, "/hello").status == 200)
            let refused = try HTTPTestClient(port: port)
            let body = [UInt8](repeating: 0x61, count: 1 << 20)
            try refused.send(
                Array("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body)
            let response = try refused.readResponse()
            #expect(response.status == 503)
            #expect(response.text.contains("too many connections"))
            #expect(refused.isClosedByServer())
            #expect(!refused.wasReset)
        }
    }

    @Test func aBodySlowerThanTheMinimumRateGets408AfterTheGracePeriod() throws {
        var configuration = makeTestConfiguration(bodyTimeout: .seconds(5))
        configuration.bodyGracePeriod = .milliseconds(300)
        configuration.minimumBodyBytesPerSecond = 1000
        let log = LogCollector()
        configuration.errorLog = log.sink
        try withTestServer(makeRouter(), configuration: configuration) { port in
            let client = try HTTPTestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n")
            // One byte every 50 ms restarts the between-reads timeout each time; only the rate stops it.
            let isDone = Atomic<Bool>(false)
            // Sending touches only the socket, which the reading thread shares safely.
            nonisolated(unsafe) let sender = client
            let dripper = Thread {
                for _ in 0..<60 where !isDone.load(ordering: .relaxed) {
                    guard (try? sender.send("a")) != nil else { return }
                    Thread.sleep(forTimeInterval: 0.05)
                }
            }
            dripper.start()
            defer { isDone.store(true, ordering: .relaxed) }
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(log.all.contains { $0.contains("arrived slower than 1000 bytes/s") })
        }
    }

    @Test func addressesAreCountedByIPv4AddressOrIPv6Slash64() throws {
        func key(_ host: String) throws -> ClientAddressKey { ClientAddressKey(try SocketAddress(host: host, port: 0)) }
        #expect(try key("192.0.2.1").bytes == [192, 0, 2, 1])
        #expect(try key("::ffff:192.0.2.1") == key("192.0.2.1"))
        #expect(try key("192.0.2.1") != key("192.0.2.2"))
        #expect(try key("2001:db8:1:2:aaaa::1") == key("2001:db8:1:2:bbbb:cccc:dddd:2"))
        #expect(try key("2001:db8:1:3::1") != key("2001:db8:1:2::1"))
        #expect(try key("2001:db8:1:2::1").description == "2001:db8:1:2::/64")
        #expect(try key("::1") != key("127.0.0.1"))
    }

    static let budgets: [(soft: UInt64, hard: UInt64, raised: UInt64?, connections: Int, warns: Bool)] = [
        (1_048_576, 1_048_576, nil, 16_384, false),  // enough already
        (1024, 1_048_576, 1_048_576, 16_384, false),  // soft raised to the hard limit
        (1024, .max, 16_512, 16_384, false),  // unlimited hard limit: raised only as far as needed
        (256, 256, nil, 128, true),  // cannot raise: fewer connections, and a warning
        (256, 4096, 4096, 3968, true),  // raised, still short
        (64, 64, nil, 1, true),  // the reserve takes everything: one connection still
    ]

    @Test(arguments: budgets)
    func theConnectionLimitFitsRLIMITNOFILE(
        _ budget: (soft: UInt64, hard: UInt64, raised: UInt64?, connections: Int, warns: Bool)
    ) {
        let decided = FileDescriptorBudget(
            softLimit: budget.soft, hardLimit: budget.hard, maxConnections: 16_384, reserved: 128)
        #expect(decided.raisedSoftLimit == budget.raised)
        #expect(decided.maxConnections == budget.connections)
        #expect((decided.warning != nil) == budget.warns)
        if budget.soft == 256 && budget.hard == 256 {
            #expect(
                decided.warning
                    == "RLIMIT_NOFILE allows 256 open files (hard limit 256), 128 of them kept for other files: "
                    + "serving at most 128 connections instead of 16384")
        }
    }

    /// With `accept` failing on `EMFILE` the listener stays ready; the loop must pause, not spin.
    @Test func outOfDescriptorsTheLoopPausesAcceptingAndLogsOnce() throws {
        let log = LogCollector()
        var configuration = makeTestConfiguration(errorLog: log.sink)
        configuration.port = 0
        configuration.acceptPauseOnDescriptorExhaustion = .milliseconds(100)
        let failures = Atomic<Int>(0)
        let failsUntil = Socket.now() + 400_000_000
        let server = HTTPServer(configuration: configuration, router: makeRouter()) { listener in
            guard Socket.now() < failsUntil else { return Socket.accept(listener) }
            failures.add(1, ordering: .relaxed)
            return .failed(errno: EMFILE)
        }
        try server.start()
        defer { server.shutdown() }
        let client = try HTTPTestClient(port: server.port)
        #expect(try client.request(.get, "/hello").status == 200)
        // 400 ms at one try per 100 ms pause: a handful of failed calls, where a spinning loop makes thousands.
        #expect(failures.load(ordering: .relaxed) <= 10)
        #expect(log.all.filter { $0.contains("pausing accepts") }.count == 1)
        #expect(log.all.filter { $0.contains("accepted again") }.count == 1)
    }
}
