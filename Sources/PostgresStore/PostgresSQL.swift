import Foundation
import RepairStore

/// The few translations between the store's shared SQL and PostgreSQL's: placeholders and parameter text.
enum PostgresSQL {
    /// `?` → `$1, $2…` in order, `?N` → `$N`; quoted text and identifiers are left alone.
    static func translate(_ sql: String) -> (text: String, parameterCount: Int) {
        var output = ""
        var next = 0
        var highest = 0
        var quote: Character?
        var characters = sql.makeIterator()
        var pending: Character? = characters.next()
        while let character = pending {
            pending = characters.next()
            if let open = quote {
                output.append(character)
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "\"":
                quote = character
                output.append(character)
            case "?":
                var digits = ""
                while let digit = pending, digit.isASCII, digit.isNumber {
                    digits.append(digit)
                    pending = characters.next()
                }
                let number: Int
                if let explicit = Int(digits) {
                    number = explicit
                } else {
                    next += 1
                    number = next
                }
                highest = max(highest, number)
                output += "$\(number)"
            default:
                output.append(character)
            }
        }
        return (output, highest)
    }

    /// The table of an `INSERT INTO table (…)` without its own `RETURNING` or `ON CONFLICT`, else nil.
    static func insertTable(_ sql: String) -> String? {
        let words = sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" })
        guard words.count > 2, words[0].uppercased() == "INSERT", words[1].uppercased() == "INTO" else { return nil }
        let upper = sql.uppercased()
        guard !upper.contains("RETURNING"), !upper.contains("ON CONFLICT") else { return nil }
        return String(words[2])
    }

    /// A parameter as libpq's text format; nil is NULL.
    static func text(_ value: SQLValue) -> String? {
        switch value {
        case .null: nil
        case .integer(let number): String(number)
        case .real(let number): "\(number)"
        case .text(let text): text
        }
    }
}
