/// The shop's defaults for people who chose nothing: the interface language and the time zone, in which
/// working days are also counted. Kept as shop settings in the store; the demo fixtures use Polish and Warsaw.
public struct ShopSettings: Sendable, Hashable, Codable {
    /// The settings key of the default language.
    public static let languageKey = "shop.language"
    /// The settings key of the shop's time zone.
    public static let timeZoneKey = "shop.time_zone"

    /// One of `UserPreferences.languages`.
    public var language: String
    /// An IANA zone name.
    public var timeZone: String

    /// Defaults of a shop that set none: English, UTC.
    public init(language: String = "en", timeZone: String = "UTC") {
        self.language = language
        self.timeZone = timeZone
    }

    /// The settings read from `store`, the defaults where one is unset or not a known value.
    public static func read(from store: any PreferencesRepository) throws -> ShopSettings {
        var settings = ShopSettings()
        if let language = try store.shopSetting(languageKey), UserPreferences.languages.contains(language) {
            settings.language = language
        }
        if let zone = try store.shopSetting(timeZoneKey), UserPreferences.isKnownTimeZone(zone) {
            settings.timeZone = zone
        }
        return settings
    }
}

extension ShopSettings {
    /// `current` with the raw `language` and `timeZone` given (nil or empty keeps one), or a problem naming every
    /// bad field: a language without a catalogue, a zone the system does not know.
    public static func validated(language: String?, timeZone: String?, current: ShopSettings) throws(Problem)
        -> ShopSettings
    {
        let checked = try UserPreferences.validated(language: language, timeZone: timeZone, pageSize: nil)
        return ShopSettings(
            language: checked.language ?? current.language, timeZone: checked.timeZone ?? current.timeZone)
    }
}
