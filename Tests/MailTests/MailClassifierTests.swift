import Mail
import Testing

/// Automatic mail, delivery reports and reply stripping on messages written here.
@Suite struct MailClassifierTests {
    static func message(_ header: [String], _ body: String = "Dzień dobry") throws -> InboundMessage {
        let header = header.contains { $0.hasPrefix("From:") } ? header : ["From: Jan <jan@klient.test>"] + header
        return try InboundMessage.parse(
            InboundMessageTests.raw(
                header
                    + ["Subject: Re: Zlecenie"].filter { _ in
                        !header.contains { $0.hasPrefix("Subject:") }
                    }, body))
    }

    @Test(arguments: [
        (["Auto-Submitted: auto-replied"], "Auto-Submitted: auto-replied"),
        (["Auto-Submitted: auto-generated; owner-email=\"x@y\""], "Auto-Submitted: auto-generated"),
        (["Return-Path: < >"], "Return-Path: <>"),
        (["Precedence: bulk"], "Precedence: bulk"),
        (["Precedence: JUNK"], "Precedence: junk"),
        (["X-Autoreply: yes"], "X-Autoreply: yes"),
        (["X-Autorespond: Out of office"], "X-Autorespond: out"),
        (["From: MAILER-DAEMON@mx.test"], "sender MAILER-DAEMON@mx.test"),
        (["From: Postmaster <postmaster@klient.test>"], "sender postmaster@klient.test"),
        (["From: no-reply@portal.test"], "sender no-reply@portal.test"),
        (["Subject: Automatic reply: Zlecenie RS-1"], "subject starts with 'automatic reply'"),
        (["Subject: Out of Office: wracam 5 maja"], "subject starts with 'out of office'"),
        (["Subject: Odpowiedź automatyczna: Zlecenie"], "subject starts with 'odpowiedź automatyczna'"),
        (["Subject: Automatyczna odpowiedź: Re: Zlecenie"], "subject starts with 'automatyczna odpowiedź'"),
        (["Subject: Poza biurem do 10.12"], "subject starts with 'poza biurem'"),
        (["Subject: Автоматический ответ: Заказ"], "subject starts with 'автоматический ответ'"),
        (["Subject: Автоответ"], "subject starts with 'автоответ'"),
        (["Subject: Вне офиса"], "subject starts with 'вне офиса'"),
    ])
    func automaticMailIsRecognised(header: [String], reason: String) throws {
        #expect(try Self.message(header).kind == .automatic(reason: reason))
    }

    /// A person writing through a mailing list, or saying "not automatic", is a person.
    @Test(arguments: [
        ["Precedence: list", "List-Id: <serwis.lists.test>"],
        ["Auto-Submitted: no"],
        ["X-Autoreply: no"],
        ["Return-Path: <jan@klient.test>"],
        ["Subject: Re: Automatyczna pralka nie wiruje"],
        ["From: Postmaster Jan <jan.postmaster@klient.test>"],
    ])
    func humanMailStaysHuman(header: [String]) throws {
        #expect(try Self.message(header).kind == .human)
    }

    @Test func standardDeliveryReportYieldsFailedRecipients() throws {
        let body = """
            --r
            Content-Type: text/plain

            Your message could not be delivered.
            --r
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.shop.test

            Final-Recipient: rfc822; Anna@Klient.test
            Action: failed
            Status: 5.1.1 (user unknown)
            Diagnostic-Code: smtp; 550 5.1.1 no such user

            Original-Recipient: rfc822;later@klient.test
            Action: delayed
            Status: 4.4.1
            --r
            Content-Type: text/rfc822-headers

            Message-ID: <rs.RS-7K2M.e42.abc@shop.test>
            Subject: Zlecenie
            --r--
            """
        let message = try Self.message(
            [
                "From: Mail Delivery System <MAILER-DAEMON@mx.shop.test>", "Subject: Undelivered Mail",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=r",
            ], body)
        guard case .deliveryReport(let report) = message.kind else {
            Issue.record("expected a report, got \(message.kind)")
            return
        }
        #expect(report.isStandard)
        #expect(report.failedAddresses == ["anna@klient.test"])
        #expect(report.recipients[0].status == "5.1.1")
        #expect(report.recipients[0].diagnostic == "550 5.1.1 no such user")
        #expect(report.recipients[1] == .init(address: "later@klient.test", action: "delayed", status: "4.4.1"))
        #expect(message.returnedHeaders?["Message-ID"] == "<rs.RS-7K2M.e42.abc@shop.test>")
        #expect(message.attachments.isEmpty)
        #expect(message.text == "Your message could not be delivered.")
    }

