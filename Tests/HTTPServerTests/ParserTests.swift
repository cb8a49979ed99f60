import Testing

@testable import HTTPServer

/// What a parser run produced: events as text, then the error status if it failed.
struct ParseResult {
    var heads: [HTTPRequestHead] = []
    var bodies: [String] = []
    var trailers: [HTTPHeaders] = []
    var errorStatus: Int?
    var error: HTTPServerError?
}

/// Feeds `text` to a parser in pieces of `step` bytes (whole by default) as a connection would.
func parse(_ text: String, limits: HTTPParserLimits = HTTPParserLimits(), maxBody: Int? = nil, step: Int = .max)
    -> ParseResult
{
    var parser = HTTPParser(limits: limits)
    var result = ParseResult()
    let input = Array(text.utf8)
    var buffer: [UInt8] = []
    var index = 0
    var fed = 0
    var body = ""
    while fed < input.count {
        let next = min(input.count, fed + step)
        buffer += input[fed..<next]
        fed = next
        do {
            while let event = try buffer.withUnsafeBufferPointer({ b throws(HTTPServerError) in
                try parser.next(in: b, from: &index)
            }) {
                switch event {
                case .head(let head):
                    result.heads.append(head)
                    if let maxBody { parser.maxBodyBytes = maxBody }
                case .body(let range):
                    body += String(decoding: buffer[range], as: UTF8.self)
                case .end(let trailers):
                    result.bodies.append(body)
                    result.trailers.append(trailers)
                    body = ""
                }
            }
        } catch {
            result.errorStatus = error.status.code
            result.error = error
            return result
        }
    }
    return result
}

@Suite struct ParserTests {
    @Test func parsesARequestLineAndHeaders() throws {
        let result = parse("GET /orders/7?x=1 HTTP/1.1\r\nHost: shop\r\nX-Trace:  a b \r\n\r\n")
        let head = try #require(result.heads.first)
        #expect(head.method == .get)
        #expect(head.target == "/orders/7?x=1")
        #expect(head.version == .http1_1)
        #expect(head.headers["x-trace"] == "a b")
        #expect(head.framing == .none)
        #expect(head.isKeepAlive)
        #expect(result.bodies == [""])
        #expect(result.errorStatus == nil)
    }

