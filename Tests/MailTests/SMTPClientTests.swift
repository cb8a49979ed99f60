import Foundation
import Mail
import MailTesting
import Testing

@Suite struct SMTPClientTests {
    func makeClient(port: UInt16, timeout: Duration = .seconds(5)) -> SMTPClient {
        SMTPClient(
            configuration: SMTPConfiguration(
                host: "127.0.0.1", port: port, heloName: "shop.test", connectTimeout: timeout, commandTimeout: timeout,
                dataCompletionTimeout: timeout))
    }

    func send(_ behaviour: SMTPSink.Behaviour, message: MailMessage? = nil, timeout: Duration = .seconds(5))
        throws -> (Result<SMTPReceipt, MailError>, SMTPSink)
    {
        let sink = try SMTPSink(behaviour)
        defer { sink.stop() }
        let client = makeClient(port: sink.port, timeout: timeout)
        let message = try message ?? MailMessageTests.makeMessage()
        let result = Result { () throws(MailError) -> SMTPReceipt in try client.send(message) }
        return (result, sink)
    }

    @Test func fullConversationDeliversTheRenderedMessage() throws {
        let message = try MailMessageTests.makeMessage(to: ["a@x.test", "b@y.test"])
        let (result, sink) = try send(.init(), message: message)
        let receipt = try result.get()
        #expect(receipt.reply.code == 250)
        #expect(receipt.reply.text == "2.0.0 queued as Q1")
        #expect(receipt.usedExtendedHello)
        #expect(
            sink.commands == [
                "EHLO shop.test", "MAIL FROM:<serwis@shop.test>", "RCPT TO:<a@x.test>", "RCPT TO:<b@y.test>", "DATA",
                ".",
                "QUIT",
            ])
        let envelope = try #require(sink.envelopes.first)
        #expect(envelope.recipients == ["<a@x.test>", "<b@y.test>"])
        #expect(envelope.message == message.renderedBytes())
    }

    @Test func bodyLinesStartingWithADotAreStuffed() throws {
        let message = try MailMessageTests.makeMessage(body: "first\n.\n..two\n.hidden line\nlast")
        let (result, sink) = try send(.init(), message: message)
        _ = try result.get()
        let envelope = try #require(sink.envelopes.first)
        let raw = String(decoding: envelope.rawData, as: UTF8.self)
        #expect(raw.contains("\r\n..\r\n...two\r\n..hidden line\r\n"))
        #expect(envelope.message == message.renderedBytes())
    }

    @Test func encodedSubjectArrivesIntact() throws {
        let message = try MailMessageTests.makeMessage(subject: "Zlecenie RS-7K2M: Żółć — Иванов")
        let (result, sink) = try send(.init(), message: message)
        _ = try result.get()
        let text = String(decoding: try #require(sink.envelopes.first).message, as: UTF8.self)
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(text.utf8.allSatisfy { $0 < 0x80 })
    }

    @Test func fallsBackToHeloWhenEhloIsUnknown() throws {
        let (result, sink) = try send(.init(replies: ["EHLO": "502 5.5.2 command not recognized"]))
        #expect(try result.get().usedExtendedHello == false)
        #expect(sink.commands.prefix(2) == ["EHLO shop.test", "HELO shop.test"])
    }

    @Test(arguments: [
        ("MAIL", "451 4.3.0 try again later", true, SMTPFailure.Step.mailFrom),
        ("RCPT", "550 5.1.1 no such user", false, .recipient),
        ("RCPT", "452 4.2.2 mailbox full", true, .recipient),
        ("DATA", "554 5.5.1 no valid recipients", false, .data),
        (".", "552 5.3.4 message too big", false, .content),
        (".", "421 4.3.2 shutting down", true, .content),
        ("EHLO", "421 4.7.0 too busy", true, .hello),
    ])
    func serverRefusalsAreTypedByCode(verb: String, reply: String, isTransient: Bool, step: SMTPFailure.Step) throws {
        let (result, sink) = try send(.init(replies: [verb: reply]))
        let failure = SMTPFailure(step: step, code: Int(reply.prefix(3)), reply: String(reply.dropFirst(4)))
        #expect(throws: isTransient ? MailError.transient(failure) : MailError.permanent(failure)) { try result.get() }
        #expect(sink.envelopes.isEmpty)
        #expect(sink.commands.last == "QUIT")
    }

    @Test func multiLineRefusalKeepsEveryLine() throws {
        let (result, _) = try send(
            .init(replies: ["MAIL": "550-5.7.1 sender rejected\r\n550-see policy\r\n550 5.7.1 bye"]))
        #expect(
            throws: MailError.permanent(
                SMTPFailure(step: .mailFrom, code: 550, reply: "5.7.1 sender rejected\nsee policy\n5.7.1 bye"))
        ) {
            try result.get()
        }
    }

    @Test func refusedGreetingIsPermanent() throws {
        let (result, _) = try send(.init(greeting: "554 5.3.2 no service"))
        #expect(throws: MailError.permanent(SMTPFailure(step: .greeting, code: 554, reply: "5.3.2 no service"))) {
            try result.get()
        }
    }

    @Test(arguments: ["MAIL", "RCPT", "DATA", "."])
    func serverClosingMidConversationIsTransient(verb: String) throws {
        let (result, sink) = try send(.init(closeAt: verb))
        let error = try #require(throws: MailError.self) { try result.get() }
        guard case .transient(let failure) = error else {
            Issue.record("expected a transient failure, got \(error)")
            return
        }
        #expect(failure.code == nil)
        #expect(failure.reply.contains("closed") || failure.reply.contains("lost"))
        #expect(sink.envelopes.isEmpty)
    }

    @Test func silentServerTimesOut() throws {
        let (result, _) = try send(.init(stallAt: "RCPT"), timeout: .milliseconds(200))
        #expect(
            throws: MailError.transient(
                SMTPFailure(step: .recipient, code: nil, reply: "timed out waiting for the server"))
        ) {
            try result.get()
        }
    }

    @Test func garbageReplyIsTransient() throws {
        let (result, _) = try send(.init(replies: ["MAIL": "hello there"]))
        let error = try #require(throws: MailError.self) { try result.get() }
        #expect(error.isTransient)
        #expect(error.description.contains("malformed reply"))
    }

    @Test func connectionRefusedIsTransient() throws {
        let sink = try SMTPSink()
        let port = sink.port
        sink.stop()
        let error = try #require(throws: MailError.self) {
            try makeClient(port: port).send(try MailMessageTests.makeMessage())
        }
        guard case .transient(let failure) = error else {
            Issue.record("expected transient, got \(error)")
            return
        }
        #expect(failure.step == .connect)
    }

    @Test func unresolvableHostIsTransient() throws {
        let client = SMTPClient(configuration: SMTPConfiguration(host: "no-such-host.invalid", port: 25))
        let error = try #require(throws: MailError.self) { try client.send(try MailMessageTests.makeMessage()) }
        #expect(error.isTransient)
    }

    @Test func badEnvelopeIsRefusedBeforeConnecting() throws {
        let client = makeClient(port: 1)
        let message = try MailMessageTests.makeMessage()
        #expect(
            throws: MailError.invalidAddress(
                field: "envelope sender", value: "bad address", rule: "must contain exactly one @")
        ) {
            try client.send(message, envelopeFrom: "bad address")
        }
        let injected = try #require(throws: MailError.self) {
            try client.send(message, recipients: ["x@y.test>\r\nDATA"])
        }
        #expect(!injected.isTransient)
        let empty = try #require(throws: MailError.self) { try client.send(message, recipients: []) }
        #expect(!empty.isTransient)
        var configuration = client.configuration
        configuration.heloName = "evil\r\nMAIL FROM:<x@y>"
        #expect(throws: MailError.invalidHeader(field: "HELO name", rule: "must not contain CR or LF")) {
            try SMTPClient(configuration: configuration).send(message)
        }
    }
}
