import Foundation
import RepairCore

/// A reset link to send: whom, the token that goes in the link, when it expires, and the language the
/// recipient chose (nil: the shop's default).
public struct PasswordResetInvite: Sendable {
    public var user: User
    public var token: String
    public var expiresAt: Date
    public var language: String?
}

/// Forgot password: a single-use, expiring link by e-mail through the outbox, then a new password.
public struct PasswordResets: Sendable {
    let store: any AccountRepository & PreferencesRepository & PasswordRepository & RepairRepository
    let now: @Sendable () -> Date
    let credentials: AccountCredentials
    let resetMail: @Sendable (PasswordResetInvite) -> OutgoingMail
    let passwordPolicy = PasswordPolicy.default

    /// Queues a reset link for the active account with `email`, if there is one and it has had fewer than
    /// `PasswordReset.maxPerAccount` links in the last `PasswordReset.window`. Returns nothing either way, so
    /// the caller answers the same whether or not the address has an account.
    public func request(email: String) throws {
        let date = now()
        guard let user = try store.user(email: EmailAddress.lookUpKey(email)), user.isActive,
            try store.passwordResetCount(userID: user.id, since: date.addingTimeInterval(-PasswordReset.window))
                < PasswordReset.maxPerAccount
        else { return }
        let (token, hash) = credentials.makeToken()
        let expiresAt = date.addingTimeInterval(PasswordReset.lifetime)
        let language = try store.userPreferences(userID: user.id)?.language
        let mail = resetMail(PasswordResetInvite(user: user, token: token, expiresAt: expiresAt, language: language))
        try store.createPasswordReset(tokenHash: hash, userID: user.id, at: date, expiresAt: expiresAt, mail: mail)
    }

    /// The state of the link with `token`; a dead one throws its problem (unknown 404, expired or used 410).
    public func checkLink(token: String) throws {
        let state = try credentials.hashToken(token).map { try store.passwordResetState(tokenHash: $0, at: now()) }
        guard case .valid? = state else { throw PasswordReset.problem(state ?? .unknown) }
    }

    /// Sets a new password with the link `token`; ends every session and token of the account.
    public func reset(token: String, password: String, repeated: String) throws -> User {
        guard let hash = credentials.hashToken(token) else { throw PasswordReset.problem(.unknown) }
        let state = try store.passwordResetState(tokenHash: hash, at: now())
        guard case .valid(let userID) = state, let user = try store.user(id: userID) else {
            throw PasswordReset.problem(state)
        }
        try passwordPolicy.check(password: password, repeated: repeated, email: user.email)
        switch try store.resetPassword(
            tokenHash: hash, passwordHash: try credentials.hashPassword(password), at: now())
        {
        case .reset(let user): return user
        case .refused(let state): throw PasswordReset.problem(state)
        }
    }
}
