import Foundation
import Mail
import Testing

@Suite struct MailMessageTests {
    /// 2026-11-24 19:58:03 UTC, a Tuesday.
    static let date = Date(timeIntervalSince1970: 1_795_550_283)

    static func makeMessage(
        to: [String] = ["jan@example.test"], subject: String = "Your account", body: String = "Hello",
        messageID: String = "outbox-42@shop.test"
    ) throws -> MailMessage {
        try MailMessage(
            from: MailAddress("serwis@shop.test", displayName: "Serwis"),
            to: to.map { address throws(MailError) in try MailAddress(address) },
            subject: subject, body: body, date: date, messageID: messageID)
    }

    @Test func rendersExactBytes() throws {
        let message = try MailMessage(
            from: MailAddress("serwis@shop.test", displayName: "Serwis Żółć"),
            to: [MailAddress("ivanov@example.test", displayName: "Иванов, Иван"), MailAddress("a@b.test")],
            subject: "Potwierdź konto", body: "Dzień dobry,\nkliknij link.\n", date: Self.date,
            messageID: "confirm-7@shop.test", extraHeaders: [("Auto-Submitted", "auto-generated")])
        let expected =
            "Date: Tue, 24 Nov 2026 19:58:03 +0000\r\n"
            + "From: =?UTF-8?B?U2Vyd2lzIMW7w7PFgsSH?= <serwis@shop.test>\r\n"
            + "To: =?UTF-8?B?0JjQstCw0L3QvtCyLCDQmNCy0LDQvQ==?= <ivanov@example.test>,\r\n"
            + " a@b.test\r\n"
            + "Subject: =?UTF-8?B?UG90d2llcmTFuiBrb250bw==?=\r\n"
            + "Message-ID: <confirm-7@shop.test>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n"
            + "Auto-Submitted: auto-generated\r\n"
            + "\r\n"
            + "Dzie=C5=84 dobry,\r\n"
            + "kliknij link.\r\n"
        #expect(message.rendered() == expected)
    }

    @Test func asciiNamesAreAtomsOrQuoted() throws {
        let plain = try MailMessage(
            from: MailAddress("a@b.test", displayName: "Repair Shop"),
            to: [MailAddress("c@d.test", displayName: "Doe, \"J\"")],
            subject: "Hi", body: "", date: Self.date, messageID: "m@b.test")
        let text = plain.rendered()
        #expect(text.contains("From: Repair Shop <a@b.test>\r\n"))
        #expect(text.contains("To: \"Doe, \\\"J\\\"\" <c@d.test>\r\n"))
    }

    @Test func everyLineStaysWithinLimits() throws {
        let subject = String(repeating: "Zgłoszenie serwisowe Żółć ", count: 12)
        let body = String(repeating: "ą", count: 500) + "\n" + String(repeating: "word ", count: 200) + " \n"
        let message = try Self.makeMessage(subject: subject, body: body)
        let lines = message.rendered().components(separatedBy: "\r\n")
        for line in lines {
            #expect(line.utf8.count <= 78, "line too long: \(line)")
        }
        #expect(message.rendered().utf8.allSatisfy { $0 < 0x80 })
        #expect(!message.rendered().contains("\n\n"))
    }

    @Test func longAsciiSubjectFoldsAtSpaces() throws {
        let subject = (1...30).map { "word\($0)" }.joined(separator: " ")
        let rendered = try Self.makeMessage(subject: subject).rendered()
        let header = rendered.components(separatedBy: "\r\nMessage-ID")[0].components(separatedBy: "Subject: ")[1]
        #expect(header.contains("\r\n "))
        #expect(header.replacingOccurrences(of: "\r\n ", with: " ") == subject)
    }

    @Test func encodedWordsNeverSplitALetter() throws {
        let subject = String(repeating: "Ż", count: 40) + "🇵🇱"
        let rendered = try Self.makeMessage(subject: subject).rendered()
        let header = rendered.components(separatedBy: "\r\nMessage-ID")[0].components(separatedBy: "Subject: ")[1]
        var decoded = ""
        for word in header.components(separatedBy: "\r\n ") {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let payload = String(word.dropFirst(10).dropLast(2))
            let data = try #require(Data(base64Encoded: payload))
            decoded += try #require(String(data: data, encoding: .utf8), "word holds half a letter")
        }
        #expect(decoded == subject)
    }

