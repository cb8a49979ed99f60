import Foundation
import RepairCore

/// A user's own settings (seed 001): interface language, time zone, list page size, and the password.
public struct AccountSettings: Sendable {
    let store: any AccountRepository & PreferencesRepository & PasswordRepository & RepairRepository
    let now: @Sendable () -> Date
    let credentials: AccountCredentials
    let passwordPolicy = PasswordPolicy.default

    /// What `user` chose; the defaults when they chose nothing.
    public func preferences(of user: User) throws -> UserPreferences {
        try store.userPreferences(userID: user.id) ?? UserPreferences()
    }

    /// Checks and saves the raw choices; an unknown language or zone, or a page size outside
    /// `UserPreferences.pageSizes`, throws naming every bad field, and nothing is saved.
    public func savePreferences(language: String?, timeZone: String?, pageSize: String?, for user: User) throws
        -> UserPreferences
    {
        let preferences = try UserPreferences.validated(language: language, timeZone: timeZone, pageSize: pageSize)
        try store.saveUserPreferences(preferences, userID: user.id)
        return preferences
    }

    /// Changes `user`'s password: the current one must be right and the new one follow the policy; then every
    /// other session and API token of the user ends (the credentials hashed as `keepingSession` and
    /// `keepingToken`, which asked for the change, stay).
    public func changePassword(
        current: String, new: String, repeated: String, for user: User, keepingSession: String?,
        keepingToken: String?
    ) throws {
        guard let stored = try store.user(id: user.id),
            !current.isEmpty, credentials.verifyPassword(current, stored.passwordHash)
        else { throw Problem.invalid("currentPassword", .wrongPassword) }
        try passwordPolicy.check(password: new, repeated: repeated, email: stored.email)
        try store.changePassword(
            userID: user.id, passwordHash: try credentials.hashPassword(new), keepingSession: keepingSession,
            keepingToken: keepingToken, at: now())
    }
}
