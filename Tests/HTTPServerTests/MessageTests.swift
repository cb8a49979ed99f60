import Foundation
import Testing

@testable import HTTPServer

@Suite struct MessageTests {
    func request(_ target: String, headers: HTTPHeaders = HTTPHeaders(), body: String = "") throws -> HTTPRequest {
        try HTTPRequest(method: .post, target: target, headers: headers, body: .bytes(Array(body.utf8)))
    }

    @Test func decodesPathAndQuery() throws {
        let request = try request("/a%20b/c?name=J%C3%BCrgen+X&flag&empty=&name=2")
        #expect(request.path == "/a b/c")
        #expect(request.query == "name=J%C3%BCrgen+X&flag&empty=&name=2")
        #expect(request.query("name") == "Jürgen X")
        #expect(request.queryItems.map(\.name) == ["name", "flag", "empty", "name"])
        #expect(request.query("missing") == nil)
    }

    @Test func decodesAbsoluteFormTargets() throws {
        #expect(try request("http://shop.example/track?id=1").path == "/track")
        #expect(try request("http://shop.example").path == "/")
    }

    @Test func rejectsPathsThatAreNotUTF8() {
        #expect(throws: HTTPServerError.self) { try request("/%FF") }
    }

    @Test func decodesFormFields() throws {
        let fields = try request("/", body: "email=a%40b.example&note=caf%C3%A9+ok&x=").formFields()
        #expect(fields.map(\.name) == ["email", "note", "x"])
        #expect(fields.map(\.value) == ["a@b.example", "café ok", ""])
        #expect(try request("/", body: "a=1&a=2").formDictionary() == ["a": "1"])
    }

    static let badForms = ["name=%ZZ", "name=%C3", "name=%", "bad%FFname=1"]

    @Test(arguments: badForms)
    func rejectsBadFormEncodingNamingTheField(_ body: String) throws {
        let error = #expect(throws: HTTPServerError.self) { try request("/", body: body).formFields() }
        #expect(error?.status == .badRequest)
        #expect(error?.field.hasPrefix("form field") == true)
    }

    @Test func readsCookies() throws {
        let headers: HTTPHeaders = ["Cookie": "sid=abc; theme=\"dark\"", "cookie": "sid=later; x=1"]
        let cookies = try request("/", headers: headers).cookies
        #expect(cookies == ["sid": "abc", "theme": "dark", "x": "1"])
        #expect(try request("/", headers: ["Cookie": "novalue; =; a=b"]).cookies == ["": "", "a": "b"])
    }

    @Test func formatsSetCookie() {
        let cookie = SetCookie(
            name: "sid", value: "a;b\r\n", path: "/", maxAge: 3600, httpOnly: true, secure: true, sameSite: .strict)
        #expect(cookie.headerValue == "sid=ab; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Strict")
        let response = HTTPResponse.redirect(to: "/login").settingCookie(SetCookie(name: "sid", value: "", maxAge: 0))
        #expect(response.status == .seeOther)
        #expect(response.headers["location"] == "/login")
        #expect(response.headers["Set-Cookie"] == "sid=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
    }

    @Test func headersAreOrderedAndCaseInsensitive() {
        var headers: HTTPHeaders = ["A": "1", "b": "2"]
        headers.add("a", "3")
        #expect(headers["a"] == "1")
        #expect(headers.values(for: "A") == ["1", "3"])
        headers.set("A", "4")
        #expect(headers.fields.map(\.name) == ["b", "A"])
        #expect(headers.containsToken("close", in: "Connection") == false)
        #expect(HTTPHeaders.equalNames("content-length", "Content-Length"))
        #expect(!HTTPHeaders.equalNames("a-b", "a\rb"))
    }

    @Test func buildsResponses() throws {
        struct Payload: Encodable { var b = 2, a = 1 }
        let json = try HTTPResponse.json(Payload())
        #expect(String(decoding: json.body, as: UTF8.self) == "{\"a\":1,\"b\":2}")
        #expect(json.headers["Content-Type"] == "application/json")
        #expect(HTTPResponse.html("<p>").headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(HTTPResponse.empty().status == .noContent)
    }

    @Test func serializesWithoutHeaderInjection() {
        var out: [UInt8] = []
        HTTPResponse(status: .ok, headers: ["X": "a\r\nEvil: 1"], body: Array("hi".utf8))
            .serialize(into: &out, isHead: false, keepAlive: false, date: "D")
        #expect(
            String(decoding: out, as: UTF8.self)
                == "HTTP/1.1 200 OK\r\nX: aEvil: 1\r\nContent-Length: 2\r\nDate: D\r\nConnection: close\r\n\r\nhi")
    }

    @Test func dropsColonsAndLineBreaksFromHeaderNames() {
        var out: [UInt8] = []
        HTTPResponse(status: .notFound, headers: ["Bad:\nName": "ok"])
            .serialize(into: &out, isHead: true, keepAlive: true, date: "D")
        #expect(
            String(decoding: out, as: UTF8.self)
                == "HTTP/1.1 404 Not Found\r\nBadName: ok\r\nContent-Length: 0\r\nDate: D\r\n\r\n")
    }

    @Test(arguments: [0, 1, 9, 10, 99, 100, 1_234, 65_536, 1_000_000])
    func writesContentLengthInDecimal(length: Int) {
        var out: [UInt8] = []
        HTTPResponse(body: [UInt8](repeating: 0x61, count: length))
            .serialize(into: &out, isHead: true, keepAlive: true, date: "D")
        #expect(String(decoding: out, as: UTF8.self).contains("\r\nContent-Length: \(length)\r\n"))
    }
}
