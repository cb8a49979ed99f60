import Dispatch
import Glibc
import HTTPTesting
import Synchronization
import Testing

@testable import HTTPServer

/// `aroundTurn`: what an event loop answers in one turn runs inside one call, after the turn's reads.
@Suite struct TurnTests {
    /// Counts turns and tells handlers which turn, if any, their thread is inside.
    final class TurnLog: Sendable {
        private let state = Mutex((turns: 0, current: Int?.none, thread: pthread_t?.none))

        var aroundTurn: @Sendable (() -> Void) -> Void {
            { [self] answer in
                state.withLock { $0 = ($0.turns + 1, $0.turns + 1, pthread_self()) }
                answer()
                state.withLock { $0.current = nil }
            }
        }

        /// The turn the calling thread is inside, as response text ("none" outside any turn).
        var currentText: String {
            state.withLock { state in
                guard let turn = state.current, let thread = state.thread, pthread_equal(thread, pthread_self()) != 0
                else { return "none" }
                return String(turn)
            }
        }
    }

    static func server(_ log: TurnLog, router: Router, _ body: (Int) throws -> Void) throws {
        var configuration = makeTestConfiguration()
        configuration.aroundTurn = log.aroundTurn
        try withTestServer(router, configuration: configuration, body)
    }

    @Test func inlineHandlersRunInsideTheTurn() throws {
        let log = TurnLog()
        var router = Router()
        router.add(.get, "/inline", options: RouteOptions(execution: .inline)) { _ in .text(log.currentText) }
        try Self.server(log, router: router) { port in
            let client = try HTTPTestClient(port: port)
            #expect(try client.request(.get, "/inline").text != "none")
        }
    }

    @Test func anInlineRequestPipelinedBehindAWorkerRequestIsAnsweredInsideATurn() throws {
        let log = TurnLog()
        var router = Router()
        router.add(.get, "/worker") { _ in .text("worker") }
        router.add(.get, "/inline", options: RouteOptions(execution: .inline)) { _ in .text(log.currentText) }
        try Self.server(log, router: router) { port in
            let client = try HTTPTestClient(port: port)
            try client.send("GET /worker HTTP/1.1\r\nHost: x\r\n\r\nGET /inline HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "worker")
            #expect(try client.readResponse().text != "none")
        }
    }

    @Test func aHookThatDoesNotCallItsArgumentStillGetsEveryRequestAnswered() throws {
        var router = Router()
        router.add(.get, "/inline", options: RouteOptions(execution: .inline)) { _ in .text("answered") }
        var configuration = makeTestConfiguration()
        configuration.aroundTurn = { _ in }
        try withTestServer(router, configuration: configuration) { port in
            let client = try HTTPTestClient(port: port)
            #expect(try client.request(.get, "/inline").text == "answered")
        }
    }

    @Test func thousandsOfPipelinedRequestsAreAllAnsweredInOrder() throws {
        let log = TurnLog()
        var router = Router()
        router.add(.get, "/echo/:n", options: RouteOptions(execution: .inline)) { request in
            .text(request.pathParameters["n"] ?? "")
        }
        try Self.server(log, router: router) { port in
            let client = try HTTPTestClient(port: port)
            let count = 3_000
            try client.send((0..<count).map { "GET /echo/\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            let answers = try (0..<count).map { _ in try client.readResponse().text }
            #expect(answers == (0..<count).map(String.init))
        }
    }

    @Test func pipelinedRequestsReadTogetherAreAnsweredInOneTurn() throws {
        let log = TurnLog()
        var router = Router()
        router.add(.get, "/turn", options: RouteOptions(execution: .inline)) { _ in .text(log.currentText) }
        try Self.server(log, router: router) { port in
            let client = try HTTPTestClient(port: port)
            try client.send(String(repeating: "GET /turn HTTP/1.1\r\nHost: x\r\n\r\n", count: 3))
            let turns = try (0..<3).map { _ in try client.readResponse().text }
            #expect(turns.allSatisfy { $0 != "none" })
            #expect(Set(turns).count == 1)
        }
    }

    @Test func requestsOnSeveralConnectionsReadyTogetherShareATurn() throws {
        let log = TurnLog()
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        var router = Router()
        // Holds the only event loop, so the next two requests are both waiting when it returns.
        router.add(.get, "/hold", options: RouteOptions(execution: .inline)) { _ in
            entered.signal()
            release.wait()
            return .text(log.currentText)
        }
        router.add(.get, "/turn", options: RouteOptions(execution: .inline)) { _ in .text(log.currentText) }
        try Self.server(log, router: router) { port in
            let holder = try HTTPTestClient(port: port)
            let first = try HTTPTestClient(port: port)
            let second = try HTTPTestClient(port: port)
            try holder.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n")
            entered.wait()
            try first.send("GET /turn HTTP/1.1\r\nHost: x\r\n\r\n")
            try second.send("GET /turn HTTP/1.1\r\nHost: x\r\n\r\n")
            release.signal()
            let held = try holder.readResponse().text
            let answers = [try first.readResponse().text, try second.readResponse().text]
            #expect(answers[0] == answers[1])
            #expect(answers[0] != held)
            #expect(answers[0] != "none")
        }
    }
}
