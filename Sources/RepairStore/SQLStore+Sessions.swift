import Foundation
import RepairCore

// Browser sign-in sessions, by the SHA-256 of the cookie's token.
extension SQLStore {
    public func createSession(tokenHash: String, userID: Int64, at date: Date, expiresAt: Date) throws {
        try write { db in
            // Expired sessions are swept on each sign-in, so the table stays small without a timer.
            try db.run("DELETE FROM sessions WHERE expires_at <= ?", [Rows.time(date)])
            try db.run(
                Rows.insertSession, [.text(tokenHash), .integer(userID), Rows.time(date), Rows.time(expiresAt)])
        }
    }

    public func sessionUserID(tokenHash: String, at date: Date) throws -> Int64? {
        try read { db in
            try db.firstRow(
                "SELECT user_id FROM sessions WHERE token_hash = ? AND expires_at > ?",
                [.text(tokenHash), Rows.time(date)]
            ) { $0.int64("user_id") }
        }
    }

    public func deleteSession(tokenHash: String) throws {
        try write { db in try db.run("DELETE FROM sessions WHERE token_hash = ?", [.text(tokenHash)]) }
    }
}
