import Foundation
import HTTPTesting
import Synchronization
import Testing

@testable import HTTPServer

struct Boom: Error {}

/// Collects log lines from a `LogSink.closure`.
final class LogCollector: Sendable {
    let lines = Mutex<[String]>([])
    var sink: LogSink { .closure { line in self.lines.withLock { $0.append(line) } } }
    var all: [String] { lines.withLock { $0 } }
}

func makeRouter() -> Router {
    var router = Router()
    router.add(.get, "/hello", options: RouteOptions(execution: .inline)) { request in
        .text("hello \(request.remoteAddress)")
    }
    router.add(.post, "/echo") { request in HTTPResponse(status: .ok, body: try request.body.readAll()) }
    router.add(.post, "/small", options: RouteOptions(maxBodyBytes: 8)) { request in .text("\(request.body.count)") }
    router.add(.get, "/slow") { _ in
        Thread.sleep(forTimeInterval: 0.3)
        return .text("slow")
    }
    router.add(.get, "/fail") { _ in throw Boom() }
    router.add(.get, "/orders/:number") { request in .text(request.pathParameters["number"] ?? "?") }
    router.add(.post, "/upload", options: RouteOptions(maxBodyBytes: 1 << 20, streamsBodyToFile: true)) { request in
        guard case .file(let path, let length) = request.body else { return .text("in memory", status: .badRequest) }
        return .text("\(length) \(FileManager.default.fileExists(atPath: path)) \(path)")
    }
    return router
}

@Suite struct ServerTests {
    @Test func servesKeepAliveRequestsOnOneConnection() throws {
        try withTestServer(makeRouter()) { port in
            let client = try HTTPTestClient(port: port)
            let first = try client.request(.get, "/hello")
            #expect(first.status == 200)
            #expect(first.text == "hello 127.0.0.1")
            #expect(first.headers["Date"] != nil)
            let second = try client.request(.get, "/orders/RS%2D1")
            #expect(second.text == "RS-1")
            #expect(second.headers["Connection"] == nil)
        }
    }

