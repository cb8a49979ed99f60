import Foundation
import RepairCore

/// Customer and reseller accounts: an admin invites, resends, disables and enables; the invitee confirms.
///
/// The confirmation mail is enqueued in the outbox in the transaction that creates the link.
public struct Accounts: Sendable {
    let store: any RepairRepository & AccountRepository
    let now: @Sendable () -> Date
    let credentials: AccountCredentials
    let confirmationMail: @Sendable (ConfirmationInvite) -> OutgoingMail
    let passwordPolicy: PasswordPolicy
    let policy: AccessPolicy

    /// The use cases over `store`; `confirmationMail` writes the mail of an invite.
    public init(
        store: any RepairRepository & AccountRepository, now: @escaping @Sendable () -> Date,
        credentials: AccountCredentials, confirmationMail: @escaping @Sendable (ConfirmationInvite) -> OutgoingMail,
        passwordPolicy: PasswordPolicy = .default, policy: AccessPolicy = .standard
    ) {
        self.store = store
        self.now = now
        self.credentials = credentials
        self.confirmationMail = confirmationMail
        self.passwordPolicy = passwordPolicy
        self.policy = policy
    }

    /// Customer and reseller accounts with their customers' names, by e-mail; staff accounts are left out.
    public func customerAccounts(by admin: User) throws -> [(user: User, customerName: String)] {
        try policy.check(admin, .administer, hidden: .forbidden(.adminsOnly))
        let names = Dictionary(try store.customers().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return try store.users().compactMap { user in
            guard let customerID = user.customerID else { return nil }
            return (user, names[customerID] ?? "#\(customerID)")
        }
    }

    /// Creates an invited account and enqueues its confirmation mail (one transaction).
    public func create(_ request: AccountRequest, by admin: User) throws -> User {
        let (token, hash) = credentials.makeToken()
        let date = now()
        let lifetime = AccountConfirmation.defaultLifetime
        return try store.createAccount(request, tokenHash: hash, lifetime: lifetime, by: admin, at: date) { user in
            confirmationMail(
                ConfirmationInvite(
                    user: user, token: token, expiresAt: date.addingTimeInterval(lifetime), isResend: false))
        }
    }

    /// Adds an account for the operator at the console (`repairshop user add`, which signs in as nobody and
    /// brings its own password hash): the rules of `AccountRules` (staff have no customer, a customer or
    /// reseller account belongs to an existing customer of its kind, the e-mail and name rules), no mail.
    public func addUser(_ user: User) throws -> User {
        let customer = try user.customerID.flatMap { try store.customer(id: $0) }
        return try store.addUser(try AccountRules.validated(user, customer: customer))
    }

    /// Sends a new link to an invited account; earlier links stop working.
    public func resendConfirmation(userID: Int64, by admin: User) throws -> User {
        let (token, hash) = credentials.makeToken()
        let date = now()
        let lifetime = AccountConfirmation.defaultLifetime
        return try store.resendConfirmation(userID: userID, tokenHash: hash, lifetime: lifetime, by: admin, at: date) {
            user in
            confirmationMail(
                ConfirmationInvite(
                    user: user, token: token, expiresAt: date.addingTimeInterval(lifetime), isResend: true))
        }
    }

    /// Disables (`true`) or enables (`false`) an account.
    public func setDisabled(userID: Int64, _ isDisabled: Bool, by admin: User) throws -> User {
        try store.setAccountDisabled(userID: userID, isDisabled, by: admin, at: now())
    }

    /// What the link `token` is good for now; junk that cannot be a token is `unknown` without a look-up.
    public func linkState(token: String) throws -> AccountConfirmation.LinkState {
        guard let hash = credentials.hashToken(token) else { return .unknown }
        return try store.confirmationLinkState(tokenHash: hash, at: now())
    }

    /// The account a working link `token` confirms; a dead link throws its problem.
    public func invitee(token: String) throws -> User {
        let state = try linkState(token: token)
        guard case .valid(let userID) = state, let user = try store.user(id: userID) else {
            throw AccountConfirmation.problem(state)
        }
        return user
    }

    /// Checks the password rules, hashes and confirms the account behind `token`; a dead link throws its problem.
    public func confirm(token: String, password: String, repeated: String) throws -> User {
        let user = try invitee(token: token)
        try passwordPolicy.check(password: password, repeated: repeated, email: user.email)
        let hash = try credentials.hashPassword(password)
        switch try store.confirmAccount(tokenHash: credentials.hashToken(token) ?? "", passwordHash: hash, at: now()) {
        case .confirmed(let user): return user
        case .refused(let state): throw AccountConfirmation.problem(state)
        }
    }
}
