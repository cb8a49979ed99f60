import Foundation

/// Browser sign-in sessions, kept by the hash of the cookie's token; each call one transaction.
///
/// Disabling an account ends its sessions (see `AccountRepository`).
public protocol SessionRepository: Sendable {
    /// Starts a session for `userID` lasting until `expiresAt`, sweeping sessions expired at `date`.
    func createSession(tokenHash: String, userID: Int64, at date: Date, expiresAt: Date) throws
    /// The user of the session with `tokenHash` if it is live at `date`; nil when unknown or expired.
    func sessionUserID(tokenHash: String, at date: Date) throws -> Int64?
    /// Ends the session with `tokenHash` (sign-out); nothing happens for an unknown one.
    func deleteSession(tokenHash: String) throws
}