    @Test func answersPipelinedRequestsInOrder() throws {
        try withTestServer(makeRouter()) { port in
            let client = try HTTPTestClient(port: port)
            try client.send(
                "GET /slow HTTP/1.1\r\nHost: x\r\n\r\nPOST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                    + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /missing HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "slow")
            #expect(try client.readResponse().text == "abc")
            #expect(try client.readResponse().status == 200)
            #expect(try client.readResponse().status == 404)
        }
    }

    /// 300 answers of 96 KiB are far past `maxPendingOutputBytes`: parsing pauses, and must resume on its
    /// own once the output drains, since every request was sent already.
    @Test func answersHundredsOfPipelinedRequestsForLargeResponsesInOrder() throws {
        var router = Router()
        router.add(.get, "/big/:n", options: RouteOptions(execution: .inline)) { request in
            let n = request.pathParameters["n"] ?? "?"
            return .text(n + " " + String(repeating: "x", count: 96 * 1024))
        }
        try withTestServer(router) { port in
            let client = try HTTPTestClient(port: port)
            try client.send((0..<300).map { "GET /big/\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            // Not reading yet fills the socket buffers, so parsing also pauses with output still queued.
            Thread.sleep(forTimeInterval: 0.3)
            for n in 0..<300 {
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.text.hasPrefix("\(n) x"), "answer \(n)")
                #expect(response.body.count == "\(n) ".utf8.count + 96 * 1024)
            }
        }
    }

    static let rejections: [(String, Int)] = [
        ("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", 400),
        ("GET /hello HTTP/1.1\r\nHost: x\r\nX: a\r\n folded\r\n\r\n", 400),
        ("GET /hello HTTP/1.1\r\nHost : x\r\n\r\n", 400),
        ("GET /hello HTTP/1.1\nHost: x\n\n", 400),
        ("GET /hello HTTP/1.1\rHost: x\r\n\r\n", 400),
        ("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
        ("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
        ("POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("GET /a\"b HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("BREW /hello HTTP/1.1\r\nHost: x\r\n\r\n", 501),
        ("GET /hello HTTP/3.0\r\nHost: x\r\n\r\n", 505),
        ("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nx1\r\n", 400),
        ("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n\r\n", 413),
        ("POST /small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n9\r\n", 413),
        ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\n", 414),
        ("GET /hello HTTP/1.1\r\nHost: x\r\nX: " + String(repeating: "a", count: 17000), 431),
        ("GET /orders/%FF HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    ]

    @Test(arguments: rejections)
    func rejectsWithStatusAndCloses(_ request: String, _ status: Int) throws {
        let log = LogCollector()
        try withTestServer(makeRouter(), configuration: makeTestConfiguration(errorLog: log.sink)) { port in
            let client = try HTTPTestClient(port: port)
            try client.send(request)
            let response = try client.readResponse()
            #expect(response.status == status)
            #expect(response.headers["Connection"] == "close")
            #expect(client.isClosedByServer())
        }
        #expect(log.all.contains { $0.contains("rejected: \(status)") })
    }

    @Test func rejectedClientStillReadsTheAnswerAfterSendingItsWholeBody() throws {
        try withTestServer(makeRouter()) { port in
            let client = try HTTPTestClient(port: port)
            // Sent in one go: the 413 is decided after the head, while most of the body is still unread.
            try client.send(
                Array("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n".utf8)
                    + [UInt8](repeating: 1, count: 2_000_000))
            #expect(try client.readResponse().status == 413)
            #expect(client.isClosedByServer())
        }
    }

    @Test func readsChunkedBodiesSplitAtEveryByteBoundary() throws {
        let request =
            "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nwiki\r\n6;x=y\r\npedia!\r\n0\r\nT: 1\r\n\r\n"
        let bytes = Array(request.utf8)
        try withTestServer(makeRouter()) { port in
            let client = try HTTPTestClient(port: port)
            for split in 1..<bytes.count {
                try client.send(Array(bytes[..<split]))
                usleep(300)  // lets the server read the first part on its own, most of the time
                try client.send(Array(bytes[split...]))
                let response = try client.readResponse()
                #expect(response.text == "wikipedia!", "split at \(split)")
            }
        }
    }

    @Test func answersExpectContinueAndHTTP10() throws {
        try withTestServer(makeRouter()) { port in
            let client = try HTTPTestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
            #expect(try client.readResponse().status == 100)
            try client.send("ok")
            #expect(try client.readResponse().text == "ok")

            let old = try HTTPTestClient(port: port)
            try old.send("GET /hello HTTP/1.0\r\n\r\n")
            let response = try old.readResponse()
            #expect(response.status == 200)
            #expect(response.headers["Connection"] == "close")
            #expect(old.isClosedByServer())

            let persistent = try HTTPTestClient(port: port)
            try persistent.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try persistent.readResponse().headers["Connection"] == "keep-alive")
            try persistent.send("GET /hello HTTP/1.0\r\n\r\n")
            #expect(try persistent.readResponse().status == 200)
            #expect(persistent.isClosedByServer())
        }
    }

    @Test func servesHeadFromGetAndAnswers405And500() throws {
        let log = LogCollector()
        try withTestServer(makeRouter(), configuration: makeTestConfiguration(errorLog: log.sink)) { port in
            let client = try HTTPTestClient(port: port)
            let head = try client.request(.head, "/hello")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["Content-Length"] == "15")
            let notAllowed = try client.request(.delete, "/hello")
            #expect(notAllowed.status == 405)
            #expect(notAllowed.headers["Allow"] == "GET, HEAD")
            let failed = try client.request(.get, "/fail")
            #expect(failed.status == 500)
            #expect(!failed.text.contains("Boom"))
            #expect(try client.request(.get, "/hello").status == 200)
        }
        #expect(log.all.contains { $0.contains("GET /fail failed: Boom") })
    }

    @Test func streamsUploadsToATemporaryFileRemovedAfterTheResponse() throws {
        try withTestServer(makeRouter()) { port in
            let client = try HTTPTestClient(port: port)
            let response = try client.request(.post, "/upload", body: [UInt8](repeating: 7, count: 300_000))
            let parts = response.text.split(separator: " ")
            #expect(parts.count == 3)
            #expect(parts.first == "300000")
            #expect(parts.dropFirst().first == "true")
            #expect(try client.request(.get, "/hello").status == 200)
            #expect(!FileManager.default.fileExists(atPath: String(parts.last ?? "")))
        }
    }

    @Test func writesAnAccessLogLine() throws {
        let log = LogCollector()
        var configuration = makeTestConfiguration()
        configuration.accessLog = log.sink
        try withTestServer(makeRouter(), configuration: configuration) { port in
            let client = try HTTPTestClient(port: port)
            _ = try client.request(.get, "/orders/9?x=1")
        }
        let line = try #require(log.all.first)
        #expect(line.hasPrefix("127.0.0.1 GET /orders/9?x=1 200 1 "))
        #expect(line.hasSuffix("ms"))
    }
}
