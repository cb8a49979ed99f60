/// The shop's defaults and each user's own preferences; each call one transaction.
public protocol PreferencesRepository: Sendable {
    /// The value of shop setting `key` (`ShopSettings.languageKey`…), nil when never set.
    func shopSetting(_ key: String) throws -> String?
    /// Stores `value` under shop setting `key`, replacing an earlier one.
    func setShopSetting(_ key: String, _ value: String) throws
    /// The preferences `userID` saved; nil when the user never saved any.
    func userPreferences(userID: Int64) throws -> UserPreferences?
    /// Saves `preferences` for `userID`, replacing earlier ones.
    func saveUserPreferences(_ preferences: UserPreferences, userID: Int64) throws
}
