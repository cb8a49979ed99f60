import Foundation
import RepairCore

// The mail outbox: a mail is written in the same transaction as the change that
// causes it, and a deliverer sends it later. A row is never deleted: it ends
// sent, or dead after too many failures, and stays for inspection.
extension SQLStore {
    /// Appends `mail` to the outbox inside the caller's transaction; due at once.
    @discardableResult
    public static func enqueue(_ mail: OutgoingMail, at date: Date, in db: any SQLConnection) throws -> Int64 {
        let entry = OutboxEntry(
            id: 0, mail: mail, createdAt: date, attempts: 0, nextAttemptAt: date, sentAt: nil, lastError: "",
            isDead: false)
        try db.run(Rows.insertOutboxEntry, Rows.outboxValues(entry))
        return db.lastInsertRowID
    }

    /// Appends `mail` to the outbox on its own; returns the row.
    @discardableResult
    public func enqueueMail(_ mail: OutgoingMail, at date: Date) throws -> OutboxEntry {
        try write { db in
            let id = try Self.enqueue(mail, at: date, in: db)
            guard let entry = try Self.outboxEntry(id: id, in: db) else {
                throw Problem.notFound(.outboxEntry, key: String(id))
            }
            return entry
        }
    }

    /// Pending rows due at `date`, oldest due first, at most `limit`.
    public func dueOutboxEntries(at date: Date, limit: Int) throws -> [OutboxEntry] {
        try read { db in
            try db.rows(
                """
                SELECT \(Rows.outboxColumns) FROM outbox
                WHERE sent_at IS NULL AND dead = 0 AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?
                """,
                [.real(date.timeIntervalSince1970), .integer(Int64(max(limit, 0)))], Rows.outboxEntry)
        }
    }

    public func claimDueOutboxEntries(at date: Date, limit: Int, lease: TimeInterval) throws -> [OutboxEntry] {
        try write { db in
            // PostgreSQL: `FOR UPDATE SKIP LOCKED`, so processes claiming at once take different rows; SQLite's
            // single writer already runs claims one after another.
            let due = try db.rows(
                """
                SELECT \(Rows.outboxColumns) FROM outbox
                WHERE sent_at IS NULL AND dead = 0 AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?
                """ + db.skipLockedClause,
                [.real(date.timeIntervalSince1970), .integer(Int64(max(limit, 0)))], Rows.outboxEntry)
            for entry in due {
                try db.run(
                    "UPDATE outbox SET next_attempt_at = ? WHERE id = ?",
                    [.real(date.timeIntervalSince1970 + lease), .integer(entry.id)])
            }
            return due
        }
    }

    /// Records that the transport accepted row `id`; a second call keeps the first time.
    public func markOutboxSent(id: Int64, at date: Date) throws {
        try write { db in
            try db.run(
                "UPDATE outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL",
                [.real(date.timeIntervalSince1970), .integer(id)])
        }
    }

    /// Records a failed attempt on row `id`: due again at `retryAt`, or dead when `retryAt` is nil.
    public func markOutboxFailed(id: Int64, error: String, retryAt: Date?) throws {
        try write { db in
            try db.run(
                """
                UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = coalesce(?, next_attempt_at),
                    dead = ? WHERE id = ? AND sent_at IS NULL
                """,
                [
                    .text(error), retryAt.map { .real($0.timeIntervalSince1970) } ?? .null, .bool(retryAt == nil),
                    .integer(id),
                ])
        }
    }

    /// Gives a dead row a fresh start: due at `date`, attempts counted from zero again. Sent rows are left alone.
    public func retryOutboxEntry(id: Int64, at date: Date) throws -> Bool {
        try write { db in
            try db.run(
                "UPDATE outbox SET dead = 0, attempts = 0, next_attempt_at = ? WHERE id = ? AND dead = 1 AND sent_at IS NULL",
                [.real(date.timeIntervalSince1970), .integer(id)])
            return db.changes == 1
        }
    }

    /// Outbox rows, newest first (for the admin's view and tests).
    public func outboxEntries(limit: Int) throws -> [OutboxEntry] {
        try read { db in
            try db.rows(
                "SELECT \(Rows.outboxColumns) FROM outbox ORDER BY id DESC LIMIT ?", [.integer(Int64(max(limit, 0)))],
                Rows.outboxEntry)
        }
    }

    /// The outbox row `id`, if any.
    public func outboxEntry(id: Int64) throws -> OutboxEntry? {
        try read { db in try Self.outboxEntry(id: id, in: db) }
    }

    static func outboxEntry(id: Int64, in db: any SQLConnection) throws -> OutboxEntry? {
        try db.firstRow("SELECT \(Rows.outboxColumns) FROM outbox WHERE id = ?", [.integer(id)], Rows.outboxEntry)
    }
}