    @Test(arguments: [
        ("a=b", "a=3Db\r\n"),
        ("trailing space ", "trailing space=20\r\n"),
        ("tab\t", "tab=09\r\n"),
        ("crlf\r\nlf\ncr\rend", "crlf\r\nlf\r\ncr\r\nend\r\n"),
        ("", "\r\n"),
        ("ż", "=C5=BC\r\n"),
    ])
    func quotedPrintableBody(body: String, encoded: String) throws {
        let rendered = try Self.makeMessage(body: body).rendered()
        #expect(rendered.components(separatedBy: "\r\n\r\n")[1] == encoded)
    }

    @Test func softLineBreaksAreAt76() throws {
        let rendered = try Self.makeMessage(body: String(repeating: "x", count: 100)).rendered()
        #expect(
            rendered.hasSuffix(
                "\r\n\r\n" + String(repeating: "x", count: 75) + "=\r\n" + String(repeating: "x", count: 25) + "\r\n"))
    }

    @Test(arguments: [
        "Hello\r\nBcc: victim@example.test", "Hello\nX: y", "Hello\rX", "nul\u{0}",
    ])
    func headerInjectionIsRejected(subject: String) {
        #expect(throws: MailError.self) { try Self.makeMessage(subject: subject) }
        #expect(throws: MailError.self) { try MailAddress("a@b.test", displayName: subject) }
        #expect(throws: MailError.self) {
            try MailMessage(
                from: MailAddress("a@b.test"), to: [MailAddress("c@d.test")], subject: "s", body: "", date: Self.date,
                messageID: "m@b.test", extraHeaders: [("X-Note", subject)])
        }
    }

    @Test func injectedSubjectNamesTheField() {
        #expect(throws: MailError.invalidHeader(field: "Subject", rule: "must not contain CR or LF")) {
            try Self.makeMessage(subject: "a\r\nBcc: x@y.test")
        }
    }

    @Test(arguments: [
        "", "plain", "a@b@c", "@b.test", "a@", "a b@c.test", "a@b.test>", "<a@b.test", "a..b@c.test", ".a@b.test",
        "ż@b.test", "a@b.test\r\n", String(repeating: "a", count: 250) + "@b.test",
    ])
    func badAddressesAreRejected(address: String) {
        #expect(throws: MailError.self) { try MailAddress(address) }
        #expect(throws: MailError.self) { try Self.makeMessage(messageID: address) }
    }

    @Test func badExtraHeadersAreRejected() {
        for (name, value) in [
            ("", "v"), ("X Bad", "v"), ("X:Bad", "v"), ("Subject", "again"), ("message-id", "<x@y>"),
            ("X-Name", "Żółć"), ("X-Long", String(repeating: "v", count: 1000)),
        ] {
            #expect(throws: MailError.self, "\(name): \(value)") {
                try MailMessage(
                    from: MailAddress("a@b.test"), to: [MailAddress("c@d.test")], subject: "s", body: "",
                    date: Self.date, messageID: "m@b.test", extraHeaders: [(name, value)])
            }
        }
    }

    @Test func noRecipientsIsRejected() {
        #expect(throws: MailError.self) { try Self.makeMessage(to: []) }
    }

    @Test(arguments: [
        (0.0, "Thu, 01 Jan 1970 00:00:00 +0000"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 +0000"),
        (-1, "Wed, 31 Dec 1969 23:59:59 +0000"),
        (4_107_542_399, "Sun, 28 Feb 2100 23:59:59 +0000"),
    ])
    func datesFollowRFC5322(seconds: Double, expected: String) throws {
        let message = try MailMessage(
            from: MailAddress("a@b.test"), to: [MailAddress("c@d.test")], subject: "s", body: "",
            date: Date(timeIntervalSince1970: seconds), messageID: "m@b.test")
        #expect(message.rendered().hasPrefix("Date: \(expected)\r\n"))
    }
}
