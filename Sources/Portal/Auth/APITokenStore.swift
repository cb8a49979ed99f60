import Foundation
import RepairStore

/// A per-user API token as listed to its owner (the token itself is shown once, at creation).
public struct APITokenRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?
}

/// Per-user API tokens for `Authorization: Bearer`; only SHA-256 hashes are stored.
struct APITokenStore: Sendable {
    let store: SQLiteStore

    /// Makes a token named `name` for `userID`; returns the record and the token text (shown once).
    func create(userID: Int64, name: String, at now: Date) throws -> (record: APITokenRecord, token: String) {
        let token = SecureToken.make()
        let id = try store.write { db -> Int64 in
            try db.run(
                "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)",
                [.integer(userID), .text(name), .text(SecureToken.storageHash(token)),
                 .real(now.timeIntervalSince1970)])
            return db.lastInsertRowID
        }
        return (APITokenRecord(id: id, name: name, createdAt: now), token)
    }

    /// The owner of a live (not revoked) token; records its use.
    func userID(token: String, at now: Date) throws -> Int64? {
        let hash = SecureToken.storageHash(token)
        let found = try store.read { db in
            try db.firstRow(
                "SELECT id, user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL", [.text(hash)]
            ) { ($0.int64(0), $0.int64(1)) }
        }
        guard let (id, userID) = found else { return nil }
        try store.write { db in
            try db.run("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", [.real(now.timeIntervalSince1970), .integer(id)])
        }
        return userID
    }

    /// A user's tokens, newest first.
    func tokens(userID: Int64) throws -> [APITokenRecord] {
        try store.read { db in
            try db.rows(
                "SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = ? ORDER BY id DESC",
                [.integer(userID)]
            ) { row in
                APITokenRecord(
                    id: row.int64(0), name: row.text(1), createdAt: Date(timeIntervalSince1970: row.double(2)),
                    lastUsedAt: row.isNull(3) ? nil : Date(timeIntervalSince1970: row.double(3)),
                    revokedAt: row.isNull(4) ? nil : Date(timeIntervalSince1970: row.double(4)))
            }
        }
    }

    /// Revokes one of `userID`'s tokens; false when it is not theirs or already revoked.
    func revoke(id: Int64, userID: Int64, at now: Date) throws -> Bool {
        try store.write { db in
            try db.run(
                "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                [.real(now.timeIntervalSince1970), .integer(id), .integer(userID)])
            return db.changes == 1
        }
    }
}
