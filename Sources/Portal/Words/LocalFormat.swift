import Foundation

/// Dates, times and numbers in the request's language and time zone (`PageWords.current`).
enum LocalFormat {
    /// "20.11.2026, 19:02 CET" in Polish and Russian, "2026-11-20 19:02 CET" in English (ISO order, read the
    /// same by every English reader): the date and time where the person is, the zone named so a time is never
    /// ambiguous.
    static func dateTime(_ date: Date) -> String {
        let zone = PageWords.current.timeZone
        let name = ["UTC", "GMT"].contains(zone.identifier) ? "UTC" : zone.abbreviation(for: date) ?? zone.identifier
        return format(date, PageWords.current.language == "en" ? "yyyy-MM-dd HH:mm" : "dd.MM.yyyy, HH:mm") + " " + name
    }

    /// The date alone, in the person's zone ("20.11.2026"; "2026-11-20" in English).
    static func date(_ date: Date) -> String {
        format(date, PageWords.current.language == "en" ? "yyyy-MM-dd" : "dd.MM.yyyy")
    }

    // A fixed pattern per language: Foundation's templates differ between platforms and versions.
    private static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = PageWords.current.timeZone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
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
