import Foundation

/// The mail outbox: rows are enqueued in the transaction of the change that causes them and never deleted.
///
/// Each call is one transaction. A row ends sent, or dead after too many failures, and stays for inspection.
public protocol OutboxRepository: Sendable {
    /// Appends `mail` to the outbox on its own, due at once; returns the row.
    @discardableResult
    func enqueueMail(_ mail: OutgoingMail, at date: Date) throws -> OutboxEntry
    /// Pending rows due at `date`, oldest due first, at most `limit`.
    func dueOutboxEntries(at date: Date, limit: Int) throws -> [OutboxEntry]
    /// Claims the pending rows due at `date` (oldest due first, at most `limit`) for one sender: in one transaction
    /// they are taken (rows another process is claiming right now are skipped) and made due again only at
    /// `date + lease`, so no other process sends them meanwhile; one whose sender died is due again after the lease.
    func claimDueOutboxEntries(at date: Date, limit: Int, lease: TimeInterval) throws -> [OutboxEntry]
    /// Records that the transport accepted row `id`; a second call keeps the first time.
    func markOutboxSent(id: Int64, at date: Date) throws
    /// Records a failed attempt on row `id`: due again at `retryAt`, or dead when `retryAt` is nil.
    func markOutboxFailed(id: Int64, error: String, retryAt: Date?) throws
    /// Gives a dead row a fresh start (due at `date`, attempts from zero); false for a row that is not dead.
    func retryOutboxEntry(id: Int64, at date: Date) throws -> Bool
    /// Outbox rows, newest first, at most `limit`.
    func outboxEntries(limit: Int) throws -> [OutboxEntry]
    /// The outbox row `id`, if any.
    func outboxEntry(id: Int64) throws -> OutboxEntry?
}

extension OutboxRepository {
    /// The newest 100 outbox rows.
    public func outboxEntries() throws -> [OutboxEntry] { try outboxEntries(limit: 100) }
}
