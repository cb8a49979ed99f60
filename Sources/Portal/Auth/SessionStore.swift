import Foundation
import RepairStore

/// Browser sign-in sessions: the cookie holds a random 256-bit token, the table only its SHA-256.
struct SessionStore: Sendable {
    let store: SQLiteStore
    /// How long a session lasts after sign-in.
    let lifetime: TimeInterval

    /// Starts a session for `userID`; returns the token for the cookie (never stored).
    func create(userID: Int64, at now: Date) throws -> String {
        let token = SecureToken.make()
        let hash = SecureToken.storageHash(token)
        try store.write { db in
            // Expired sessions are swept on each sign-in, so the table stays small without a timer.
            try db.run("DELETE FROM sessions WHERE expires_at <= ?", [.real(now.timeIntervalSince1970)])
            try db.run(
                "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                [.text(hash), .integer(userID), .real(now.timeIntervalSince1970),
                 .real(now.timeIntervalSince1970 + lifetime)])
        }
        return token
    }

    /// The user of a live session, by the token hash; nil when unknown or expired.
    func userID(tokenHash: String, at now: Date) throws -> Int64? {
        try store.read { db in
            try db.firstRow(
                "SELECT user_id FROM sessions WHERE token_hash = ? AND expires_at > ?",
                [.text(tokenHash), .real(now.timeIntervalSince1970)]) { $0.int64(0) }
        }
    }

    /// Ends a session (sign-out).
    func delete(tokenHash: String) throws {
        try store.write { db in try db.run("DELETE FROM sessions WHERE token_hash = ?", [.text(tokenHash)]) }
    }
}
