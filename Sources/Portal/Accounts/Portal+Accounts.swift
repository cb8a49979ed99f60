import Foundation
import HTTPServer
import RepairCore
import WebSecurity

// The account actions shared by the admin pages and the JSON API.
extension Portal {
    /// The status for a link that no longer works: 410 Gone for expired and used links.
    static let gone = HTTPStatus(code: 410, reason: "Gone")

    /// Creates an invited account and enqueues its confirmation mail (one transaction).
    func createAccount(_ request: AccountRequest, by admin: User) throws -> User {
        let token = SecureToken.make()
        let date = now()
        let lifetime = AccountConfirmation.defaultLifetime
        return try store.createAccount(
            request, tokenHash: SecureToken.storageHash(token), lifetime: lifetime, by: admin, at: date
        ) { user in
            makeConfirmationMail(
                for: user, link: confirmationURL(token: token), expiresAt: date.addingTimeInterval(lifetime),
                isResend: false)
        }
    }

    /// Sends a new link to an invited account; earlier links stop working.
    func resendConfirmation(userID: Int64, by admin: User) throws -> User {
        let token = SecureToken.make()
        let date = now()
        let lifetime = AccountConfirmation.defaultLifetime
        return try store.resendConfirmation(
            userID: userID, tokenHash: SecureToken.storageHash(token), lifetime: lifetime, by: admin, at: date
        ) { user in
            makeConfirmationMail(
                for: user, link: confirmationURL(token: token), expiresAt: date.addingTimeInterval(lifetime),
                isResend: true)
        }
    }

    /// The state of the link `token`; junk that cannot be a token is `unknown` without a look-up.
    func confirmationLinkState(token: String) throws -> AccountConfirmation.LinkState {
        guard SecureToken.isWellFormed(token) else { return .unknown }
        return try store.confirmationLinkState(tokenHash: SecureToken.storageHash(token), at: now())
    }

    /// Checks the password rules, hashes and confirms; a dead link throws the matching problem.
    func confirmAccount(token: String, password: String, repeated: String) throws -> User {
        let state = try confirmationLinkState(token: token)
        guard case .valid(let userID) = state else { throw Self.linkError(state) }
        guard let user = try store.user(id: userID) else { throw Self.linkError(.unknown) }
        try PasswordPolicy.default.check(password: password, repeated: repeated, email: user.email)
        let hash = try passwords.hash(password)
        switch try store.confirmAccount(tokenHash: SecureToken.storageHash(token), passwordHash: hash, at: now()) {
        case .confirmed(let user): return user
        case .refused(let state): throw Self.linkError(state)
        }
    }

    /// The problem of a link that does not work: 404 for unknown links, 410 for expired or used ones.
    static func linkError(_ state: AccountConfirmation.LinkState) -> Problem {
        switch state {
        case .unknown, .valid: Problem(.linkUnknown, field: "token")
        case .expired: Problem(.linkExpired, field: "token")
        case .used: Problem(.linkUsed, field: "token")
        }
    }

    /// The `:id` path parameter as a row ID, or 404 naming `entity`.
    static func idParameter(_ request: HTTPRequest, entity: Entity = .user) throws -> Int64 {
        guard let text = request.pathParameters["id"], let id = Int64(text), id > 0 else {
            throw Problem.notFound(entity, key: request.pathParameters["id"] ?? "")
        }
        return id
    }

    /// Customer and reseller accounts with their customers' names, by e-mail; staff accounts are left out.
    func customerAccounts() throws -> [(user: User, customerName: String)] {
        let names = Dictionary(try store.customers().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return try store.users().compactMap { user in
            guard let customerID = user.customerID else { return nil }
            return (user, names[customerID] ?? "#\(customerID)")
        }
    }
}
