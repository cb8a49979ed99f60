/// The characters a text field may hold: one rule for every input, whether it comes from a page, the API or the CLI.
///
/// Control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F) are refused: a NUL cut text short in
/// SQLite and C strings, ESC reaches terminals, and none of them means anything in a name, a note or a serial.
/// Multi-line fields (fault, notes, answers, addresses, task text, templates) keep tab, CR and LF; single-line
/// fields (names, e-mail, serial, phone, carrier, tracking number, sign-in fields) refuse those too, since a line
/// break in a name or an address header is never meant and can split a mail header or a CSV row.
public enum TextRules {
    /// Whether a field is one line or may hold several.
    public enum Lines: Sendable {
        case single
        case multiple
    }

    /// The rule `text` breaks in `field`, or nil when every character is allowed.
    public static func violation(of text: String, field: String, lines: Lines) -> FieldError? {
        guard let scalar = text.unicodeScalars.first(where: { !isAllowed($0, lines: lines) }) else { return nil }
        let isLineBreak = scalar == "\t" || scalar == "\n" || scalar == "\r"
        return FieldError(
            field: field,
            rule: isLineBreak
                ? FieldRule(.singleLine) : FieldRule(.controlCharacter, ["codePoint": .text(hex(scalar.value))]))
    }

    /// Throws a validation error naming every field of `fields` that breaks the rule.
    public static func check(_ fields: [(text: String, field: String, lines: Lines)]) throws(Problem) {
        let errors = fields.compactMap { violation(of: $0.text, field: $0.field, lines: $0.lines) }
        guard errors.isEmpty else { throw .validation(errors) }
    }

    /// Whether `scalar` may stand in a field of `lines`.
    public static func isAllowed(_ scalar: Unicode.Scalar, lines: Lines) -> Bool {
        guard scalar.properties.generalCategory == .control else { return true }
        switch lines {
        case .single: return false
        case .multiple: return scalar == "\t" || scalar == "\n" || scalar == "\r"
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
