import Foundation
import Testing

@testable import HTTPServer

@Suite struct MultipartFormDataTests {
    static let body =
        "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nSchön\r\n--XyZ\r\n"
        + "Content-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
        + "\u{0}\u{1}--Xy\r\n--XyZ--\r\nepilogue"

    func request(_ body: [UInt8], contentType: String = "multipart/form-data; boundary=XyZ") throws -> HTTPRequest {
        try HTTPRequest(method: .post, target: "/upload", headers: ["Content-Type": contentType], body: .bytes(body))
    }

    @Test func parsesFieldsAndFilesFromMemoryAndFromAStreamedFile() throws {
        let directory = FileManager.default.temporaryDirectory.path
        let bodyPath = directory + "/multipart-test-\(UUID().uuidString)"
        try Data(Self.body.utf8).write(to: URL(fileURLWithPath: bodyPath))
        defer { try? FileManager.default.removeItem(atPath: bodyPath) }
        var streamed = try request([])
        streamed.body = .file(path: bodyPath, length: Self.body.utf8.count)
        for request in [try request(Array(Self.body.utf8)), streamed] {
            let parts = try MultipartFormData.parse(request)
            #expect(parts.count == 2)
            #expect(parts.first?.content == .text("Schön"))
            let photo = try #require(parts.last)
            #expect(photo.filename == "a.jpg")
            #expect(photo.contentType == "image/jpeg")
            guard case .file(let path, let length) = photo.content else {
                Issue.record("file part kept in memory")
                continue
            }
            #expect(length == 6)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("\u{0}\u{1}--Xy".utf8))
            try FileManager.default.removeItem(atPath: path)
        }
    }

    @Test func acceptsTransportPaddingAfterADelimiter() throws {
        let body = "--XyZ \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XyZ--"
        #expect(try MultipartFormData.parse(try request(Array(body.utf8))).first?.content == .text("v"))
    }

    @Test func readsTheBoundaryParameter() throws {
        #expect(try MultipartFormData.boundary(from: "multipart/form-data; boundary=\"a b\"") == "a b")
        #expect(throws: HTTPServerError.self) { try MultipartFormData.boundary(from: "multipart/form-data") }
        let wrongType = #expect(throws: HTTPServerError.self) {
            try MultipartFormData.boundary(from: "text/plain; boundary=x")
        }
        #expect(wrongType?.status == .unsupportedMediaType)
    }

    static let malformed: [(String, String)] = [
        ("no closing delimiter", "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue"),
        ("no name", "--XyZ\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--XyZ--"),
        ("junk after delimiter", "--XyZjunk\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XyZ--"),
        ("close delimiter after padding", "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XyZ \t--"),
        ("invalid UTF-8 field", "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\u{FF}\r\n--XyZ--"),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedBodies(_ name: String, _ body: String) throws {
        var bytes = Array(body.utf8)
        if name == "invalid UTF-8 field" { bytes = bytes.map { $0 == 0xC3 ? 0xFF : $0 }.filter { $0 != 0xBF } }
        let error = #expect(throws: HTTPServerError.self, "\(name)") { try MultipartFormData.parse(try request(bytes)) }
        #expect(error?.status == .badRequest)
    }

    /// Found by fuzzing: the part-header limit must give the same answer however the body is split.
    @Test func partHeaderLimitDoesNotDependOnChunking() throws {
        let header = "Content-Disposition: form-data; name=\"a\""
        let body = Array("--XyZ\r\n\(header)\r\n\r\nv\r\n--XyZ--".utf8)
        for (limit, isAccepted) in [(header.utf8.count, true), (header.utf8.count - 1, false)] {
            for step in [1, 2, 3, body.count] {
                var parser = MultipartParser(
                    boundary: "XyZ", directory: "/tmp", limits: MultipartLimits(maxPartHeaderBytes: limit))
                let parts = Result { () throws(HTTPServerError) -> [MultipartPart] in
                    var offset = 0
                    while offset < body.count {
                        try parser.consume(Array(body[offset..<min(body.count, offset + step)]))
                        offset += step
                    }
                    return try parser.finish()
                }
                #expect(
                    (try? parts.get())?.first?.content == (isAccepted ? .text("v") : nil), "limit \(limit) step \(step)"
                )
            }
        }
    }

    @Test func enforcesFieldAndPartLimits() throws {
        let big =
            "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" + String(repeating: "x", count: 100)
            + "\r\n--XyZ--"
        let error = #expect(throws: HTTPServerError.self) {
            try MultipartFormData.parse(try request(Array(big.utf8)), limits: MultipartLimits(maxFieldBytes: 10))
        }
        #expect(error?.field == "multipart field a")
        let two =
            "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n--XyZ--"
        #expect(throws: HTTPServerError.self) {
            try MultipartFormData.parse(try request(Array(two.utf8)), limits: MultipartLimits(maxParts: 1))
        }
    }
}
