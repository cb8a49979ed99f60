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
        // Scalar by scalar into a string short enough to live inline: tracking prints a number per request.
        var printed = "\(Self.prefix)-"
        for (offset, scalar) in code.unicodeScalars.enumerated() {
            if offset == 4 { printed.unicodeScalars.append("-") }
            printed.unicodeScalars.append(scalar)
        }
        return printed
    }

    /// Parses user input forgivingly: trims, upper-cases, drops spaces and
    /// dashes, accepts the `RS` prefix or not, and maps look-alikes
    /// (O→0, I and L→1); returns nil for anything else.
    public init?(_ input: String) {
        // Over scalars and bytes, not Characters: tracking parses a number on every request.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.codeLength + Self.prefix.utf8.count)
        for scalar in input.unicodeScalars {
            if scalar == "-" || Self.isSpace(scalar) { continue }
            guard scalar.isASCII, bytes.count < Self.codeLength + Self.prefix.utf8.count else { return nil }
            let byte = UInt8(scalar.value)
            bytes.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte)
        }
        if bytes.count == Self.codeLength + Self.prefix.utf8.count {
            guard bytes.starts(with: Self.prefix.utf8) else { return nil }
            bytes.removeFirst(Self.prefix.utf8.count)
        }
        guard bytes.count == Self.codeLength else { return nil }
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "O"): bytes[index] = UInt8(ascii: "0")
            case UInt8(ascii: "I"), UInt8(ascii: "L"): bytes[index] = UInt8(ascii: "1")
            default: break
            }
            guard Self.alphabetBytes.contains(bytes[index]) else { return nil }
        }
        code = String(decoding: bytes, as: UTF8.self)
    }

    private static let alphabetBytes = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    // ASCII spaces without a property look-up; any other Unicode white space (e.g. a no-break space) too.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D: true
        case 0..<0x80: false
        default: scalar.properties.isWhitespace
        }
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
            throw Problem.invalid("number", .orderNumberFormat)
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