    @Test func autoReplyWithNullSenderIsNotABounce() throws {
        let message = try Self.message(
            ["Return-Path: <>", "Subject: Automatic reply: Zlecenie"], "Jestem na urlopie.\n\n  anna@klient.test\n")
        #expect(message.kind == .automatic(reason: "Return-Path: <>"))
    }

    @Test(arguments: [
        // Polish Gmail and Thunderbird.
        "Dziękuję, odbiorę jutro.\n\nW dniu 3.12.2026 o 10:00, Serwis <serwis@shop.test> napisał(a):\n> Zlecenie gotowe.",
        "Dziękuję, odbiorę jutro.\n\nczw., 3 gru 2026 o 10:00 Serwis <serwis@shop.test>\nnapisał(a):\n\n> Zlecenie gotowe.",
        // Polish Outlook.
        "Dziękuję, odbiorę jutro.\n\nOd: Serwis <serwis@shop.test>\nWysłano: czwartek, 3 grudnia 2026 10:00\nDo: Jan\nTemat: Zlecenie\n\nZlecenie gotowe.",
        "Dziękuję, odbiorę jutro.\n\n-----Wiadomość oryginalna-----\nOd: Serwis\nZlecenie gotowe.",
        // Signature and mobile sign-off.
        "Dziękuję, odbiorę jutro.\n\n-- \nJan Kowalski\ntel. 600 000 000\n\n> Zlecenie gotowe.",
        "Dziękuję, odbiorę jutro.\n\nWysłane z mojego iPhone'a\n\n> Zlecenie gotowe.",
    ])
    func polishRepliesAreStripped(body: String) throws {
        #expect(ReplyText.stripped(body) == "Dziękuję, odbiorę jutro.")
    }

    @Test(arguments: [
        "Спасибо, заберу завтра.\n\n3 декабря 2026 г., в 10:00, Сервис <serwis@shop.test> пишет:\n\n> Заказ готов.",
        "Спасибо, заберу завтра.\n\nЧетверг, 3 декабря 2026, 10:00 +03:00 от Сервис <serwis@shop.test>:\n> Заказ готов.",
        "Спасибо, заберу завтра.\n\nОт: Сервис [mailto:serwis@shop.test]\nОтправлено: 3 декабря 2026 г. 10:00\nКому: Иван\nТема: Заказ\n\nЗаказ готов.",
        "Спасибо, заберу завтра.\n\n-------- Исходное сообщение --------\nЗаказ готов.",
        "Спасибо, заберу завтра.\n\nОтправлено с iPhone",
    ])
    func russianRepliesAreStripped(body: String) throws {
        #expect(ReplyText.stripped(body) == "Спасибо, заберу завтра.")
    }

    @Test func textWithoutHistoryIsKeptWhole() {
        let text =
            "Drukarka:\n\n- nie drukuje\n- miga dioda\nFrom: Warszawa\nTo: Kraków\n\nOn Monday I can bring it: ok?"
        #expect(ReplyText.stripped(text) == text)
    }

    @Test func windows1250ReplyIsDecodedThenStripped() throws {
        // "Dziękuję" and "napisał(a)" in Windows-1250.
        let body: [UInt8] =
            Array("Dzi".utf8) + [0xEA, 0x6B, 0x75, 0x6A, 0xEA]
            + Array("\r\n\r\nW dniu 3.12.2026 Serwis <s@shop.test> napisa".utf8)
            + [0xB3] + Array("(a):\r\n> stare\r\n".utf8)
        let message = try InboundMessage.parse(
            InboundMessageTests.raw(
                ["From: jan@klient.test", "Subject: Re: x", "Content-Type: text/plain; charset=windows-1250"],
                bodyBytes: body))
        #expect(message.replyText == "Dziękuję")
        #expect(message.text.contains("napisał(a):\n> stare"))
    }
}
