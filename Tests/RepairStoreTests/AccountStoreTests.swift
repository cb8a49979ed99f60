import Foundation
import RepairCore
import RepairStore
import Testing

@Suite("Store: accounts and their confirmation mails in one transaction")
struct AccountStoreTests {
    struct MailFailure: Error {}

    static func mail(_ user: User) -> OutgoingMail {
        OutgoingMail(
            recipient: user.email, subject: "Confirm", body: "link for \(user.id)",
            messageID: "m-\(UUID().uuidString)@test")
    }

    static func create(_ store: SQLiteStore, email: String = "new@example.com", token: String = "hash-1") throws -> User
    {
        try store.createAccount(
            AccountRequest(customerID: 3, email: email, displayName: "Nowa"), tokenHash: token,
            by: try store.requireUser("admin@example.com"), at: TestStore.now, makeMail: mail)
    }

    @Test func creatingWritesTheUserTheLinkTheMailAndTheAuditTogether() throws {
        let store = try TestStore.make()
        let user = try Self.create(store)
        #expect(user.id > 0)
        #expect(try store.user(id: user.id)?.accountState == .invited)
        #expect(try store.count("account_confirmations") == 1)
        let outbox = try store.outboxEntries()
        #expect(outbox.map(\.mail.recipient) == ["new@example.com"])
        #expect(outbox.first?.mail.body == "link for \(user.id)")
        #expect(outbox.first?.nextAttemptAt == TestStore.now)
        #expect(try store.auditEntries(entity: "user").map(\.action) == ["account.create"])
        #expect(try store.pendingConfirmationExpiry(userID: user.id) == TestStore.now.addingTimeInterval(48 * 3600))
    }

    @Test func aFailureAnywhereLeavesNothingBehind() throws {
        let store = try TestStore.make()
        let admin = try store.requireUser("admin@example.com")
        let users = try store.users().count
        #expect(throws: MailFailure.self) {
            try store.createAccount(
                AccountRequest(customerID: 3, email: "new@example.com", displayName: "Nowa"), tokenHash: "h",
                by: admin, at: TestStore.now
            ) { _ in throw MailFailure() }
        }
        #expect(throws: Problem.conflict(field: "email", .emailTaken, ["email": "customer@example.com"])) {
            try Self.create(store, email: "customer@example.com")
        }
        #expect(throws: Problem.self) {
            try store.createAccount(
                AccountRequest(customerID: 99, email: "x@example.com", displayName: "X"), tokenHash: "h2", by: admin,
                at: TestStore.now, makeMail: Self.mail)
        }
        #expect(throws: Problem.self) {
            try store.createAccount(
                AccountRequest(customerID: 3, email: "y@example.com", displayName: "Y"), tokenHash: "h3",
                by: try store.requireUser("agent@example.com"), at: TestStore.now, makeMail: Self.mail)
        }
        #expect(try store.users().count == users)
        #expect(try store.count("account_confirmations") == 0)
        #expect(try store.count("outbox") == 0)
        #expect(try store.count("audit_log") == 0)
    }

    @Test func aLinkConfirmsOnceAndOnlyBeforeItExpires() throws {
        let store = try TestStore.make()
        let user = try Self.create(store)
        #expect(try store.confirmationLinkState(tokenHash: "hash-1", at: TestStore.now) == .valid(userID: user.id))
        #expect(try store.confirmationLinkState(tokenHash: "nope", at: TestStore.now) == .unknown)
        #expect(
            try store.confirmAccount(tokenHash: "nope", passwordHash: "$y$a", at: TestStore.now) == .refused(.unknown))
        let late = TestStore.now.addingTimeInterval(48 * 3600)
        #expect(try store.confirmAccount(tokenHash: "hash-1", passwordHash: "$y$a", at: late) == .refused(.expired))
        #expect(try store.user(id: user.id)?.isConfirmed == false)

        let result = try store.confirmAccount(tokenHash: "hash-1", passwordHash: "$y$a", at: TestStore.now)
        guard case .confirmed(let confirmed) = result else {
            Issue.record("expected a confirmation, got \(result)")
            return
        }
        #expect(confirmed.passwordHash == "$y$a")
        #expect(try store.user(id: user.id)?.isActive == true)
        #expect(
            try store.confirmAccount(tokenHash: "hash-1", passwordHash: "$y$b", at: TestStore.now) == .refused(.used))
        #expect(try store.user(id: user.id)?.passwordHash == "$y$a")
        #expect(try store.pendingConfirmationExpiry(userID: user.id) == nil)
    }

    @Test func resendRetiresEarlierLinks() throws {
        let store = try TestStore.make()
        let admin = try store.requireUser("admin@example.com")
        let user = try Self.create(store)
        let later = TestStore.now.addingTimeInterval(3600)
        _ = try store.resendConfirmation(
            userID: user.id, tokenHash: "hash-2", by: admin, at: later, makeMail: Self.mail)
        #expect(try store.confirmationLinkState(tokenHash: "hash-1", at: later) == .expired)
        #expect(try store.confirmationLinkState(tokenHash: "hash-2", at: later) == .valid(userID: user.id))
        #expect(try store.count("outbox") == 2)
        guard case .confirmed = try store.confirmAccount(tokenHash: "hash-2", passwordHash: "$y$a", at: later) else {
            Issue.record("the new link should confirm")
            return
        }
        #expect(throws: Problem.self) {
            try store.resendConfirmation(
                userID: user.id, tokenHash: "hash-3", by: admin, at: later, makeMail: Self.mail)
        }
        #expect(throws: Problem.self) {
            try store.resendConfirmation(userID: 999, tokenHash: "hash-4", by: admin, at: later, makeMail: Self.mail)
        }
        #expect(try store.count("outbox") == 2)
    }

    @Test func disablingIsAuditedAndBlocksConfirmation() throws {
        let store = try TestStore.make()
        let admin = try store.requireUser("admin@example.com")
        let user = try Self.create(store)
        #expect(try store.setAccountDisabled(userID: user.id, true, by: admin, at: TestStore.now).isDisabled)
        #expect(throws: Problem.self) {
            try store.confirmAccount(tokenHash: "hash-1", passwordHash: "$y$a", at: TestStore.now)
        }
        #expect(try store.user(id: user.id)?.isConfirmed == false)
        #expect(try store.setAccountDisabled(userID: user.id, false, by: admin, at: TestStore.now).isDisabled == false)
        #expect(
            try store.auditEntries(entity: "user").map(\.action) == [
                "account.enable", "account.disable", "account.create",
            ])
        #expect(throws: Problem.self) {
            try store.setAccountDisabled(
                userID: user.id, true, by: try store.requireUser("agent@example.com"), at: TestStore.now)
        }
    }
}
