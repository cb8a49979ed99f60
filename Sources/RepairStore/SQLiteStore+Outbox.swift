import Foundation
import RepairCore

// The mail outbox: a mail is written in the same transaction as the change that
// causes it, and a deliverer sends it later. A row is never deleted: it ends
// sent, or dead after too many failures, and stays for inspection.
extension SQLiteStore {
    /// A mail to enqueue: what the deliverer needs besides the sender, which it adds.
    public struct OutgoingMail: Sendable, Hashable {
        public var recipient: String
        public var recipientName: String
        public var subject: String
        public var body: String
        /// Stable `local@domain` id without brackets; sent on every attempt so receivers can drop duplicates.
        public var messageID: String

        /// Makes a mail.
        public init(recipient: String, recipientName: String = "", subject: String, body: String, messageID: String) {
            self.recipient = recipient
            self.recipientName = recipientName
            self.subject = subject
            self.body = body
            self.messageID = messageID
        }
    }

    /// One outbox row.
    public struct OutboxEntry: Sendable, Hashable {
        public var id: Int64
        public var mail: OutgoingMail
        public var createdAt: Date
        /// Failed delivery attempts so far.
        public var attempts: Int
        public var nextAttemptAt: Date
        public var sentAt: Date?
        /// The last failure, for a person; empty when none.
        public var lastError: String
        /// Given up on: a permanent failure or too many attempts.
        public var isDead: Bool

        /// Waiting to be sent (not sent, not dead).
        public var isPending: Bool { sentAt == nil && !isDead }
    }

    /// Appends `mail` to the outbox inside the caller's transaction; due at once.
    @discardableResult
    public static func enqueue(_ mail: OutgoingMail, at date: Date, in db: Database) throws -> Int64 {
        try db.run(
            """
            INSERT INTO outbox (message_id, recipient, recipient_name, subject, body, created_at, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(mail.messageID), .text(mail.recipient), .text(mail.recipientName), .text(mail.subject),
                .text(mail.body), .real(date.timeIntervalSince1970), .real(date.timeIntervalSince1970),
            ])
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
                SELECT \(Self.outboxColumns) FROM outbox
                WHERE sent_at IS NULL AND dead = 0 AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?
                """,
                [.real(date.timeIntervalSince1970), .integer(Int64(max(limit, 0)))], Self.outboxEntry)
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
    public func outboxEntries(limit: Int = 100) throws -> [OutboxEntry] {
        try read { db in
            try db.rows(
                "SELECT \(Self.outboxColumns) FROM outbox ORDER BY id DESC LIMIT ?", [.integer(Int64(max(limit, 0)))],
                Self.outboxEntry)
        }
    }

    /// The outbox row `id`, if any.
    public func outboxEntry(id: Int64) throws -> OutboxEntry? {
        try read { db in try Self.outboxEntry(id: id, in: db) }
    }

    static func outboxEntry(id: Int64, in db: Database) throws -> OutboxEntry? {
        try db.firstRow("SELECT \(outboxColumns) FROM outbox WHERE id = ?", [.integer(id)], outboxEntry)
    }

    static let outboxColumns = """
        id, message_id, recipient, recipient_name, subject, body, created_at, attempts, next_attempt_at, sent_at, \
        last_error, dead
        """

    static func outboxEntry(_ row: Statement) -> OutboxEntry {
        OutboxEntry(
            id: row.int64(0),
            mail: OutgoingMail(
                recipient: row.text(2), recipientName: row.text(3), subject: row.text(4), body: row.text(5),
                messageID: row.text(1)),
            createdAt: Date(timeIntervalSince1970: row.double(6)), attempts: Int(row.int64(7)),
            nextAttemptAt: Date(timeIntervalSince1970: row.double(8)),
            sentAt: row.isNull(9) ? nil : Date(timeIntervalSince1970: row.double(9)), lastError: row.text(10),
            isDead: row.bool(11))
    }
}
