import Foundation
import Mail
import Testing
import WebSecurity

@Suite struct SignedMessageIDTests {
    static let secret = try! ServerSecret(hex: String(repeating: "ab", count: 32))
    static let otherSecret = try! ServerSecret(hex: String(repeating: "cd", count: 32))

    @Test func madeIdVerifiesAndNamesOrderAndEntry() throws {
        let id = try SignedMessageID.make(
            orderReference: "RS-7K2M", entryID: "42", domain: "shop.test", secret: Self.secret, nonce: "0a1b")
        #expect(id.hasPrefix("rs1.RS-7K2M.42.0a1b."))
        #expect(id.hasSuffix("@shop.test"))
        let signed = try #require(SignedMessageID.verify("<\(id)>", secret: Self.secret))
        #expect(signed == SignedMessageID(orderReference: "RS-7K2M", entryID: "42"))
        // The id is a valid Message-ID for an outgoing mail.
        let message = try MailMessageTests.makeMessage(messageID: id)
        #expect(message.rendered().contains("Message-ID: <\(id)>"))
    }

    @Test func twoMailsAboutOneEntryGetDifferentIds() throws {
        let first = try SignedMessageID.make(
            orderReference: "RS-1", entryID: "7", domain: "shop.test", secret: Self.secret)
        let second = try SignedMessageID.make(
            orderReference: "RS-1", entryID: "7", domain: "shop.test", secret: Self.secret)
        #expect(first != second)
        #expect(
            SignedMessageID.verify(first, secret: Self.secret) == SignedMessageID.verify(second, secret: Self.secret))
    }

    @Test func forgedOrForeignIdsAreRefused() throws {
        let id = try SignedMessageID.make(
            orderReference: "RS-7K2M", entryID: "42", domain: "shop.test", secret: Self.secret, nonce: "0f")
        let tamperedOrder = id.replacingOccurrences(of: "RS-7K2M", with: "RS-7K2N")
        let tamperedEntry = id.replacingOccurrences(of: ".42.", with: ".43.")
        #expect(SignedMessageID.verify(tamperedOrder, secret: Self.secret) == nil)
        #expect(SignedMessageID.verify(tamperedEntry, secret: Self.secret) == nil)
        #expect(SignedMessageID.verify(id, secret: Self.otherSecret) == nil)
        #expect(SignedMessageID.verify("CAHx=abc@mail.gmail.com", secret: Self.secret) == nil)
        #expect(SignedMessageID.verify("rs1.a.b.c@x", secret: Self.secret) == nil)
        #expect(SignedMessageID.verify(String(repeating: "rs1.", count: 500), secret: Self.secret) == nil)
        // A mail client that upper-cases the id does not break matching.
        let shouted = id.prefix(4) + id.dropFirst(4).uppercased()
        #expect(SignedMessageID.verify(String(shouted), secret: Self.secret)?.entryID == "42")
    }

    @Test(arguments: ["", "RS 1", "RS.1", "RS-1\r\nBcc: x", "Zlecenie-ż", String(repeating: "A", count: 41)])
    func badPartsAreRefused(reference: String) {
        #expect(throws: MailError.self) {
            try SignedMessageID.make(orderReference: reference, entryID: "1", domain: "shop.test", secret: Self.secret)
        }
    }

    @Test func badDomainIsRefused() {
        #expect(throws: MailError.self) {
            try SignedMessageID.make(orderReference: "RS-1", entryID: "1", domain: "shop test", secret: Self.secret)
        }
    }

    @Test func theNewestSignedIdInAReplyIsFound() throws {
        let older = try SignedMessageID.make(
            orderReference: "RS-1", entryID: "1", domain: "shop.test", secret: Self.secret)
        let newer = try SignedMessageID.make(
            orderReference: "RS-1", entryID: "5", domain: "shop.test", secret: Self.secret)
        let reply = try InboundMessage.parse(
            InboundMessageTests.raw(
                [
                    "From: jan@klient.test", "Subject: Re: Zlecenie",
                    "References: <\(older)> <own@klient.test>\r\n <\(newer)> <CAx@mail.gmail.com>",
                ], "Dziękuję"))
        #expect(reply.signedMessageID(secret: Self.secret) == SignedMessageID(orderReference: "RS-1", entryID: "5"))
        let direct = try InboundMessage.parse(
            InboundMessageTests.raw(
                ["From: jan@klient.test", "In-Reply-To: <\(older)>", "References: <\(newer)>"], "x"))
        #expect(direct.signedMessageID(secret: Self.secret)?.entryID == "1")
        let none = try InboundMessage.parse(InboundMessageTests.raw(["From: jan@klient.test"], "x"))
        #expect(none.signedMessageID(secret: Self.secret) == nil)
    }

    @Test func referencesKeepTheFirstAndTheNineNewest() {
        let thread = (1...30).map { "m\($0)@shop.test" }
        let ids = ThreadReferences.make(parentReferences: Array(thread.dropLast()), parentMessageID: thread.last)
        #expect(ids == ["m1@shop.test"] + (22...30).map { "m\($0)@shop.test" })
        #expect(ThreadReferences.make(parentReferences: [], parentMessageID: "a@x") == ["a@x"])
        #expect(ThreadReferences.make(parentReferences: ["a@x", "b@x"], parentMessageID: "b@x") == ["a@x", "b@x"])
        #expect(ThreadReferences.make(parentReferences: [], parentMessageID: nil) == [])
    }

    @Test func referencesStayUnder1500Bytes() throws {
        let long = (1...10).map { "\($0)-" + String(repeating: "x", count: 200) + "@shop.test" }
        let ids = ThreadReferences.make(parentReferences: Array(long.dropLast()), parentMessageID: long.last)
        #expect(ids.first == long.first)
        #expect(ids.last == long.last)
        #expect(ids.count < 10)
        let message = try MailMessage(
            from: MailAddress("serwis@shop.test"), to: [MailAddress("jan@klient.test")], subject: "Re: x", body: "y",
            date: Date(timeIntervalSince1970: 0), messageID: "m@shop.test", inReplyTo: long.last, references: ids)
        let rendered = message.rendered()
        let field = try #require(
            rendered.components(separatedBy: "\r\n").drop { !$0.hasPrefix("References:") }
                .prefix { $0.hasPrefix("References:") || $0.hasPrefix(" ") }.joined(separator: "\r\n") as String?)
        #expect(field.utf8.count <= 1500)
        #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })
        #expect(rendered.contains("In-Reply-To: <\(long.last!)>"))
        // The parser reads back the same thread.
        let parsed = try InboundMessage.parse(message.renderedBytes())
        #expect(parsed.references == ids)
        #expect(parsed.inReplyTo == [long.last!])
    }

    @Test func injectedReferencesAreRefused() {
        #expect(throws: MailError.self) {
            try MailMessage(
                from: MailAddress("serwis@shop.test"), to: [MailAddress("jan@klient.test")], subject: "x", body: "y",
                date: Date(), messageID: "m@shop.test", references: ["a@x>\r\nBcc: <evil@x"])
        }
    }
}
