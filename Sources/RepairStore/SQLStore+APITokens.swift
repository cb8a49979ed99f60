import Foundation
import RepairCore

// Per-user API tokens, by the SHA-256 of the token.
extension SQLStore {
    public func createAPIToken(userID: Int64, name: String, tokenHash: String, at date: Date) throws -> APITokenRecord {
        let id = try write { db -> Int64 in
            try db.run(
                Rows.insertAPIToken,
                [.null, .integer(userID), .text(name), .text(tokenHash), Rows.time(date), .null, .null])
            return db.lastInsertRowID
        }
        return APITokenRecord(id: id, name: name, createdAt: date)
    }

    public func liveAPIToken(tokenHash: String) throws -> (id: Int64, userID: Int64)? {
        try read { db in
            try db.firstRow(
                "SELECT id, user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL", [.text(tokenHash)]
            ) { (id: $0.int64("id"), userID: $0.int64("user_id")) }
        }
    }

    public func recordAPITokenUse(id: Int64, at date: Date) throws {
        try write { db in
            try db.run("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", [Rows.time(date), .integer(id)])
        }
    }

    public func apiTokens(userID: Int64) throws -> [APITokenRecord] {
        try read { db in
            try db.rows(
                "SELECT \(Rows.apiTokenColumns) FROM api_tokens WHERE user_id = ? ORDER BY id DESC",
                [.integer(userID)], Rows.apiToken)
        }
    }

    public func revokeAPIToken(id: Int64, userID: Int64, at date: Date) throws -> Bool {
        try write { db in
            try db.run(
                "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                [Rows.time(date), .integer(id), .integer(userID)])
            return db.changes == 1
        }
    }
}
