import Foundation
import Mail
import Testing

/// The inbound parser on messages written here: structure, encodings, charsets and bad input.
@Suite struct InboundMessageTests {
    /// A message from header lines and a body, CRLF line ends, as it arrives from the MTA.
    static func raw(_ header: [String], _ body: String) -> [UInt8] {
        Array((header.joined(separator: "\r\n") + "\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n")).utf8)
    }

    static func raw(_ header: [String], bodyBytes: [UInt8]) -> [UInt8] {
        Array((header.joined(separator: "\r\n") + "\r\n\r\n").utf8) + bodyBytes
    }

    static let from = "From: =?UTF-8?Q?Pawe=C5=82_Nowak?= <pawel@klient.test>"

    @Test func foldedHeadersAndEncodedWords() throws {
        let message = try InboundMessage.parse(
            Self.raw(
                [
                    Self.from, "To: serwis@shop.test,", " \"Kowalski, Jan\" <jan@shop.test>",
                    "Subject: =?UTF-8?B?WmHFvMOzxYLEhw==?=", "\t=?UTF-8?Q?_g=C4=99=C5=9Bl=C4=85?= jaźń",
                    "Message-ID: <abc@klient.test>", "In-Reply-To: <x1@shop.test>",
                    "References: <x0@shop.test>\r\n <x1@shop.test>",
                ], "Dzień dobry"))
        #expect(message.subject == "Zażółć gęślą jaźń")
        #expect(message.from == InboundAddress(address: "pawel@klient.test", displayName: "Paweł Nowak"))
        #expect(message.to.map(\.address) == ["serwis@shop.test", "jan@shop.test"])
        #expect(message.to.last?.displayName == "Kowalski, Jan")
        #expect(message.messageID == "abc@klient.test")
        #expect(message.inReplyTo == ["x1@shop.test"])
        #expect(message.references == ["x0@shop.test", "x1@shop.test"])
        #expect(message.text == "Dzień dobry")
        #expect(message.problems.isEmpty)
    }

    /// Words split in the middle of a UTF-8 sequence are joined before decoding (RFC 2047 §6.2).
    @Test func encodedWordsSplitInsideACharacter() throws {
        let message = try InboundMessage.parse(
            Self.raw([Self.from, "Subject: =?UTF-8?Q?=C5?= =?UTF-8?Q?=BC?=ółw =?ISO-8859-2?Q?=BF?="], ""))
        #expect(message.subject == "żółw ż")
    }

    @Test func nestedMultipartPrefersPlainTextAndKeepsFiles() throws {
        let body = """
            preamble
            --outer
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/plain; charset=iso-8859-2
            Content-Transfer-Encoding: quoted-printable

            Drukarka nie drukuje, za=B3=B1czam zdj=EAcie.=
             Pozdrawiam
            --inner
            Content-Type: multipart/related; boundary=rel

            --rel
            Content-Type: text/html; charset=utf-8

            <p>HTML</p>
            --rel
            Content-Type: image/png
            Content-ID: <logo>
            Content-Disposition: inline
            Content-Transfer-Encoding: base64

            iVBORw0K
            --rel--
            --inner--
            --outer
            Content-Type: application/pdf
            Content-Disposition: attachment;
             filename*0*=UTF-8''faktura%20za%C5%BC;
             filename*1*=%C3%B3%C5%82%C4%87;
             filename*2=".pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQ=
            --outer--
            epilogue
            """
        let message = try InboundMessage.parse(
            Self.raw([Self.from, "Subject: x", "Content-Type: multipart/mixed; boundary=outer"], body))
        #expect(message.text == "Drukarka nie drukuje, załączam zdjęcie. Pozdrawiam")
        #expect(!message.isTextFromHTML)
        #expect(message.attachments.count == 2)
        let pdf = try #require(message.attachments.last)
        #expect(pdf.fileName == "faktura zażółć.pdf")
        #expect(pdf.contentType == "application/pdf")
        #expect(pdf.bytes == Array("%PDF-1.4".utf8))
        let logo = try #require(message.attachments.first)
        #expect(logo.isInline)
        #expect(logo.fileName == "attachment.png")
        #expect(logo.bytes == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A])
        #expect(message.problems.isEmpty)
    }

    @Test func htmlOnlyMailBecomesReadableText() throws {
        let html = """
            <html><head><style>p { color: red }</style><title>t</title></head><body>
            <p>Dzie&#324; dobry,&nbsp;prosz&eogon; o <b>wycen&#x119;</b>.</p>
            <ul><li>ekran</li><li>bateria</li></ul>
            <div>Zobacz <a href="https://shop.test/t/1">link</a><br>Jan</div>
            <script>alert(1)</script>
            <blockquote><p>Stary tekst</p></blockquote>
            </body></html>
            """
        let message = try InboundMessage.parse(
            Self.raw([Self.from, "Subject: x", "Content-Type: text/html; charset=utf-8"], html))
        #expect(message.isTextFromHTML)
        #expect(
            message.text
                == "Dzień dobry, prosz&eogon; o wycenę.\n\n- ekran\n- bateria\n\nZobacz link <https://shop.test/t/1>\nJan\n\n> Stary tekst"
        )
    }

    /// Bytes of the same words in the legacy charsets; iconv (glibc) decodes every one.
    @Test(arguments: [
        ("ISO-8859-2", [0x5A, 0x61, 0xBF, 0xF3, 0xB3, 0xE6, 0x20, 0xB6, 0xB1] as [UInt8], "Zażółć śą"),
        ("windows-1250", [0x5A, 0x61, 0xBF, 0xF3, 0xB3, 0xE6, 0x20, 0x9C, 0xB9], "Zażółć śą"),
        ("cp1250", [0x9C, 0xB9], "śą"),
        ("KOI8-R", [0xD0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "привет"),
        ("windows-1251", [0xEF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], "привет"),
        ("ISO-8859-7", [0xE1, 0xE2, 0xE3], "αβγ"),
        ("Shift_JIS", [0x93, 0xFA, 0x96, 0x7B], "日本"),
    ])
    func legacyCharsetsAreDecoded(charset: String, bytes: [UInt8], expected: String) throws {
        let message = try InboundMessage.parse(
            Self.raw([Self.from, "Subject: x", "Content-Type: text/plain; charset=\"\(charset)\""], bodyBytes: bytes))
        #expect(message.text == expected)
        #expect(message.problems.isEmpty)
    }

    @Test func unknownCharsetFallsBackVisibly() throws {
        let message = try InboundMessage.parse(
            Self.raw(
                [Self.from, "Subject: x", "Content-Type: text/plain; charset=x-klingon//TRANSLIT"],
                bodyBytes: Array("tekst ż".utf8)))
        #expect(message.text == "tekst ż")
        #expect(message.problems == [.unknownCharset("x-klingon//TRANSLIT", readAs: "UTF-8")])
        #expect(message.problems.map(\.code) == ["unknown_charset"])
    }

    @Test func badBytesInACharsetAreReplacedVisibly() throws {
        let message = try InboundMessage.parse(
            Self.raw(
                [Self.from, "Subject: x", "Content-Type: text/plain; charset=EUC-JP"],
                bodyBytes: [0x61, 0xFF, 0x62]))
        #expect(message.text == "a\u{FFFD}b")
        #expect(message.problems == [.invalidBytes(charset: "EUC-JP", count: 1)])
        let utf8 = try InboundMessage.parse(
            Self.raw([Self.from, "Subject: x", "Content-Type: text/plain; charset=utf-8"], bodyBytes: [0x61, 0xC3]))
        #expect(utf8.text == "a\u{FFFD}")
        #expect(utf8.problems == [.invalidBytes(charset: "UTF-8", count: 1)])
    }

    /// Lesser damage is repaired and named, with the text still readable.
    @Test func repairsAreNamed() throws {
        let latin = try InboundMessage.parse(
            Self.raw([Self.from, "Content-Type: text/plain; charset=us-ascii"], bodyBytes: [0x63, 0x61, 0x66, 0xE9]))
        #expect(latin.text == "café")
        #expect(latin.problems == [.eightBitText(declared: "us-ascii")])
        let unknownEncoding = try InboundMessage.parse(
            Self.raw([Self.from, "Content-Transfer-Encoding: x-uuencode"], "begin 644 a"))
        #expect(unknownEncoding.text == "begin 644 a")
        #expect(unknownEncoding.problems == [.unknownTransferEncoding("x-uuencode", part: 1)])
        let badType = try InboundMessage.parse(Self.raw([Self.from, "Content-Type: garbage"], "tekst"))
        #expect(badType.text == "tekst")
        #expect(badType.problems == [.unreadableContentType("garbage")])
        let noParts = try InboundMessage.parse(
            Self.raw([Self.from, "Content-Type: multipart/mixed; boundary=zz"], "no delimiter here"))
        #expect(noParts.text == "no delimiter here")
        #expect(noParts.problems == [.multipartWithoutParts(contentType: "multipart/mixed")])
        #expect(noParts.problems.first?.description == "multipart/mixed has no parts, read as text")
    }

    @Test func damagedBase64IsDecodedAsFarAsPossible() throws {
        let body = """
            --b
            Content-Type: text/plain

            tekst
            --b
            Content-Type: application/octet-stream; name=dane.bin
            Content-Transfer-Encoding: base64

            AAEC!!A*wQF
            --b--
            """
        let message = try InboundMessage.parse(
            Self.raw([Self.from, "Subject: x", "Content-Type: multipart/mixed; boundary=b"], body))
        #expect(message.attachments.first?.bytes == [0, 1, 2, 3, 4, 5])
        #expect(message.problems == [.damagedBase64(part: 3, contentType: "application/octet-stream")])
    }

    @Test func truncatedMultipartKeepsWhatArrived() throws {
        let body = "--b\nContent-Type: text/plain\n\nPierwsza część\n--b\nContent-Type: image/jpeg; name=a.jpg\n\nabc"
        let message = try InboundMessage.parse(
            Self.raw([Self.from, "Subject: x", "Content-Type: multipart/mixed; boundary=b"], body))
        #expect(message.text == "Pierwsza część")
        #expect(message.attachments.map(\.fileName) == ["a.jpg"])
        #expect(message.problems == [.unclosedMultipart])
        let noBoundary = try InboundMessage.parse(
            Self.raw([Self.from, "Subject: x", "Content-Type: multipart/mixed"], "just text"))
        #expect(noBoundary.text == "just text")
        #expect(noBoundary.problems == [.multipartWithoutBoundary(contentType: "multipart/mixed")])
    }

    /// An encoded CR LF can never become a header line of its own, in the subject or in a file name.
    @Test func headerInjectionThroughEncodedWordsIsNeutralised() throws {
        let message = try InboundMessage.parse(
            Self.raw(
                [
                    Self.from, "Subject: =?UTF-8?Q?Hi=0D=0ABcc:_evil@x.test?=",
                    "Content-Type: text/plain; name*=UTF-8''a%0D%0AX-Evil:%20y.txt",
                    "Content-Disposition: attachment",
                ], "x"))
        #expect(message.subject == "Hi  Bcc: evil@x.test")
        #expect(message.headers.values("Bcc").isEmpty)
        #expect(message.attachments.first?.fileName == "a  X-Evil_ y.txt")
    }

    @Test(arguments: [
        ("../../etc/passwd", "passwd"),
        ("C:\\\\Windows\\\\system32\\\\evil.exe", "evil.exe"),
        ("..", "attachment.pdf"),
        (".htaccess", "htaccess"),
        ("zdj\u{202E}gpj.exe", "zdjgpj.exe"),
        ("raport<1>?.pdf", "raport_1__.pdf"),
        ("", "attachment.pdf"),
    ])
    func fileNamesAreSanitised(sent: String, stored: String) throws {
        let body = """
            --b
            Content-Type: application/pdf
            Content-Disposition: attachment; filename="\(sent)"

            x
            --b--
            """
        let message = try InboundMessage.parse(
            Self.raw([Self.from, "Subject: x", "Content-Type: multipart/mixed; boundary=b"], body))
        #expect(message.attachments.map(\.fileName) == [stored])
    }

    @Test func limitsAreEnforced() throws {
        let small = InboundMailLimits(maxMessageBytes: 400, maxAttachmentBytes: 10, maxParts: 3, maxDepth: 2)
        let big = Self.raw([Self.from, "Subject: x"], String(repeating: "a", count: 500))
        #expect(throws: InboundMailError.messageTooLarge(byteCount: big.count, limit: 400)) {
            try InboundMessage.parse(big, limits: small)
        }
        let attachment = """
            --b
            Content-Type: application/zip; name=dane.zip
            Content-Transfer-Encoding: base64

            AAAAAAAAAAAAAAAA
            --b--
            """
        #expect(throws: InboundMailError.attachmentTooLarge(fileName: "dane.zip", byteCount: 12, limit: 10)) {
            try InboundMessage.parse(
                Self.raw([Self.from, "Content-Type: multipart/mixed; boundary=b"], attachment), limits: small)
        }
        let many = "--b\n\na\n--b\n\nb\n--b\n\nc\n--b--"
        #expect(throws: InboundMailError.tooManyParts(limit: 3)) {
            try InboundMessage.parse(
                Self.raw([Self.from, "Content-Type: multipart/mixed; boundary=b"], many), limits: small)
        }
        let deep =
            "--a\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: multipart/mixed; boundary=c\n\n--c\n\nx\n--c--\n--b--\n--a--"
        #expect(throws: InboundMailError.nestedTooDeep(limit: 2)) {
            try InboundMessage.parse(
                Self.raw([Self.from, "Content-Type: multipart/mixed; boundary=a"], deep),
                limits: InboundMailLimits(maxDepth: 2))
        }
        let longHeader = Self.raw([Self.from, "Subject: " + String(repeating: "x", count: 300_000)], "x")
        #expect(throws: InboundMailError.headerTooLarge(limit: 256 * 1024)) { try InboundMessage.parse(longHeader) }
        let manyFolds = Self.raw([Self.from, "X-Long: a"] + Array(repeating: " folded line", count: 30_000), "x")
        #expect(throws: InboundMailError.headerTooLarge(limit: 256 * 1024)) { try InboundMessage.parse(manyFolds) }
        #expect(InboundMailLimits.default.maxMessageBytes == 35 * 1024 * 1024)
        #expect(InboundMailLimits.default.maxAttachmentBytes == 25 * 1024 * 1024)
    }

    @Test func unparsableMailIsRefusedWithAReason() throws {
        #expect(throws: InboundMailError.empty) { try InboundMessage.parse([]) }
        #expect(throws: InboundMailError.noHeaderFields) { try InboundMessage.parse(Array("\r\n\r\nbody".utf8)) }
        #expect(throws: InboundMailError.noHeaderFields) { try InboundMessage.parse([0xFF, 0xD8, 0xFF, 0xE0, 0x0A]) }
        #expect(throws: InboundMailError.missingField("From")) {
            try InboundMessage.parse(Self.raw(["Subject: no sender"], "x"))
        }
        #expect(throws: InboundMailError.missingField("From")) {
            try InboundMessage.parse(Self.raw(["From: undisclosed", "Subject: x"], "x"))
        }
        #expect(
            InboundMailError.attachmentTooLarge(fileName: "a.zip", byteCount: 30, limit: 25).description
                == "attachment 'a.zip' has 30 bytes, more than 25")
    }

    @Test func formatFlowedLinesAreJoined() throws {
        let message = try InboundMessage.parse(
            Self.raw(
                [Self.from, "Subject: x", "Content-Type: text/plain; charset=utf-8; format=flowed"],
                "Ekran jest \npęknięty od \nwczoraj.\n\n-- \nJan"))
        #expect(message.text == "Ekran jest pęknięty od wczoraj.\n\n-- \nJan")
    }
}
