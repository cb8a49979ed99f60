import Testing

@testable import Mail

@Suite struct SMTPReplyTests {
    @Test(arguments: [
        ("250 ok", 250, true, "ok"),
        ("250-first", 250, false, "first"),
        ("354", 354, true, ""),
        ("550 5.1.1 Użytkownik nieznany", 550, true, "5.1.1 Użytkownik nieznany"),
    ])
    func wellFormedLines(line: String, code: Int, isLast: Bool, text: String) throws {
        let parsed = try #require(SMTPReply.parseLine(line))
        #expect(parsed.code == code)
        #expect(parsed.isLast == isLast)
        #expect(parsed.text == text)
    }

    @Test(arguments: ["", "25", "2500 x", "250x", "abc ok", "199 too low", "600 too high", " 250 ok", "-250 ok"])
    func malformedLines(line: String) {
        #expect(SMTPReply.parseLine(line) == nil)
    }

    @Test func replyClassesFollowTheFirstDigit() {
        #expect(SMTPReply(code: 354, lines: []).isPositive)
        #expect(SMTPReply(code: 421, lines: []).isTransientFailure)
        #expect(!SMTPReply(code: 554, lines: []).isTransientFailure)
        #expect(!SMTPReply(code: 554, lines: []).isPositive)
    }

    @Test func dotStuffingDoublesLeadingDotsAndTerminates() {
        let stuffed = SMTPClient.dotStuffed(Array(".a\r\nb.\r\n..c\r\n".utf8))
        #expect(String(decoding: stuffed, as: UTF8.self) == "..a\r\nb.\r\n...c\r\n.\r\n")
        #expect(String(decoding: SMTPClient.dotStuffed(Array("no end".utf8)), as: UTF8.self) == "no end\r\n.\r\n")
    }
}
