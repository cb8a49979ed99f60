import Foundation
import RepairCore

/// A signed-in user's own API tokens: create (the token is shown once), list, revoke.
///
/// Only the hash of a token is stored; the randomness and hashing come from `AccountCredentials`.
public struct APITokens: Sendable {
    let store: any APITokenRepository
    let now: @Sendable () -> Date
    let makeToken: @Sendable () -> (token: String, hash: String)

    /// The use cases over `store`; `makeToken` makes a fresh token and the hash the store keeps of it.
    public init(
        store: any APITokenRepository, now: @escaping @Sendable () -> Date,
        makeToken: @escaping @Sendable () -> (token: String, hash: String)
    ) {
        self.store = store
        self.now = now
        self.makeToken = makeToken
    }

    /// A new token named `name` (rules: `APITokenName`) for `owner`; returns its record and the token text.
    public func create(name: String, by owner: User) throws -> (record: APITokenRecord, token: String) {
        let name = try APITokenName.validated(name)
        let (token, hash) = makeToken()
        return (try store.createAPIToken(userID: owner.id, name: name, tokenHash: hash, at: now()), token)
    }

    /// `owner`'s tokens, newest first.
    public func tokens(of owner: User) throws -> [APITokenRecord] {
        try store.apiTokens(userID: owner.id)
    }

    /// Revokes `owner`'s token `id`; another user's, an unknown and a revoked token are one `not_found`.
    public func revoke(id: Int64, by owner: User) throws {
        guard try store.revokeAPIToken(id: id, userID: owner.id, at: now()) else {
            throw Problem(.notFound, reason: "token")
        }
    }
}
