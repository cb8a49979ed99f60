import Foundation
import RepairCore

// User accounts staff create for customers: invited → confirmed through a
// single-use e-mailed link, disabled and enabled by an admin. The confirmation
// mail is enqueued in the same transaction as the change, so a committed
// account always has its mail waiting and a rolled-back one never sends it.
extension SQLStore {
    /// Creates an invited account for a customer, its confirmation link and the mail carrying it, with an audit entry.
    ///
    /// `makeMail` receives the saved user and returns the mail (it holds the link, which only the caller knows).
    public func createAccount(
        _ request: AccountRequest, tokenHash: String, lifetime: TimeInterval, by actor: User, at date: Date,
        makeMail: (User) throws -> OutgoingMail
    ) throws -> User {
        do {
            return try write { db in
                guard let customer = try Self.customer(id: request.customerID, in: db) else {
                    throw Problem.invalid("customerID", .unknownCustomer, ["id": .text(String(request.customerID))])
                }
                var user = try request.makeUser(for: customer, by: actor)
                try db.run(Rows.insertUser, Rows.userValues(user))
                user.id = db.lastInsertRowID
                try Self.insertConfirmation(
                    AccountConfirmation(tokenHash: tokenHash, userID: user.id, createdAt: date, lifetime: lifetime),
                    in: db)
                _ = try Self.enqueue(try makeMail(user), at: date, in: db)
                try db.recordAudit(
                    actorID: actor.id, action: "account.create", entity: "user", entityKey: String(user.id),
                    details: "\(user.email) (\(user.role.rawValue)) for customer \(customer.id) \(customer.name)",
                    at: date)
                return user
            }
        } catch let error as DatabaseError where error.knownConstraint == .userEmail {
            throw Problem.conflict(field: "email", .emailTaken, ["email": .text(request.email)])
        }
    }

    /// Sends a new confirmation link to an invited account; every earlier link stops working.
    public func resendConfirmation(
        userID: Int64, tokenHash: String, lifetime: TimeInterval, by actor: User, at date: Date,
        makeMail: (User) throws -> OutgoingMail
    ) throws -> User {
        try write { db in
            let user = try Self.requireUser(id: userID, in: db)
            try user.checkCanResendConfirmation(by: actor)
            // Old links expire now rather than vanish, so using one says "expired", not "unknown".
            try db.run(
                """
                UPDATE account_confirmations SET expires_at = CASE WHEN expires_at < ?1 THEN expires_at ELSE ?1 END
                WHERE user_id = ?2 AND used_at IS NULL
                """,
                [.real(date.timeIntervalSince1970), .integer(userID)])
            try Self.insertConfirmation(
                AccountConfirmation(tokenHash: tokenHash, userID: userID, createdAt: date, lifetime: lifetime), in: db)
            _ = try Self.enqueue(try makeMail(user), at: date, in: db)
            try db.recordAudit(
                actorID: actor.id, action: "account.resend", entity: "user", entityKey: String(userID),
                details: "new confirmation link for \(user.email)", at: date)
            return user
        }
    }

    /// Disables (`true`) or enables (`false`) an account, with an audit entry.
    public func setAccountDisabled(userID: Int64, _ isDisabled: Bool, by actor: User, at date: Date) throws -> User {
        try write { db in
            let user = try Self.requireUser(id: userID, in: db).settingDisabled(isDisabled, by: actor)
            try db.run("UPDATE users SET is_disabled = ? WHERE id = ?", [.bool(isDisabled), .integer(userID)])
            try db.recordAudit(
                actorID: actor.id, action: isDisabled ? "account.disable" : "account.enable", entity: "user",
                entityKey: String(userID), details: "\(user.email): disabled \(!isDisabled) → \(isDisabled)", at: date)
            return user
        }
    }

    /// What the link with `tokenHash` is good for at `date`.
    public func confirmationLinkState(tokenHash: String, at date: Date) throws -> AccountConfirmation.LinkState {
        try read { db in try Self.confirmation(tokenHash: tokenHash, in: db)?.state(at: date) ?? .unknown }
    }

    /// Confirms the account behind a valid link with `passwordHash` and uses the link up; all in one transaction.
    public func confirmAccount(tokenHash: String, passwordHash: String, at date: Date) throws
        -> AccountConfirmationResult
    {
        try write { db in
            guard let link = try Self.confirmation(tokenHash: tokenHash, in: db) else { return .refused(.unknown) }
            guard case .valid(let userID) = link.state(at: date) else { return .refused(link.state(at: date)) }
            let user = try Self.requireUser(id: userID, in: db).confirming(passwordHash: passwordHash)
            try db.run(
                "UPDATE users SET password_hash = ?, is_confirmed = 1 WHERE id = ?",
                [.text(user.passwordHash), .integer(userID)])
            // Using one link retires every other link of the account as well.
            try db.run(
                "UPDATE account_confirmations SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
                [.real(date.timeIntervalSince1970), .integer(userID)])
            try db.recordAudit(
                actorID: userID, action: "account.confirm", entity: "user", entityKey: String(userID),
                details: "\(user.email) confirmed the e-mail address and set a password", at: date)
            return .confirmed(user)
        }
    }

    /// When the newest unused confirmation link of `userID` expires; nil when there is none.
    public func pendingConfirmationExpiry(userID: Int64) throws -> Date? {
        try read { db in
            try db.firstRow(
                "SELECT max(expires_at) AS expires_at FROM account_confirmations WHERE user_id = ? AND used_at IS NULL",
                [.integer(userID)]
            ) { $0.optionalDate("expires_at") } ?? nil
        }
    }

    static func insertConfirmation(_ link: AccountConfirmation, in db: any SQLConnection) throws {
        try db.run(Rows.insertConfirmation, Rows.confirmationValues(link))
    }

    static func confirmation(tokenHash: String, in db: any SQLConnection) throws -> AccountConfirmation? {
        try db.firstRow(
            "SELECT \(Rows.confirmationColumns) FROM account_confirmations WHERE token_hash = ?", [.text(tokenHash)],
            Rows.confirmation)
    }

    static func requireUser(id: Int64, in db: any SQLConnection) throws -> User {
        guard let user = try user(id: id, in: db) else { throw Problem.notFound(.user, key: String(id)) }
        return user
    }
}
