import Foundation
import RepairCore

/// Per-user API tokens for `Authorization: Bearer`: made here, kept by the store as SHA-256 hashes only.
public struct APITokenStore: Sendable {
    /// Where tokens are kept.
    public let store: any APITokenRepository

    /// Tokens in `store`.
    public init(store: any APITokenRepository) {
        self.store = store
    }

    /// Makes a token named `name` for `userID`; returns the record and the token text (shown once).
    public func create(userID: Int64, name: String, at now: Date) throws -> (record: APITokenRecord, token: String) {
        let token = SecureToken.make()
        let record = try store.createAPIToken(
            userID: userID, name: name, tokenHash: SecureToken.storageHash(token), at: now)
        return (record, token)
    }

    /// The owner of a live (not revoked) token; records its use.
    public func userID(token: String, at now: Date) throws -> Int64? {
        // Read first, write only for a live token: a guessed token never takes the write lock.
        guard let (id, userID) = try store.liveAPIToken(tokenHash: SecureToken.storageHash(token)) else { return nil }
        try store.recordAPITokenUse(id: id, at: now)
        return userID
    }

    /// A user's tokens, newest first.
    public func tokens(userID: Int64) throws -> [APITokenRecord] {
        try store.apiTokens(userID: userID)
    }

    /// Revokes one of `userID`'s tokens; false when it is not theirs or already revoked.
    public func revoke(id: Int64, userID: Int64, at now: Date) throws -> Bool {
        try store.revokeAPIToken(id: id, userID: userID, at: now)
    }
}