    @Test func parsesPipelinedRequestsWithBodies() {
        let result = parse(
            "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        #expect(result.heads.map(\.target) == ["/a", "/b"])
        #expect(result.bodies == ["hello", ""])
        #expect(result.heads.last?.isKeepAlive == false)
    }

    @Test func parsesChunkedBodiesWithTrailersAtEverySplit() {
        let text =
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\nA\r\n, world!!!\r\n0\r\nX-Sum: 9\r\n\r\n"
        for step in 1...text.utf8.count {
            let result = parse(text, step: step)
            #expect(result.bodies == ["hello, world!!!"], "step \(step)")
            #expect(result.trailers.first?["x-sum"] == "9", "step \(step)")
        }
    }

    @Test func http10DefaultsToCloseAndKeepAliveOnRequest() {
        #expect(parse("GET / HTTP/1.0\r\n\r\n").heads.first?.isKeepAlive == false)
        #expect(parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").heads.first?.isKeepAlive == true)
    }

    @Test func acceptsIdenticalDuplicateContentLengthAndLeadingEmptyLine() {
        let result = parse("\r\nPOST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2, 2\r\n\r\nok")
        #expect(result.bodies == ["ok"])
    }

    @Test func recognisesExpectContinue() {
        let result = parse("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n")
        #expect(result.heads.first?.expectsContinue == true)
    }

    static let rejections: [(String, String, Int)] = [
        ("CL and TE", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("differing CL", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", 400),
        ("CL list differs", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 4\r\n\r\n", 400),
        ("CL not digits", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\n", 400),
        ("obs-fold", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n", 400),
        ("space before colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400),
        ("bare LF", "GET / HTTP/1.1\nHost: x\n\n", 400),
        ("bare LF in header", "GET / HTTP/1.1\r\nHost: x\n\r\n", 400),
        ("bare CR", "GET / HTTP/1.1\rHost: x\r\n\r\n", 400),
        ("TE not final chunked", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400),
        ("TE chunked twice", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", 400),
        ("TE unknown coding", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
        ("TE on HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("bad method token", "G(T / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("unknown method", "BREW / HTTP/1.1\r\nHost: x\r\n\r\n", 501),
        ("bad target char", "GET /a<b HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("bad pct-encoding", "GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("relative target", "GET a HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("non-ASCII target", "GET /é HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("extra space", "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("HTTP/2.0", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
        ("malformed version", "GET / HTTP/1.1x\r\nHost: x\r\n\r\n", 400),
        ("missing Host", "GET / HTTP/1.1\r\n\r\n", 400),
        ("two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        ("control char in value", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u{1}b\r\n\r\n", 400),
        ("empty field name", "GET / HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n", 400),
        ("unknown Expect", "POST / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n\r\n", 417),
        ("bad chunk size", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        (
            "chunk size overflow",
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1000000000000000\r\n", 400
        ),
        ("chunk data not CRLF", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n", 400),
        ("chunk size space", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n 1\r\na\r\n", 400),
    ]

    @Test(arguments: rejections)
    func rejects(_ name: String, _ text: String, _ status: Int) {
        #expect(parse(text).errorStatus == status, "\(name)")
        #expect(parse(text, step: 1).errorStatus == status, "\(name) byte by byte")
    }

    @Test func enforcesLimitsWhileBytesArrive() {
        let limits = HTTPParserLimits(
            maxRequestLineBytes: 32, maxHeaderBytes: 64, maxHeaderCount: 3, defaultMaxBodyBytes: 4)
        // The request line is cut off before its end arrives.
        #expect(parse("GET /" + String(repeating: "a", count: 40), limits: limits).errorStatus == 414)
        #expect(
            parse("GET / HTTP/1.1\r\nHost: x\r\nX: " + String(repeating: "v", count: 70), limits: limits).errorStatus
                == 431)
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: limits).errorStatus == 431)
        #expect(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n", limits: limits).errorStatus == 413)
        #expect(
            parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n", limits: limits, maxBody: 5).errorStatus
                == nil)
        let chunked = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
        #expect(parse(chunked, limits: limits).errorStatus == 413)
        #expect(parse(chunked, limits: limits).error?.field == "chunked body")
    }

    /// Found by fuzzing: the answer to an over-long line must not depend on how its bytes were split.
    @Test func overLongLineWithBareLFIs414HoweverItArrives() {
        let limits = HTTPParserLimits(maxRequestLineBytes: 64)
        let text = "GET /a?b=c" + String(repeating: "c", count: 60) + "string\n\r\n"
        for step in [1, 7, 64, 65, text.utf8.count] {
            #expect(parse(text, limits: limits, step: step).errorStatus == 414, "step \(step)")
        }
    }

    static func chunked(_ sizeLine: String) -> String {
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\(sizeLine)\r\nabc\r\n0\r\n\r\n"
    }

    /// chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ) (RFC 9112 §7.1.1).
    static let goodChunkExtensions = [
        "3;a", "3;a=b", "3 ;a", "3\t; a", "3; a = b", "3;a;b=c;d", "3;a=\"\"", "3;a=\"x y;z\"",
        "3;a=\"q\\\"\\\\\"", "3;!#$%&'*+-.^_`|~=1", "3;a=b ;c", "3;a=\"b\";c",
    ]

    @Test(arguments: goodChunkExtensions)
    func acceptsChunkExtensions(_ sizeLine: String) {
        for step in [1, .max] {
            let result = parse(Self.chunked(sizeLine), step: step)
            #expect(result.errorStatus == nil, "\(sizeLine) step \(step): \(String(describing: result.error))")
            #expect(result.bodies == ["abc"], "\(sizeLine) step \(step)")
        }
    }

    static let badChunkExtensions = [
        "3;", "3; ", "3;;a", "3;=b", "3;a=", "3;a= ", "3;a=b c", "3;a=\"b", "3;a=\"b\"c", "3;a b", "3;a=b ",
        "3;a ", "3 ", "3\t", "3;a=b;", "3;(a)", "3;a=(b)", "3;a=\"\u{1}\"", "3;a=\"\\\u{1}\"", "3;a=b,c",
        "3 x", "3;a=\"b\" ",
    ]

    @Test(arguments: badChunkExtensions)
    func rejectsMalformedChunkExtensions(_ sizeLine: String) {
        for step in [1, .max] {
            let result = parse(Self.chunked(sizeLine), step: step)
            #expect(result.errorStatus == 400, "\(sizeLine) step \(step)")
        }
    }

    @Test func errorsNameTheFieldAndRule() {
        let error = parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n").error
        #expect(error?.field == "Content-Length")
        #expect(error?.rule == "differing values")
    }
}
