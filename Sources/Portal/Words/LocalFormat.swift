import Foundation

/// Dates, times and numbers in the request's language and time zone (`PageWords.current`).
enum LocalFormat {
    /// "20.11.2026, 19:02 CET" in Polish, "20.11.2026, 19:02 MSK" in Russian, "11/20/2026, 7:02 PM CET" in
    /// English: the date and time where the person is, with the zone named so a time is never ambiguous.
    static func dateTime(_ date: Date) -> String {
        let words = PageWords.current
        var style = Date.FormatStyle(date: .numeric, time: .shortened, locale: locale(words.language))
        style.timeZone = words.timeZone
        let zone = words.timeZone.abbreviation(for: date) ?? words.timeZone.identifier
        return "\(date.formatted(style)) \(zone)"
    }

    /// The date alone, in the person's zone ("20.11.2026").
    static func date(_ date: Date) -> String {
        let words = PageWords.current
        var style = Date.FormatStyle(date: .numeric, time: .omitted, locale: locale(words.language))
        style.timeZone = words.timeZone
        return date.formatted(style)
    }

    /// A decimal number as the language writes it ("12,5" in Polish and Russian).
    static func decimal(_ value: Double, fractionDigits: Int = 2) -> String {
        value.formatted(
            .number.locale(locale(PageWords.current.language)).precision(.fractionLength(0...fractionDigits)))
    }

    /// The Foundation locale of a catalogue language, with its region so formats are the country's.
    static func locale(_ language: String) -> Locale {
        switch language {
        case "pl": Locale(identifier: "pl_PL")
        case "ru": Locale(identifier: "ru_RU")
        default: Locale(identifier: "en_GB")
        }
    }
}
