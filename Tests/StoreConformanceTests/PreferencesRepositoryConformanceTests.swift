import Foundation
import RepairCore
import Testing

/// `PreferencesRepository` and `PasswordRepository`: shop defaults, user preferences, password changes and
/// reset links, as every backend must keep them.
@Suite struct PreferencesRepositoryConformanceTests {
    static func mail(_ email: String) -> OutgoingMail {
        OutgoingMail(recipient: email, subject: "Reset", body: "link", messageID: "\(UUID().uuidString)@test")
    }

    @Test(arguments: Backend.all) func shopSettingsAndUserPreferencesRoundTrip(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        #expect(try store.shopSetting("shop.nothing") == nil)
        try store.setShopSetting(ShopSettings.languageKey, "ru")
        try store.setShopSetting(ShopSettings.languageKey, "pl")
        #expect(try store.shopSetting(ShopSettings.languageKey) == "pl")
        let user = try store.requireUser("customer@example.com")
        #expect(try store.userPreferences(userID: user.id) == nil)
        let chosen = UserPreferences(language: "ru", timeZone: "Europe/Moscow", pageSize: 10)
        try store.saveUserPreferences(chosen, userID: user.id)
        #expect(try store.userPreferences(userID: user.id) == chosen)
        try store.saveUserPreferences(UserPreferences(pageSize: 100), userID: user.id)
        #expect(try store.userPreferences(userID: user.id) == UserPreferences(pageSize: 100))
    }

    @Test(arguments: Backend.all) func aPasswordChangeKeepsOnlyTheAskingSession(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let user = try store.requireUser("customer@example.com")
        let now = StoreUnderTest.now
        for hash in ["here", "there"] {
            try store.createSession(tokenHash: hash, userID: user.id, at: now, expiresAt: now.addingTimeInterval(3600))
        }
        try store.changePassword(
            userID: user.id, passwordHash: "$y$new", keepingSession: "here", keepingToken: nil, at: now)
        #expect(try store.sessionUserID(tokenHash: "here", at: now) == user.id)
        #expect(try store.sessionUserID(tokenHash: "there", at: now) == nil)
        #expect(try store.user(id: user.id)?.passwordHash == "$y$new")
    }

    @Test(arguments: Backend.all) func aResetLinkWorksOnceBeforeItExpires(_ backend: Backend) throws {
        let store = try StoreUnderTest.make(backend)
        let user = try store.requireUser("customer@example.com")
        let now = StoreUnderTest.now
        let later = now.addingTimeInterval(PasswordReset.lifetime)
        try store.createPasswordReset(
            tokenHash: "r1", userID: user.id, at: now, expiresAt: later, mail: Self.mail(user.email))
        try store.createPasswordReset(
            tokenHash: "r2", userID: user.id, at: now, expiresAt: later, mail: Self.mail(user.email))
        #expect(try store.outboxEntries().count == 2)
        #expect(try store.passwordResetCount(userID: user.id, since: now) == 2)
        #expect(try store.passwordResetState(tokenHash: "r1", at: now) == .valid(userID: user.id))
        #expect(try store.passwordResetState(tokenHash: "r1", at: later) == .expired)
        #expect(try store.passwordResetState(tokenHash: "nope", at: now) == .unknown)
        try store.createSession(tokenHash: "s", userID: user.id, at: now, expiresAt: later)
        guard case .reset(let changed) = try store.resetPassword(tokenHash: "r1", passwordHash: "$y$r", at: now) else {
            Issue.record("a valid link did not reset")
            return
        }
        #expect(changed.passwordHash == "$y$r")
        #expect(try store.sessionUserID(tokenHash: "s", at: now) == nil)
        #expect(try store.resetPassword(tokenHash: "r1", passwordHash: "$y$x", at: now) == .refused(.used))
        #expect(try store.passwordResetState(tokenHash: "r2", at: now) == .used, "one use retires every link")
        #expect(try store.user(id: user.id)?.passwordHash == "$y$r")
    }
}
