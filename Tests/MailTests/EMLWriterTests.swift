import Foundation
import Mail
import MailTesting
import Testing

@Suite struct EMLWriterTests {
    func makeFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("eml-\(UUID().uuidString)")
    }

    @Test func writesTheRenderedMessageUnderItsMessageID() throws {
        let folder = makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let message = try MailMessageTests.makeMessage(subject: "Żółć")
        let url = try EMLWriter(folder: folder).write(message)
        #expect(url.lastPathComponent == "outbox-42@shop.test.eml")
        #expect(try Data(contentsOf: url) == Data(message.renderedBytes()))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == ["outbox-42@shop.test.eml"])
    }

    @Test func writingAgainReplacesTheSameFile() throws {
        let folder = makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = EMLWriter(folder: folder)
        try writer.write(MailMessageTests.makeMessage(body: "first"))
        let url = try writer.write(MailMessageTests.makeMessage(body: "second"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 1)
        #expect(String(decoding: try Data(contentsOf: url), as: UTF8.self).hasSuffix("second\r\n"))
    }

    @Test(arguments: [
        ("a@b.test", "a@b.test.eml"),
        ("a/b@c.test", "a%2Fb@c.test.eml"),
        ("a%2Fb@c.test", "a%252Fb@c.test.eml"),
        (".hidden@c.test", "%2Ehidden@c.test.eml"),
        ("x{y}|~@c.test", "x%7By%7D%7C%7E@c.test.eml"),
    ])
    func fileNamesAreSafeAndDistinct(messageID: String, fileName: String) {
        #expect(EMLWriter.fileName(forMessageID: messageID) == fileName)
    }

    @Test func longIdsAreShortenedWithAHash() {
        let first = EMLWriter.fileName(forMessageID: String(repeating: "{", count: 120) + "a@b.test")
        let second = EMLWriter.fileName(forMessageID: String(repeating: "{", count: 120) + "b@b.test")
        #expect(first.utf8.count <= EMLWriter.maxFileNameStem + 4)
        #expect(first != second)
    }

    @Test func unwritableFolderIsATypedError() throws {
        let file = makeFolder()
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("x".utf8).write(to: file)
        let error = try #require(throws: MailError.self) {
            try EMLWriter(folder: file.appendingPathComponent("sub")).write(MailMessageTests.makeMessage())
        }
        guard case .fileSystem(_, let operation, let code) = error else {
            Issue.record("expected a file-system error, got \(error)")
            return
        }
        #expect(operation == "create folder")
        #expect(code == ENOTDIR)
        #expect(error.isTransient)
    }
}

@Suite struct MailTransportTests {
    @Test func bothTransportsDeliverTheSameBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eml-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sink = try SMTPSink()
        defer { sink.stop() }
        let message = try MailMessageTests.makeMessage(subject: "Żółć")
        let transports: [any MailTransport] = [
            EMLWriter(folder: folder),
            SMTPClient(configuration: SMTPConfiguration(host: "127.0.0.1", port: sink.port)),
        ]
        for transport in transports {
            try transport.deliver(message)
        }
        let file = folder.appendingPathComponent(EMLWriter.fileName(forMessageID: message.messageID))
        #expect(try Data(contentsOf: file) == Data(sink.envelopes.first?.message ?? []))
    }
}
