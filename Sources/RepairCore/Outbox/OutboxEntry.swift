import Foundation

/// One outbox row: a mail and where its delivery stands.
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

    /// Makes an entry.
    public init(
        id: Int64, mail: OutgoingMail, createdAt: Date, attempts: Int, nextAttemptAt: Date, sentAt: Date?,
        lastError: String, isDead: Bool
    ) {
        self.id = id
        self.mail = mail
        self.createdAt = createdAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.sentAt = sentAt
        self.lastError = lastError
        self.isDead = isDead
    }

    /// Waiting to be sent (not sent, not dead).
    public var isPending: Bool { sentAt == nil && !isDead }
}
