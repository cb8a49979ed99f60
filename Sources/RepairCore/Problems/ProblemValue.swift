/// A named parameter of a problem: a name as given, a count (which picks a plural form), a list, or a term.
public enum ProblemValue: Sendable, Hashable, CustomStringConvertible {
    case text(String)
    case number(Int)
    case list([String])
    /// A catalogue key whose words stand in the sentence (an entity's name, a status's label).
    case term(String)

    /// The value as plain text, with a list joined by commas (languages format lists the same way here).
    public var description: String {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        case .list(let items): items.joined(separator: ", ")
        case .term(let key): key
        }
    }
}

extension ProblemValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
}
