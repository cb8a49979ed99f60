/// The CLDR plural categories (https://cldr.unicode.org/index/cldr-spec/plural-rules); a language uses some.
public enum PluralCategory: String, Sendable, Hashable, CaseIterable {
    case zero, one, two, few, many, other

    /// The category of the whole number `n` in `language` (`en`, `pl`, `ru`; others fall back to English's rule).
    ///
    /// Integers only, which is all the portal counts (orders, days, characters); CLDR 44 `plurals.xml`.
    public static func of(_ n: Int, language: String) -> PluralCategory {
        let n = abs(n)
        let lastDigit = n % 10
        let lastTwo = n % 100
        switch language {
        case "pl":
            // one: i = 1; few: i%10 = 2..4 and i%100 != 12..14; many: everything else.
            if n == 1 { return .one }
            if (2...4).contains(lastDigit) && !(12...14).contains(lastTwo) { return .few }
            return .many
        case "ru":
            // one: i%10 = 1 and i%100 != 11; few: i%10 = 2..4 and i%100 != 12..14; many: the rest.
            if lastDigit == 1 && lastTwo != 11 { return .one }
            if (2...4).contains(lastDigit) && !(12...14).contains(lastTwo) { return .few }
            return .many
        default:
            return n == 1 ? .one : .other
        }
    }

    /// The categories `language` needs for whole numbers, so a catalogue can be checked for missing forms.
    public static func needed(by language: String) -> Set<PluralCategory> {
        switch language {
        case "pl", "ru": [.one, .few, .many]
        default: [.one, .other]
        }
    }
}
