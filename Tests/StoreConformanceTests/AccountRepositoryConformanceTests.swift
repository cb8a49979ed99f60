import Foundation
import RepairCore
import Testing

/// `AccountRepository`, `SessionRepository`, `APITokenRepository`, `SettingsRepository`.
@Suite struct AccountRepositoryConformanceTests {
    static let request = AccountRequest(customerID: 3, email: "new@example.com", displayName: "New Person")

    static func mail(_ user: User) -> OutgoingMail {
        OutgoingMail(recipient: user.email, subject: "Confirm", body: "link", messageID: "\(user.email)@test")
    }

    @Test(arguments: Backend.all) func anAccountIsCreatedWithItsMailAndConfirmedOnce(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let admin = try store.requireUser("admin@example.com")
        let now = StoreUnderTest.now
        let user = try store.createAccount(Self.request, tokenHash: "h1", by: admin, at: now, makeMail: Self.mail)
        #expect(try store.outboxEntries().map(\.mail.recipient) == ["new@example.com"])
        #expect(try store.confirmationLinkState(tokenHash: "h1", at: now) == .valid(userID: user.id))
        #expect(try store.pendingConfirmationExpiry(userID: user.id) != nil)
        guard case .confirmed(let confirmed) = try store.confirmAccount(tokenHash: "h1", passwordHash: "$y$", at: now)
        else {
            Issue.record("a valid link did not confirm")
            return
        }
        #expect(confirmed.isConfirmed)
        #expect(try store.confirmAccount(tokenHash: "h1", passwordHash: "$y$", at: now) == .refused(.used))
        #expect(try store.auditEntries(entity: "user").map(\.action) == ["account.confirm", "account.create"])
    }

    @Test(arguments: Backend.all) func aFailureLateInTheCallWritesNothing(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let admin = try store.requireUser("admin@example.com")
        struct MailFailed: Error {}
        #expect(throws: MailFailed.self) {
            _ = try store.createAccount(Self.request, tokenHash: "h1", by: admin, at: StoreUnderTest.now) { _ in
                throw MailFailed()
            }
        }
        #expect(try store.user(email: "new@example.com") == nil)
        #expect(try store.outboxEntries().isEmpty)
        #expect(try store.confirmationLinkState(tokenHash: "h1", at: StoreUnderTest.now) == .unknown)
        #expect(try store.auditEntries().isEmpty)
    }

    @Test(arguments: Backend.all) func aTakenEmailIsAConflictOnEmail(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let admin = try store.requireUser("admin@example.com")
        var taken = Self.request
        taken.email = "olga@example.com"
        let found = problem {
            _ = try store.createAccount(taken, tokenHash: "h1", by: admin, at: StoreUnderTest.now, makeMail: Self.mail)
        }
        #expect(found?.code == "conflict")
        #expect(found?.fields == ["email"])
        #expect(try store.outboxEntries().isEmpty)
    }

    @Test(arguments: Backend.all) func sessionsLiveUntilTheyExpireOrEnd(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let now = StoreUnderTest.now
        try store.createSession(tokenHash: "s1", userID: 1, at: now, expiresAt: now.addingTimeInterval(60))
        #expect(try store.sessionUserID(tokenHash: "s1", at: now) == 1)
        #expect(try store.sessionUserID(tokenHash: "s1", at: now.addingTimeInterval(60)) == nil)
        #expect(try store.sessionUserID(tokenHash: "other", at: now) == nil)
        try store.deleteSession(tokenHash: "s1")
        #expect(try store.sessionUserID(tokenHash: "s1", at: now) == nil)
    }

    @Test(arguments: Backend.all) func aRevokedTokenNoLongerAuthenticates(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let now = StoreUnderTest.now
        let record = try store.createAPIToken(userID: 1, name: "ci", tokenHash: "t1", at: now)
        #expect(try store.liveAPIToken(tokenHash: "t1")?.userID == 1)
        try store.recordAPITokenUse(id: record.id, at: now.addingTimeInterval(5))
        #expect(try store.apiTokens(userID: 1).first?.lastUsedAt == now.addingTimeInterval(5))
        #expect(try store.revokeAPIToken(id: record.id, userID: 2, at: now) == false)
        #expect(try store.revokeAPIToken(id: record.id, userID: 1, at: now) == true)
        #expect(try store.revokeAPIToken(id: record.id, userID: 1, at: now) == false)
        #expect(try store.liveAPIToken(tokenHash: "t1") == nil)
        #expect(try store.apiTokens(userID: 1).first?.revokedAt == now)
    }

    @Test(arguments: Backend.all) func disablingAnAccountEndsItsSessionsAndTokens(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let admin = try store.requireUser("admin@example.com")
        let now = StoreUnderTest.now
        try store.createSession(tokenHash: "s1", userID: 1, at: now, expiresAt: now.addingTimeInterval(3600))
        _ = try store.createAPIToken(userID: 1, name: "ci", tokenHash: "t1", at: now)
        #expect(try store.setAccountDisabled(userID: 1, true, by: admin, at: now).isDisabled)
        #expect(try store.sessionUserID(tokenHash: "s1", at: now) == nil)
        #expect(try store.liveAPIToken(tokenHash: "t1") == nil)
        // Enabling again brings neither back.
        _ = try store.setAccountDisabled(userID: 1, false, by: admin, at: now)
        #expect(try store.sessionUserID(tokenHash: "s1", at: now) == nil)
        #expect(try store.liveAPIToken(tokenHash: "t1") == nil)
    }

    @Test(arguments: Backend.all) func aSettingIsStoredOnceAndKept(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        #expect(try store.setting("k") { "first" } == "first")
        #expect(try store.setting("k") { "second" } == "first")
    }
}
