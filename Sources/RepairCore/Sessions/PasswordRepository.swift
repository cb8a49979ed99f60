import Foundation

/// Changing a password and the forgot-password links; each call one transaction.
public protocol PasswordRepository: Sendable {
    /// Sets `userID`'s password hash and ends every session and API token of the user except the ones with
    /// `keepingSession` and `keepingToken` (the hashes of the credentials that asked for the change).
    func changePassword(
        userID: Int64, passwordHash: String, keepingSession: String?, keepingToken: String?, at date: Date) throws
    /// Stores a reset link (by the hash of its token) for `userID`, valid until `expiresAt`, and queues `mail`
    /// (which carries the link) in the outbox in the same transaction.
    func createPasswordReset(tokenHash: String, userID: Int64, at date: Date, expiresAt: Date, mail: OutgoingMail)
        throws
    /// How many reset links were made for `userID` since `date` (the per-account rate limit).
    func passwordResetCount(userID: Int64, since date: Date) throws -> Int
    /// The state of the reset link with `tokenHash` at `date`.
    func passwordResetState(tokenHash: String, at date: Date) throws -> PasswordReset.LinkState
    /// Uses the live reset link with `tokenHash`: sets the password, marks the link (and every other link of
    /// the user) used, ends all the user's sessions and API tokens. Returns the user, or the link's state
    /// when it cannot be used.
    func resetPassword(tokenHash: String, passwordHash: String, at date: Date) throws -> PasswordReset.Result
}

/// A forgot-password link: single use, expiring.
public enum PasswordReset {
    /// How long a link works (1 hour).
    public static let lifetime: TimeInterval = 3600
    /// Links one account may be sent per `window` (3 an hour).
    public static let maxPerAccount = 3
    /// The window of `maxPerAccount`.
    public static let window: TimeInterval = 3600

    /// What a presented link is.
    public enum LinkState: Sendable, Hashable {
        case valid(userID: Int64)
        case unknown
        case expired
        case used
    }

    /// What using a link did.
    public enum Result: Sendable, Hashable {
        case reset(User)
        case refused(LinkState)
    }

    /// The problem a link that cannot be used is: unknown (404), expired or used (410).
    public static func problem(_ state: LinkState) -> Problem {
        switch state {
        case .unknown, .valid: Problem(.linkUnknown, reason: "password", field: "token")
        case .expired: Problem(.linkExpired, reason: "password", field: "token")
        case .used: Problem(.linkUsed, reason: "password", field: "token")
        }
    }
}
