import Foundation

/// What a user chose on the settings page (seed 001): interface language, time zone, list page size.
///
/// No language or zone means "follow the browser, else the shop's default".
public struct UserPreferences: Sendable, Hashable, Codable {
    /// The interface languages the portal speaks.
    public static let languages = ["en", "pl", "ru"]
    /// The list page sizes a user may choose.
    public static let pageSizes = [10, 25, 50, 100]
    /// The page size of a user who chose none.
    public static let defaultPageSize = 25

    /// One of `languages`, or nil.
    public var language: String?
    /// An IANA zone name (`Europe/Warsaw`), or nil.
    public var timeZone: String?
    /// One of `pageSizes`; every list of the user shows this many rows a page.
    public var pageSize: Int

    /// Preferences as given; `validated` checks raw input first.
    public init(language: String? = nil, timeZone: String? = nil, pageSize: Int = defaultPageSize) {
        self.language = language
        self.timeZone = timeZone
        self.pageSize = pageSize
    }

    /// Preferences from raw input (empty language or zone = none), or a problem naming every bad field.
    public static func validated(language: String?, timeZone: String?, pageSize: String?) throws(Problem)
        -> UserPreferences
    {
        var errors: [FieldError] = []
        let language = language.flatMap { $0.isEmpty ? nil : $0 }
        if let language, !languages.contains(language) {
            errors.append(FieldError(field: "language", rule: FieldRule(.oneOf, ["choices": .list(languages)])))
        }
        let zone = timeZone.flatMap { $0.isEmpty ? nil : $0 }
        if let zone, !isKnownTimeZone(zone) {
            errors.append(FieldError(field: "timeZone", rule: FieldRule(.unknownTimeZone)))
        }
        let size = pageSize.flatMap { Int($0) } ?? (pageSize == nil ? defaultPageSize : -1)
        if !pageSizes.contains(size) {
            errors.append(
                FieldError(field: "pageSize", rule: FieldRule(.oneOf, ["choices": .list(pageSizes.map(String.init))])))
        }
        guard errors.isEmpty else { throw Problem.validation(errors) }
        return UserPreferences(language: language, timeZone: zone, pageSize: size)
    }

    /// Whether `name` is an IANA zone the system knows (`Europe/Warsaw`, `UTC`).
    public static func isKnownTimeZone(_ name: String) -> Bool {
        TimeZone.knownTimeZoneIdentifiers.contains(name) || name == "UTC"
    }
}
