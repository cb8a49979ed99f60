import Foundation
import RepairCore

/// Browser sign-in sessions: the cookie holds a random 256-bit token, the store only its SHA-256.
public struct SessionStore: Sendable {
    /// Where sessions are kept.
    public let store: any SessionRepository
    /// How long a session lasts after sign-in.
    public let lifetime: TimeInterval

    /// Sessions in `store` that last `lifetime` seconds.
    public init(store: any SessionRepository, lifetime: TimeInterval) {
        self.store = store
        self.lifetime = lifetime
    }

    /// Starts a session for `userID`; returns the token for the cookie (never stored).
    public func create(userID: Int64, at now: Date) throws -> String {
        let token = SecureToken.make()
        try store.createSession(
            tokenHash: SecureToken.storageHash(token), userID: userID, at: now,
            expiresAt: now.addingTimeInterval(lifetime))
        return token
    }

    /// The user of a live session, by the token hash; nil when unknown or expired.
    public func userID(tokenHash: String, at now: Date) throws -> Int64? {
        try store.sessionUserID(tokenHash: tokenHash, at: now)
    }

    /// Ends a session (sign-out).
    public func delete(tokenHash: String) throws {
        try store.deleteSession(tokenHash: tokenHash)
    }
}
