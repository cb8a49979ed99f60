import Dispatch
import Foundation
import Mail
import RepairCore
import Synchronization

/// Delivers due outbox rows through a `MailTransport`, on its own thread, with retries and backoff.
///
/// A row is marked sent only after the transport accepted it. A crash in between
/// sends it again later with the same `Message-ID`, so receivers can drop the
/// duplicate; nothing is ever lost. Several processes may each run a deliverer on one
/// database: a pass claims its rows first (`claimDueOutboxEntries`), so each row goes
/// out once; a row whose process died mid-send is due again after `claimLease`.
public final class OutboxDeliverer: Sendable {
    /// What one pass did.
    public struct PassReport: Sendable, Equatable {
        public var sent = 0
        /// Failed, to be tried again later.
        public var deferred = 0
        /// Failed for good (permanent refusal, invalid message or too many attempts).
        public var dead = 0
    }

    public let store: any OutboxRepository
    public let transport: any MailTransport
    public let configuration: MailSettings
    private let now: @Sendable () -> Date
    private let log: @Sendable (String) -> Void
    private let state = Mutex(State())
    private let wakeUp = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    private struct State {
        var isRunning = false
        var isStopping = false
    }

    /// Makes a deliverer; `now` and `log` are injectable for tests.
    public init(
        store: any OutboxRepository, transport: any MailTransport, configuration: MailSettings,
        now: @escaping @Sendable () -> Date = { Date() },
        log: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    ) {
        self.store = store
        self.transport = transport
        self.configuration = configuration
        self.now = now
        self.log = log
    }

    /// Sends every row due now (at most `batchSize`) once; records each outcome before the next.
    @discardableResult
    public func deliverDue() throws -> PassReport {
        var report = PassReport()
        for entry in try store.claimDueOutboxEntries(
            at: now(), limit: configuration.batchSize, lease: configuration.claimLease.timeInterval) {
            do throws(MailError) {
                try transport.deliver(try makeMessage(entry))
            } catch {
                let attempt = entry.attempts + 1
                switch configuration.retry.decision(afterFailedAttempt: attempt, error: error) {
                case .retry(let delay):
                    try store.markOutboxFailed(
                        id: entry.id, error: error.description, retryAt: now().addingTimeInterval(delay.timeInterval))
                    report.deferred += 1
                    log(
                        "mail \(entry.mail.messageID) to \(entry.mail.recipient): attempt \(attempt) failed, retrying: \(error)"
                    )
                case .giveUp:
                    try store.markOutboxFailed(id: entry.id, error: error.description, retryAt: nil)
                    report.dead += 1
                    log(
                        "mail \(entry.mail.messageID) to \(entry.mail.recipient): given up after attempt \(attempt): \(error)"
                    )
                }
                continue
            }
            try store.markOutboxSent(id: entry.id, at: now())
            report.sent += 1
        }
        return report
    }

    /// The message for a row: our sender, the row's stable Message-ID, dated when it was enqueued.
    public func makeMessage(_ entry: OutboxEntry) throws(MailError) -> MailMessage {
        let name = entry.mail.recipientName.isEmpty ? nil : entry.mail.recipientName
        return try MailMessage(
            from: MailAddress(configuration.fromAddress, displayName: configuration.fromName, field: "From"),
            to: [MailAddress(entry.mail.recipient, displayName: name, field: "To")], subject: entry.mail.subject,
            body: entry.mail.body, date: entry.createdAt, messageID: entry.mail.messageID,
            extraHeaders: [("Auto-Submitted", "auto-generated")])
    }

    /// Starts the delivery thread: a pass every `pollInterval`, or sooner after `wake()`.
    public func start() {
        let isNew = state.withLock { state -> Bool in
            guard !state.isRunning else { return false }
            state.isRunning = true
            state.isStopping = false
            return true
        }
        guard isNew else { return }
        let thread = Thread { [self] in
            while !state.withLock({ $0.isStopping }) {
                do {
                    try deliverDue()
                } catch {
                    // The store failed (disk, lock): keep the rows and try again next pass.
                    log("outbox pass failed: \(error)")
                }
                _ = wakeUp.wait(timeout: .now() + configuration.pollInterval.timeInterval)
            }
            finished.signal()
        }
        thread.name = "outbox-deliverer"
        thread.start()
    }

    /// Asks the thread for a pass now (e.g. right after a mail was enqueued).
    public func wake() {
        wakeUp.signal()
    }

    /// Stops the thread after its current pass and waits for it to end.
    public func stop() {
        let wasRunning = state.withLock { state -> Bool in
            guard state.isRunning else { return false }
            state.isStopping = true
            return true
        }
        guard wasRunning else { return }
        wakeUp.signal()
        finished.wait()
        state.withLock { $0.isRunning = false }
    }
}

extension Duration {
    /// The duration in seconds, as Foundation and Dispatch take it.
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
