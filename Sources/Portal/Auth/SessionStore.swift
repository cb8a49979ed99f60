import Foundation
import RepairCore

/// Browser sign-in sessions: the cookie holds a random 256-bit token, the store only its SHA-256.
struct SessionStore: Sendable {
    let store: any SessionRepository
    /// How long a session lasts after sign-in.
    let lifetime: TimeInterval

    /// Starts a session for `userID`; returns the token for the cookie (never stored).
    func create(userID: Int64, at now: Date) throws -> String {
        let token = SecureToken.make()
        try store.createSession(
            tokenHash: SecureToken.storageHash(token), userID: userID, at: now,
            expiresAt: now.addingTimeInterval(lifetime))
        return token
    }

    /// The user of a live session, by the token hash; nil when unknown or expired.
    func userID(tokenHash: String, at now: Date) throws -> Int64? {
        try store.sessionUserID(tokenHash: tokenHash, at: now)
    }

    /// Ends a session (sign-out).
    func delete(tokenHash: String) throws {
        try store.deleteSession(tokenHash: tokenHash)
    }
}
