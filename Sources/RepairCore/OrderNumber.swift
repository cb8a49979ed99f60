/// A service order's public number, `RS-XXXX-XXXX`.
///
/// Scheme: `RS-` and 8 characters of Crockford base32
/// (`0123456789ABCDEFGHJKMNPQRSTVWXYZ`, no I, L, O, U), i.e. 40 random bits
/// drawn from an injected random generator, so numbers are short, readable
/// aloud and not enumerable (one in 2^40 guesses hits a given order).
/// Collisions: the store keeps a UNIQUE index on the number and draws a new
/// one when an insert hits it (see `SQLiteStore.maxNumberAttempts`).
public struct OrderNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The Crockford base32 alphabet the 8 characters come from.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    /// The prefix every number carries when printed.
    public static let prefix = "RS"
    /// How many base32 characters a number has (40 bits).
    public static let codeLength = 8

    /// The 8 canonical characters, without prefix and dashes.
    public let code: String

    /// The printed form, `RS-XXXX-XXXX`.
    public var description: String {
        "\(Self.prefix)-\(code.prefix(4))-\(code.suffix(4))"
    }

    /// Parses user input forgivingly: trims, upper-cases, drops spaces and
    /// dashes, accepts the `RS` prefix or not, and maps look-alikes
    /// (O→0, I and L→1); returns nil for anything else.
    public init?(_ input: String) {
        var text = input.uppercased().filter { $0 != " " && $0 != "-" && !$0.isWhitespace }
        if text.count == Self.codeLength + Self.prefix.count {
            guard text.hasPrefix(Self.prefix) else { return nil }
            text.removeFirst(Self.prefix.count)
        }
        guard text.count == Self.codeLength else { return nil }
        var code = ""
        for character in text {
            let mapped: Character =
                switch character {
                case "O": "0"
                case "I", "L": "1"
                default: character
                }
            guard Self.alphabet.contains(mapped) else { return nil }
            code.append(mapped)
        }
        self.code = code
    }

    /// Draws a fresh random number from `generator`.
    public static func random(using generator: inout some RandomNumberGenerator) -> OrderNumber {
        var bits = generator.next() & ((1 << 40) - 1)
        var code = ""
        for _ in 0..<codeLength {
            code.append(alphabet[Int(bits & 31)])
            bits >>= 5
        }
        // The code is built from the alphabet only, so parsing cannot fail.
        return OrderNumber(code)!
    }

    public static func < (lhs: OrderNumber, rhs: OrderNumber) -> Bool { lhs.code < rhs.code }
}

extension OrderNumber: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let number = OrderNumber(text) else {
            throw RepairError.invalid("number", "must look like RS-XXXX-XXXX (Crockford base32)")
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
