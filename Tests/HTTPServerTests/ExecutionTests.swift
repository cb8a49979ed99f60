import Dispatch
import Foundation
import HTTPTesting
import Testing

@testable import HTTPServer

@Suite struct ExecutionTests {
    @Test func workerHandlersDoNotBlockTheEventLoop() throws {
        let release = DispatchSemaphore(value: 0)
        var router = Router()
        router.add(.get, "/block") { _ in
            release.wait()
            return .text("released")
        }
        router.add(.get, "/fast", options: RouteOptions(execution: .inline)) { _ in .text("fast") }
        // One event loop: if the worker ran on it, /fast could not be answered until /block returned.
        try withTestServer(router) { port in
            let blocked = try HTTPTestClient(port: port)
            try blocked.send("GET /block HTTP/1.1\r\nHost: x\r\n\r\n")
            let other = try HTTPTestClient(port: port)
            #expect(try other.request(.get, "/fast").text == "fast")
            release.signal()
            #expect(try blocked.readResponse().text == "released")
        }
    }

    @Test func bodyLimitsArePerRoute() throws {
        var router = Router()
        router.add(.post, "/echo") { request in .text("\(request.body.count)") }
        router.add(.post, "/upload", options: RouteOptions(maxBodyBytes: 500_000)) { request in
            .text("\(request.body.count)")
        }
        let configuration = makeTestConfiguration(parserLimits: HTTPParserLimits(defaultMaxBodyBytes: 1000))
        try withTestServer(router, configuration: configuration) { port in
            let client = try HTTPTestClient(port: port)
            #expect(try client.request(.post, "/upload", body: [UInt8](repeating: 1, count: 400_000)).text == "400000")
            #expect(try client.request(.post, "/echo", body: [UInt8](repeating: 1, count: 1000)).text == "1000")
            let tooBig = try HTTPTestClient(port: port)
            try tooBig.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n")
            #expect(try tooBig.readResponse().status == 413)
        }
    }

    @Test func formsAndCookiesRoundTripOverTheWire() throws {
        var router = Router()
        router.add(.post, "/login") { request in
            let form = try request.formDictionary()
            return HTTPResponse.redirect(to: "/home").settingCookie(SetCookie(name: "sid", value: form["user"] ?? ""))
        }
        router.add(.get, "/home") { request in .text("hi \(request.cookies["sid"] ?? "nobody")") }
        try withTestServer(router) { port in
            let client = try HTTPTestClient(port: port)
            let login = try client.request(.post, "/login", body: Array("user=ann%40x&pw=a+b".utf8))
            #expect(login.status == 303)
            #expect(login.headers["Set-Cookie"] == "sid=ann@x; Path=/; HttpOnly; SameSite=Lax")
            #expect(try client.request(.get, "/home").text == "hi ann@x")
            let bad = try client.request(.post, "/login", body: Array("user=%E0%A4".utf8))
            #expect(bad.status == 400)
            #expect(bad.text.contains("form field user"))
        }
    }
}
