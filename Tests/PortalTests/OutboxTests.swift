import Foundation
import Mail
import MailTesting
import RepairCore
import RepairStore
import Testing

@testable import Portal

@Suite("Outbox delivery: retries, dead mails, stable Message-IDs")
struct OutboxTests {
    static func mail(_ n: Int = 1, to recipient: String = "someone@example.com") -> OutgoingMail {
        OutgoingMail(
            recipient: recipient, recipientName: "Ktoś Żółty", subject: "Test \(n)", body: "Body \(n)\nline two",
            messageID: "test-\(n)-\(UUID().uuidString.lowercased())@repair.test")
    }

    @Test func aTransientFailureIsRetriedLaterAndTheRowIsNeverLost() throws {
        let harness = try PortalHarness()
        let clock = TestClock()
        let entry = try harness.store.enqueueMail(Self.mail(), at: clock.now)
        let busy = try SMTPSink(SMTPSink.Behaviour(replies: ["MAIL": "451 4.3.0 try again later"]))
        defer { busy.stop() }

        let first = try harness.deliverer(to: busy, clock: clock).deliverDue()
        #expect(first == OutboxDeliverer.PassReport(sent: 0, deferred: 1, dead: 0))
        let failed = try #require(try harness.store.outboxEntry(id: entry.id))
        #expect(failed.isPending)
        #expect(failed.attempts == 1)
        #expect(failed.lastError.contains("451"))
        #expect(failed.nextAttemptAt >= clock.now.addingTimeInterval(60))

        // Not due yet: nothing is tried before the backoff has passed.
        let commandsBefore = busy.commands.count
        #expect(try harness.deliverer(to: busy, clock: clock).deliverDue() == OutboxDeliverer.PassReport())
        #expect(busy.commands.count == commandsBefore)

        let healthy = try SMTPSink()
        defer { healthy.stop() }
        clock.advance(by: 61)
        #expect(try harness.deliverer(to: healthy, clock: clock).deliverDue().sent == 1)
        let envelope = try #require(healthy.envelopes.first)
        #expect(envelope.messageID == "<\(entry.mail.messageID)>")
        #expect(envelope.decodedText.contains("Body 1\r\nline two"))
        #expect(envelope.mailFrom.contains("shop@repair.test"))
        let sent = try #require(try harness.store.outboxEntry(id: entry.id))
        #expect(sent.sentAt != nil)
        #expect(!sent.isPending)
        #expect(try harness.deliverer(to: healthy, clock: clock).deliverDue() == OutboxDeliverer.PassReport())
    }

    @Test func aPermanentRefusalMakesTheMailDeadWithoutRetrying() throws {
        let harness = try PortalHarness()
        let clock = TestClock()
        let entry = try harness.store.enqueueMail(Self.mail(), at: clock.now)
        let refusing = try SMTPSink(SMTPSink.Behaviour(replies: ["RCPT": "550 5.1.1 no such user"]))
        defer { refusing.stop() }
        #expect(try harness.deliverer(to: refusing, clock: clock).deliverDue().dead == 1)
        let dead = try #require(try harness.store.outboxEntry(id: entry.id))
        #expect(dead.isDead)
        #expect(dead.sentAt == nil)
        #expect(dead.lastError.contains("550"))
        clock.advance(by: 86_400)
        #expect(try harness.store.dueOutboxEntries(at: clock.now, limit: 10).isEmpty)
    }

    @Test func tooManyTransientFailuresEndDead() throws {
        let harness = try PortalHarness()
        let clock = TestClock()
        let entry = try harness.store.enqueueMail(Self.mail(), at: clock.now)
        let busy = try SMTPSink(SMTPSink.Behaviour(replies: ["MAIL": "421 4.3.2 shutting down"]))
        defer { busy.stop() }
        var settings = MailSettings()
        settings.useSMTP(host: "127.0.0.1", port: busy.port)
        settings.retry = RetrySchedule(initialDelay: .seconds(1), maximumDelay: .seconds(2), maxAttempts: 3)
        let deliverer = OutboxDeliverer(
            store: harness.store, transport: settings.makeTransport(), configuration: settings, now: { clock.now },
            log: { _ in })
        var reports: [OutboxDeliverer.PassReport] = []
        for _ in 0..<3 {
            reports.append(try deliverer.deliverDue())
            clock.advance(by: 10)
        }
        #expect(reports.map(\.deferred) == [1, 1, 0])
        #expect(reports.map(\.dead) == [0, 0, 1])
        let dead = try #require(try harness.store.outboxEntry(id: entry.id))
        #expect(dead.attempts == 3)
        #expect(dead.isDead)
    }

