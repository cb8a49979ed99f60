import Foundation

/// Per-user API tokens for `Authorization: Bearer`; only hashes of the tokens are stored.
///
/// Each call is one transaction. Disabling an account revokes its tokens (see `AccountRepository`).
public protocol APITokenRepository: Sendable {
    /// Stores a token named `name` for `userID` by its hash; returns its record.
    func createAPIToken(userID: Int64, name: String, tokenHash: String, at date: Date) throws -> APITokenRecord
    /// The ID and owner of the live (not revoked) token with `tokenHash`; nil when unknown or revoked.
    func liveAPIToken(tokenHash: String) throws -> (id: Int64, userID: Int64)?
    /// Records that token `id` was used at `date`.
    func recordAPITokenUse(id: Int64, at date: Date) throws
    /// A user's tokens, newest first.
    func apiTokens(userID: Int64) throws -> [APITokenRecord]
    /// Revokes one of `userID`'s tokens; false when it is not theirs or already revoked.
    func revokeAPIToken(id: Int64, userID: Int64, at date: Date) throws -> Bool
}
