/// Serial numbers, IMEIs and phone numbers as people type them: with spaces in groups (`35 678910 451234 5`),
/// non-breaking spaces pasted from documents, en dashes from word processors, an extension after a phone number.
/// What can be made plain is made plain before the field's rule is checked, so the rule refuses only what is
/// really wrong, as tracking does for order numbers.
public enum TypedNumbers {
    /// Dashes a keyboard or a word processor makes instead of `-`: en dash, em dash, minus sign, hyphen, figure dash.
    static let dashes: Set<Character> = ["\u{2013}", "\u{2014}", "\u{2212}", "\u{2010}", "\u{2011}", "\u{2012}"]

    /// A serial number or IMEI without its spaces, with every dash as `-`.
    public static func serial(_ text: String) -> String {
        String(text.compactMap { character -> Character? in
            if character.isWhitespace { return nil }
            return dashes.contains(character) ? "-" : character
        })
    }

    /// Words that start a phone extension, compared in lower case (English, Polish, Russian).
    static let extensionMarkers = ["ext.", "ext", "x", "wewn.", "wew.", "wew", "доб.", "доб"]

    /// A phone number with any run of spaces as one space and every dash as `-`; an extension keeps its marker as
    /// typed, written after one space (`+48 22 123 45 67 wew. 12`). Nil when it holds anything else: letters
    /// outside an extension marker, or an extension without digits.
    public static func phone(_ text: String) -> String? {
        var plain = ""
        for character in text {
            if character.isWhitespace {
                if !plain.isEmpty, plain.last != " " { plain.append(" ") }
            } else {
                plain.append(dashes.contains(character) ? "-" : character)
            }
        }
        if plain.last == " " { plain.removeLast() }
        var number = Substring(plain)
        var suffix = ""
        if let (start, marker) = extensionStart(in: plain) {
            let digits = plain[start...].dropFirst(marker.count).drop { $0 == " " }
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
            number = plain[..<start]
            while number.last == " " { number.removeLast() }
            suffix = " " + String(plain[start...].prefix(marker.count)) + " " + digits
        }
        guard !number.isEmpty, number.contains(where: \.isASCIIDigit),
            number.allSatisfy({ $0.isASCIIDigit || " +-()./".contains($0) })
        else { return nil }
        return String(number) + suffix
    }

    /// Where an extension marker begins: after the last digit group, at a marker word.
    private static func extensionStart(in text: String) -> (String.Index, String)? {
        let lowered = text.lowercased()
        guard lowered.count == text.count else { return nil }
        for marker in extensionMarkers {
            guard let range = lowered.range(of: marker, options: .backwards) else { continue }
            let offset = lowered.distance(from: lowered.startIndex, to: range.lowerBound)
            let start = text.index(text.startIndex, offsetBy: offset)
            // The marker must follow the number (a space or a digit before it), not sit inside a word.
            guard start > text.startIndex else { continue }
            let before = text[text.index(before: start)]
            guard before == " " || before.isASCIIDigit else { continue }
            return (start, marker)
        }
        return nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
