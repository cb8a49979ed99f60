import Foundation

/// Accounts staff create for customers: invited → confirmed through a single-use e-mailed link,
/// disabled and enabled by an admin. Each call is one transaction.
///
/// The confirmation mail is enqueued in the transaction of the change, so a committed account always
/// has its mail waiting and a rolled-back one never sends it. Disabling an account ends its sessions
/// and revokes its API tokens in the same transaction.
public protocol AccountRepository: Sendable {
    /// Creates an invited account for a customer, its confirmation link and the mail carrying it, audited;
    /// a taken e-mail is `Problem.conflict(field: "email")`. `makeMail` receives the saved user.
    func createAccount(
        _ request: AccountRequest, tokenHash: String, lifetime: TimeInterval, by actor: User, at date: Date,
        makeMail: (User) throws -> OutgoingMail
    ) throws -> User
    /// Sends a new confirmation link to an invited account; every earlier link stops working.
    func resendConfirmation(
        userID: Int64, tokenHash: String, lifetime: TimeInterval, by actor: User, at date: Date,
        makeMail: (User) throws -> OutgoingMail
    ) throws -> User
    /// Disables (`true`) or enables (`false`) an account, with an audit entry.
    func setAccountDisabled(userID: Int64, _ isDisabled: Bool, by actor: User, at date: Date) throws -> User
    /// What the link with `tokenHash` is good for at `date`.
    func confirmationLinkState(tokenHash: String, at date: Date) throws -> AccountConfirmation.LinkState
    /// Confirms the account behind a valid link with `passwordHash` and uses the link up.
    func confirmAccount(tokenHash: String, passwordHash: String, at date: Date) throws -> AccountConfirmationResult
    /// When the newest unused confirmation link of `userID` expires; nil when there is none.
    func pendingConfirmationExpiry(userID: Int64) throws -> Date?
}

extension AccountRepository {
    /// `createAccount` with links that last `AccountConfirmation.defaultLifetime`.
    public func createAccount(
        _ request: AccountRequest, tokenHash: String, by actor: User, at date: Date,
        makeMail: (User) throws -> OutgoingMail
    ) throws -> User {
        try createAccount(
            request, tokenHash: tokenHash, lifetime: AccountConfirmation.defaultLifetime, by: actor, at: date,
            makeMail: makeMail)
    }

    /// `resendConfirmation` with a link that lasts `AccountConfirmation.defaultLifetime`.
    public func resendConfirmation(
        userID: Int64, tokenHash: String, by actor: User, at date: Date, makeMail: (User) throws -> OutgoingMail
    ) throws -> User {
        try resendConfirmation(
            userID: userID, tokenHash: tokenHash, lifetime: AccountConfirmation.defaultLifetime, by: actor, at: date,
            makeMail: makeMail)
    }
}
