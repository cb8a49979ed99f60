/// A value bound to a statement parameter.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// An integer, or NULL when nil.
    public static func nullable(_ value: Int64?) -> SQLValue { value.map { .integer($0) } ?? .null }
    /// A boolean as 0 or 1.
    public static func bool(_ value: Bool) -> SQLValue { .integer(value ? 1 : 0) }
}

extension SQLValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(stringLiteral value: String) { self = .text(value) }
}
