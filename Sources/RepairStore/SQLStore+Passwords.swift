import Foundation
import RepairCore

// Password changes and forgot-password links (`password_resets`); a change ends the user's other credentials in
// the same transaction, so no old session outlives the password it was opened with.
extension SQLStore {
    public func changePassword(
        userID: Int64, passwordHash: String, keepingSession: String?, keepingToken: String?, at date: Date
    ) throws {
        try write { db in
            _ = try Self.requireUser(id: userID, in: db)
            try db.run("UPDATE users SET password_hash = ? WHERE id = ?", [.text(passwordHash), .integer(userID)])
            try Self.endCredentials(
                of: userID, keepingSession: keepingSession, keepingToken: keepingToken, at: date, in: db)
            try db.recordAudit(
                actorID: userID, action: "account.password", entity: "user", entityKey: String(userID),
                details: "changed the password; other sessions and tokens ended", at: date)
        }
    }

    public func createPasswordReset(
        tokenHash: String, userID: Int64, at date: Date, expiresAt: Date, mail: OutgoingMail
    ) throws {
        try write { db in
            try db.run(
                "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                [
                    .text(tokenHash), .integer(userID), .real(date.timeIntervalSince1970),
                    .real(expiresAt.timeIntervalSince1970),
                ])
            _ = try Self.enqueue(mail, at: date, in: db)
        }
    }

    public func passwordResetCount(userID: Int64, since date: Date) throws -> Int {
        try read { db in
            try db.firstRow(
                "SELECT count(*) AS n FROM password_resets WHERE user_id = ? AND created_at >= ?",
                [.integer(userID), .real(date.timeIntervalSince1970)]
            ) { Int($0.int64("n")) } ?? 0
        }
    }

    public func passwordResetState(tokenHash: String, at date: Date) throws -> PasswordReset.LinkState {
        try read { db in try Self.resetState(tokenHash: tokenHash, at: date, in: db) }
    }

    public func resetPassword(tokenHash: String, passwordHash: String, at date: Date) throws -> PasswordReset.Result {
        try write { db in
            let state = try Self.resetState(tokenHash: tokenHash, at: date, in: db)
            guard case .valid(let userID) = state else { return .refused(state) }
            var user = try Self.requireUser(id: userID, in: db)
            user.passwordHash = passwordHash
            try db.run("UPDATE users SET password_hash = ? WHERE id = ?", [.text(passwordHash), .integer(userID)])
            // Using one link retires every other link of the account as well.
            try db.run(
                "UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
                [.real(date.timeIntervalSince1970), .integer(userID)])
            try Self.endCredentials(of: userID, keepingSession: nil, keepingToken: nil, at: date, in: db)
            try db.recordAudit(
                actorID: userID, action: "account.password_reset", entity: "user", entityKey: String(userID),
                details: "set a new password with a reset link; sessions and tokens ended", at: date)
            return .reset(user)
        }
    }

    private static func resetState(tokenHash: String, at date: Date, in db: any SQLConnection) throws
        -> PasswordReset.LinkState
    {
        let row = try db.firstRow(
            "SELECT user_id, expires_at, used_at FROM password_resets WHERE token_hash = ?", [.text(tokenHash)]
        ) { ($0.int64("user_id"), $0.date("expires_at"), $0.optionalDate("used_at")) }
        guard let (userID, expiresAt, usedAt) = row else { return .unknown }
        if usedAt != nil { return .used }
        if expiresAt <= date { return .expired }
        return .valid(userID: userID)
    }

    private static func endCredentials(
        of userID: Int64, keepingSession: String?, keepingToken: String?, at date: Date, in db: any SQLConnection
    ) throws {
        try db.run(
            "DELETE FROM sessions WHERE user_id = ? AND token_hash IS DISTINCT FROM ?",
            [.integer(userID), keepingSession.map(SQLValue.text) ?? .null])
        try db.run(
            "UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND token_hash IS DISTINCT FROM ?",
            [.real(date.timeIntervalSince1970), .integer(userID), keepingToken.map(SQLValue.text) ?? .null])
    }
}
