import Foundation

/// One confirmation link sent to an invited account: single-use, and it expires.
///
/// Only the SHA-256 of the link's token is stored, so a leaked table cannot confirm anything.
public struct AccountConfirmation: Sendable, Hashable {
    /// How long a link works after it is sent (default 48 hours).
    public static let defaultLifetime: TimeInterval = 48 * 3600

    /// What a link is good for right now.
    public enum LinkState: Sendable, Hashable {
        /// The link may confirm the account of this user.
        case valid(userID: Int64)
        /// The link is older than its lifetime, or a newer link replaced it.
        case expired
        /// The link was already used once.
        case used
        /// No link with this token exists.
        case unknown
    }

    public var tokenHash: String
    public var userID: Int64
    public var createdAt: Date
    public var expiresAt: Date
    /// When the link was used; a used link never works again.
    public var usedAt: Date?

    /// Makes a link record for `userID`, expiring `lifetime` after `createdAt`.
    public init(tokenHash: String, userID: Int64, createdAt: Date, lifetime: TimeInterval = Self.defaultLifetime) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.createdAt = createdAt
        expiresAt = createdAt.addingTimeInterval(lifetime)
        usedAt = nil
    }

    /// Makes a record as stored.
    public init(tokenHash: String, userID: Int64, createdAt: Date, expiresAt: Date, usedAt: Date?) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }

    /// The link's state at `date`: used beats expired, so a reused link says so even when old.
    public func state(at date: Date) -> LinkState {
        if usedAt != nil { return .used }
        // The expiry instant itself no longer works.
        guard date < expiresAt else { return .expired }
        return .valid(userID: userID)
    }
}