    @Test func aResendAfterACrashCarriesTheSameMessageID() throws {
        let harness = try PortalHarness()
        let clock = TestClock()
        let entry = try harness.store.enqueueMail(Self.mail(), at: clock.now)
        let sink = try SMTPSink()
        defer { sink.stop() }
        let deliverer = harness.deliverer(to: sink, clock: clock)
        // The relay accepts, then the process dies before recording it: the row is still pending.
        try deliverer.transport.deliver(try deliverer.makeMessage(entry))
        #expect(try harness.store.outboxEntry(id: entry.id)?.isPending == true)
        #expect(try deliverer.deliverDue().sent == 1)
        #expect(sink.envelopes.count == 2)
        #expect(Set(sink.envelopes.compactMap(\.messageID)) == ["<\(entry.mail.messageID)>"])
        #expect(sink.envelopes[0].message == sink.envelopes[1].message)
    }

    @Test func withoutSMTPMailsAreWrittenAsEMLFiles() throws {
        let harness = try PortalHarness()
        let folder = harness.directory.appendingPathComponent("mail-outbox")
        var settings = MailSettings()
        settings.useFolder(folder.path)
        let entry = try harness.store.enqueueMail(Self.mail(), at: Date())
        let deliverer = OutboxDeliverer(
            store: harness.store, transport: settings.makeTransport(), configuration: settings, log: { _ in })
        #expect(try deliverer.deliverDue().sent == 1)
        let file = folder.appendingPathComponent(EMLWriter.fileName(forMessageID: entry.mail.messageID))
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("Message-ID: <\(entry.mail.messageID)>"))
        #expect(text.contains("Auto-Submitted: auto-generated"))
    }

    @Test func anInvalidRecipientIsDeadAtOnce() throws {
        let harness = try PortalHarness()
        let clock = TestClock()
        let entry = try harness.store.enqueueMail(Self.mail(to: "no spaces@allowed example"), at: clock.now)
        let sink = try SMTPSink()
        defer { sink.stop() }
        #expect(try harness.deliverer(to: sink, clock: clock).deliverDue().dead == 1)
        #expect(sink.commands.isEmpty)
        #expect(try harness.store.outboxEntry(id: entry.id)?.lastError.contains("To") == true)
    }

    @Test func theThreadDeliversAccountMailsUntilStopped() throws {
        let harness = try PortalHarness()
        let sink = try SMTPSink()
        defer { sink.stop() }
        var settings = MailSettings()
        settings.useSMTP(host: "127.0.0.1", port: sink.port)
        settings.pollInterval = .milliseconds(20)
        let deliverer = OutboxDeliverer(
            store: harness.store, transport: settings.makeTransport(), configuration: settings, log: { _ in })
        deliverer.start()
        deliverer.start()  // a second start is ignored
        #expect(try AccountTests.createAccount(harness).status == 303)
        // Waits for the thread's pass; the bound only keeps a broken build from hanging the run.
        for _ in 0..<500 where sink.envelopes.isEmpty { Thread.sleep(forTimeInterval: 0.01) }
        deliverer.stop()
        deliverer.stop()
        #expect(sink.envelopes.count == 1)
        #expect(sink.envelopes.first?.confirmationToken != nil)
        #expect(try harness.store.outboxEntries().allSatisfy { $0.sentAt != nil })
    }

    @Test func adminsSeeDeadMailsAndCanRetryThem() throws {
        let harness = try PortalHarness()
        let clock = TestClock()
        let dead = try harness.store.enqueueMail(Self.mail(1), at: clock.now)
        let pending = try harness.store.enqueueMail(Self.mail(2), at: clock.now.addingTimeInterval(3600))
        let refusing = try SMTPSink(SMTPSink.Behaviour(replies: ["RCPT": "550 5.1.1 no such user"]))
        defer { refusing.stop() }
        #expect(try harness.deliverer(to: refusing, clock: clock).deliverDue().dead == 1)

        let admin = try harness.signedIn(.admin)
        let page = try admin.request(.get, "/admin/outbox")
        #expect(page.status == 200)
        #expect(page.text.contains("550 5.1.1 no such user"))
        let csrf = try PortalHarness.csrfToken(in: page.text)
        #expect(try admin.postForm("/admin/outbox/\(dead.id)/retry", ["csrf_token": csrf]).status == 303)
        let retried = try #require(try harness.store.outboxEntry(id: dead.id))
        #expect(retried.isPending && retried.attempts == 0)
        #expect(try admin.postForm("/admin/outbox/\(dead.id)/retry", ["csrf_token": csrf]).status == 409)
        #expect(try admin.postForm("/admin/outbox/\(pending.id)/retry", ["csrf_token": csrf]).status == 409)
        #expect(try admin.postForm("/admin/outbox/999/retry", ["csrf_token": csrf]).status == 404)
        #expect(try admin.postForm("/admin/outbox/\(dead.id)/retry", [:]).status == 403)
        let list = try admin.request(.get, "/api/v1/admin/outbox")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.body)) as? [[String: Any]])
        #expect(rows.compactMap { $0["state"] as? String } == ["pending", "pending"])
        #expect(try harness.signedIn(.agent).request(.get, "/admin/outbox").status == 403)
    }
}
