import Foundation
import Mail
import Testing

/// Real-world mail from `../shared/corpora/mail` (read in place; see its SOURCES.md for origin and licence of each
/// file), each with the outcome written here: parsed, human or automatic, the bounce's failed recipients, the
/// reply text after stripping, and words decoded from their charsets.
@Suite struct MailCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpora/mail/messages")

    /// What a corpus message must come out as.
    struct Expected: Sendable, CustomTestStringConvertible {
        enum Kind: Sendable {
            case human
            case automatic
            /// A delivery report whose failed-for-good addresses are these (none for a delay warning).
            case bounce([String])
        }

        var file: String
        var kind: Kind
        /// The stripped reply equals this (when `replyIsExact`) or starts with it.
        var reply: String?
        var replyIsExact = false
        /// Words the stripped reply must not contain (quoted history, signatures).
        var replyLacks: [String] = []
        /// Words the full text must contain (charset decoding, history kept for staff).
        var textHas: [String] = []
        var subject: String?
        /// The sender's display name, decoded.
        var fromName: String?
        /// Attachments' sanitised names and types.
        var attachments: [String] = []
        /// Header fields added at run time (SOURCES.md allows rewriting the header).
        var extraHeader: String?

        var testDescription: String { file }
    }

    static let expectations: [Expected] = [
        .init(file: "01-talon-gmail.eml", kind: .human, reply: "Hello", replyIsExact: true, textHas: ["Megan One"]),
        .init(file: "02-talon-android.eml", kind: .human, reply: "Hello", replyIsExact: true, textHas: ["написал:"]),
        .init(
            file: "03-talon-aol.eml", kind: .human, reply: "Hello", replyIsExact: true,
            textHas: ["-----Original Message-----"]),
        .init(file: "04-talon-apple-mail.eml", kind: .human, reply: "Hello", replyIsExact: true),
        .init(file: "05-talon-apple-mail-2.eml", kind: .human, reply: "Hello", replyIsExact: true),
        .init(file: "06-talon-comcast.eml", kind: .human, reply: "Hello", replyIsExact: true),
        .init(file: "07-talon-hotmail.eml", kind: .human, reply: "Hello", replyIsExact: true),
        .init(
            file: "08-talon-iphone.eml", kind: .human, reply: "Hello", replyIsExact: true,
            textHas: ["Sent from my iPhone"]),
        .init(file: "09-talon-outlook.eml", kind: .human, reply: "Hello", replyIsExact: true, textHas: ["[mailto:"]),
        .init(
            file: "10-talon-sparrow.eml", kind: .human, reply: "Hello", replyIsExact: true,
            textHas: ["Sent with Sparrow"]),
        .init(file: "11-talon-thunderbird.eml", kind: .human, reply: "Hello", replyIsExact: true),
        .init(
            file: "12-talon-html-gmail.eml", kind: .human, reply: "Hi. I am fine.\n\nThanks,\n\nAlex",
            replyIsExact: true),
        .init(
            file: "13-talon-html-hotmail.eml", kind: .human, reply: "Hi. I am fine.",
            replyLacks: ["How are you", "Sasha"]),
        .init(
            file: "14-talon-html-thunderbird.eml", kind: .human, reply: "Hi. I am fine.\n\nThanks,\nAlex",
            replyIsExact: true),
        .init(
            file: "15-talon-html-mail-ru.eml", kind: .human, reply: "Hi. I am fine.\n\nThanks,\nAlex",
            replyIsExact: true,
            textHas: ["+0400 от Alexander L <abc@example.com>:"]),
        .init(
            file: "16-talon-html-yandex-ru.eml", kind: .human, reply: "Hi. I am fine.\n\nThanks,\nAlex",
            replyIsExact: true),
        .init(
            file: "17-talon-html-outlook-2003.eml", kind: .human, reply: "Hi. I am fine.",
            replyLacks: ["Sasha", "mailto"]),
        .init(
            file: "18-talon-html-windows-mail.eml", kind: .human, reply: "Hi. I am fine.",
            replyLacks: ["Sasha", "От:"],
            textHas: ["Отправлено:", "июня"]),
        .init(
            file: "19-erp-top-posted.eml", kind: .human, reply: "Oh thanks.\n\nHaving the function would be great.",
            replyLacks: ["Russell Brown", "mailing list", "Hi folks"]),
        .init(
            file: "20-erp-interleaved.eml", kind: .human, reply: "Hi,\n\nYou can list the keys",
            replyLacks: ["Hi folks", "Abhishek Kona wrote"]),
        .init(file: "21-erp-outlook-block.eml", kind: .human, reply: "Outlook with a reply", replyIsExact: true),
        .init(
            file: "22-erp-greedy-on.eml", kind: .human, reply: "On your remote host you can run:",
            replyLacks: ["George Plymale", "port forwarding stopped"]),
        .init(
            file: "23-mimekit-koi8r-winmail.eml", kind: .human, reply: "шостий", textHas: ["шостий"],
            attachments: ["winmail.dat application/ms-tnef"]),
        .init(
            file: "24-django-cp1251.eml", kind: .human, reply: "Это сообщение имеет неправильную кодировка.",
            replyIsExact: true),
        .init(
            file: "25-chatwoot-gmail-quote.eml", kind: .human,
            reply: "Yes, I am providing you step how to reproduce this issue", replyIsExact: true,
            replyLacks: ["Sony Mathew"]),
        .init(
            file: "29-list-erp-bullets.eml", kind: .human, reply: "One: Here's what I've got.",
            extraHeader: "Precedence: list\r\nList-Id: <riak-users.lists.basho.com>\r\n"),
        .init(
            file: "30-list-mailgem-thunderbird.eml", kind: .human, reply: "Message body", replyIsExact: true,
            extraHeader: "Precedence: list\r\nList-Id: Testing <test.xxx.org>\r\n"),
        .init(
            file: "31-django-koi8r-outlook.eml", kind: .human, reply: "Добрый день, уважаемые коллеги.",
            textHas: ["Высшая школа экономики"], subject: "Предложения от НИУ ВШЭ на 2016 год",
            fromName: "Савостенок Ольга Святославовна",
            attachments: [
                "Пакет предложений HSE Career Fair 8 апреля 2016.pdf application/pdf", "Ведомости.pdf application/pdf",
                "Пакет предложений 2016.pptx application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ]),
        .init(
            file: "32-django-latin2-outlook.eml", kind: .human, reply: "test message", replyIsExact: true,
            fromName: "Reisinger Ádám",
            attachments: ["K\u{FFFD}relem.pdf application/pdf"]),
        .init(
            file: "33-django-pl-roundcube.eml", kind: .human, reply: "REDACTED",
            textHas: ["Niniejsza wiadomość elektroniczna", "załączniki"],
            subject: "Odpowiedź od burmistrza na wniosek stowarzyszenia",
            attachments: ["piłkochwyty.jpg image/jpeg", "odpowiedź Burmistrza.jpg image/jpeg"]),
        .init(
            file: "34-sisimai-forwarded-eml.eml", kind: .human, reply: "it shouldn't be considered as bounce",
            replyIsExact: true, attachments: ["original.eml message/rfc822"]),
        .init(file: "35-chatwoot-html-only.eml", kind: .human, reply: "This is html only mail", replyIsExact: true),
        .init(
            file: "36-mailgem-mbox-pdf.eml", kind: .human, reply: "Just attaching another PDF",
            subject: "Another PDF with 🎉 Unicode chars in it 🍿", attachments: ["broken.pdf application/pdf"]),
        .init(
            file: "37-cpython-gif.eml", kind: .human, reply: "Hi there,\n\nThis is the dingus fish.",
            replyIsExact: true,
            attachments: ["dingusfish.gif image/gif"]),
        .init(file: "39-unknown-flanker-gmail.eml", kind: .human, reply: "Hello,\nI'm just testing message parsing"),
        .init(file: "40-unknown-mailgem-apple.eml", kind: .human, reply: "Plain email."),
        .init(file: "41-unknown-cpython-plain.eml", kind: .human, reply: "Hi,\n\nDo you like this message?"),
        .init(file: "42-auto-exim-vacation.eml", kind: .automatic, reply: "I am currently away"),
        .init(file: "43-auto-exchange-ooo.eml", kind: .automatic, subject: "Automatic reply: Nyaan"),
        .init(file: "44-auto-icloud-vacation.eml", kind: .automatic, reply: "I'm only sleeping."),
        .init(file: "45-auto-exchange-cp1252.eml", kind: .automatic, reply: "***Please stop and read this message.***"),
        .init(file: "46-auto-submitted-qp.eml", kind: .automatic, textHas: ["zukünftig"]),
        .init(file: "47-auto-mimecast.eml", kind: .automatic, reply: "This email inbox kijitora@example.com"),
        .init(
            file: "48-auto-chatwoot-arabic.eml", kind: .automatic, subject: "أهلين عميلنا الكريم",
            fromName: "متجر سوق نت"),
        .init(file: "49-bounce-postfix.eml", kind: .bounce(["r@p351355.pool.example.ne.jp"])),
        .init(file: "50-bounce-exim.eml", kind: .bounce(["kijitora@example.jp", "sabatora@example.jp"])),
        .init(file: "51-bounce-exchange-2007.eml", kind: .bounce(["mikeneko@example.co.jp"])),
        .init(file: "52-bounce-gmail.eml", kind: .bounce(["userunknown@example.jp"])),
        .init(file: "53-bounce-office365.eml", kind: .bounce(["kijitora@example.com"])),
        .init(
            file: "54-bounce-yandex.eml", kind: .bounce(["kijitora@example.jp"]),
            textHas: ["Это письмо отправлено почтовым сервером"], subject: "Недоставленное сообщение"),
        .init(
            file: "55-bounce-mailru.eml", kind: .bounce(["kijitora@example.jp"]),
            textHas: ["Ваше письмо не может быть доставлено"]),
        .init(file: "56-bounce-exim-delayed.eml", kind: .bounce([])),
        .init(file: "57-bounce-gmail-invalid.eml", kind: .bounce(["awfawfawfawfawfaw@someserverhere.com"])),
        .init(file: "58-bounce-sims-list.eml", kind: .bounce(["jangel1@cougar.noc.ucla.edu"])),
        .init(file: "60-talon-yahoo.eml", kind: .human, reply: "Hello", replyIsExact: true),
    ]

    static func load(_ expected: Expected) throws -> InboundMessage {
        var bytes = Array(try Data(contentsOf: folder.appendingPathComponent(expected.file)))
        if let extra = expected.extraHeader { bytes = Array(extra.utf8) + bytes }
        return try InboundMessage.parse(bytes)
    }

    @Test func everyCorpusMessageHasAnExpectation() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter {
            $0.hasSuffix(".eml")
        }
        #expect(Set(files) == Set(Self.expectations.map(\.file)))
        #expect(files.count >= 50)
    }

    @Test(arguments: expectations)
    func corpusMessage(_ expected: Expected) throws {
        let message = try Self.load(expected)
        switch (expected.kind, message.kind) {
        case (.human, .human), (.automatic, .automatic): break
        case (.bounce(let addresses), .deliveryReport(let report)):
            #expect(report.failedAddresses == addresses)
            #expect(!report.recipients.isEmpty)
            #expect(report.recipients.allSatisfy { $0.action == "delayed" || $0.status.hasPrefix("5") })
        default: Issue.record("\(expected.file): expected \(expected.kind), got \(message.kind)")
        }
        if let reply = expected.reply {
            if expected.replyIsExact {
                #expect(message.replyText == reply)
            } else {
                #expect(message.replyText.hasPrefix(reply), "\(message.replyText)")
            }
        }
        for word in expected.replyLacks {
            #expect(!message.replyText.contains(word), "reply still has '\(word)'")
            #expect(message.text.contains(word), "the full text keeps '\(word)'")
        }
        for word in expected.textHas {
            #expect(message.text.contains(word), "text lacks '\(word)'")
        }
        if let subject = expected.subject { #expect(message.subject == subject) }
        if let name = expected.fromName { #expect(message.from.displayName == name) }
        #expect(message.attachments.map { "\($0.fileName) \($0.contentType)" } == expected.attachments)
        #expect(!message.text.contains("\u{FFFD}"))
    }

    @Test func attachmentsKeepTheirBytes() throws {
        let gif = try Self.load(.init(file: "37-cpython-gif.eml", kind: .human))
        #expect(gif.attachments.first?.bytes.prefix(6) == Array("GIF87a".utf8)[...])
        let pdf = try Self.load(.init(file: "36-mailgem-mbox-pdf.eml", kind: .human))
        #expect(pdf.attachments.first?.bytes.prefix(5) == Array("%PDF-".utf8)[...])
    }

    @Test func deliveryReportDetails() throws {
        let postfix = try Self.load(.init(file: "49-bounce-postfix.eml", kind: .human))
        guard case .deliveryReport(let report) = postfix.kind else {
            Issue.record("not a report")
            return
        }
        #expect(report.isStandard)
        #expect(report.recipients.first?.status == "5.1.1")
        #expect(postfix.returnedHeaders != nil || postfix.problems.contains(.unclosedMultipart))
        let delayed = try Self.load(.init(file: "56-bounce-exim-delayed.eml", kind: .human))
        guard case .deliveryReport(let warning) = delayed.kind else {
            Issue.record("not a report")
            return
        }
        #expect(
            warning.recipients == [
                .init(
                    address: "user@example.com", action: "delayed", status: "4.4.4",
                    diagnostic: "454 4.4.4 [internal] no MX or A for domain")
            ])
        #expect(warning.failedAddresses.isEmpty)
    }
}

/// Hostile and broken input never crashes the parser: every cut of every corpus message, and noise.
@Suite struct InboundRobustnessTests {
    @Test func everyTruncationOfEveryCorpusMessageParsesOrFailsCleanly() throws {
        var parsed = 0
        for expected in MailCorpusTests.expectations {
            let bytes = Array(try Data(contentsOf: MailCorpusTests.folder.appendingPathComponent(expected.file)))
            for cut in stride(from: 0, to: bytes.count, by: 97) {
                do {
                    let message = try InboundMessage.parse(Array(bytes[..<cut]))
                    _ = message.kind
                    _ = message.replyText
                    parsed += 1
                } catch {
                    #expect(
                        [.empty, .noHeaderFields, .missingField("From")].contains(error),
                        "\(expected.file) cut at \(cut)")
                }
            }
        }
        #expect(parsed > 500)
    }

    @Test func noiseFailsCleanly() {
        var generator = SystemRandomNumberGenerator()
        for length in [1, 7, 100, 5000] {
            let noise = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            // Either it reads as something (a header-like start) or it is refused with a reason; never a crash.
            _ = try? InboundMessage.parse(
                Array("From: a@b.test\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n".utf8) + noise)
            _ = try? InboundMessage.parse(noise)
        }
    }

    /// The limits accept what they promise: a 24 MB attachment in a 32 MB message.
    @Test func largestAllowedMessageIsAccepted() throws {
        let payload = [UInt8](repeating: 0x5A, count: 24 * 1024 * 1024)
        let encoded = Data(payload).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        let raw =
            InboundMessageTests.raw(
                ["From: jan@klient.test", "Subject: logs", "Content-Type: multipart/mixed; boundary=b"],
                "--b\nContent-Type: text/plain\n\nLogi w załączniku.\n--b\nContent-Type: application/zip; name=logs.zip\nContent-Transfer-Encoding: base64\n\n"
            ) + Array(encoded.utf8) + Array("\r\n--b--\r\n".utf8)
        #expect(raw.count > 32 * 1024 * 1024 && raw.count < InboundMailLimits.default.maxMessageBytes)
        let message = try InboundMessage.parse(raw)
        #expect(message.attachments.first?.bytes.count == payload.count)
        #expect(message.text == "Logi w załączniku.")
        #expect(message.problems.isEmpty)
    }
}
