/// The portal's error: which field or input failed, and the rule it broke, in words a person can act on.
public struct PortalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rule that was broken; stable for tests and for JSON `error` codes.
    public enum Rule: String, Sendable, Equatable {
        case empty
        case tooLong
        case invalidCharacter
        case malformed
        case randomSourceFailed
        case hashingFailed
    }

    /// The input the error is about (`password`, `serverSecret`, …).
    public var field: String
    /// The broken rule.
    public var rule: Rule
    /// A sentence for the person who can fix it.
    public var message: String

    /// An error about `field` breaking `rule`.
    public init(field: String, rule: Rule, message: String) {
        self.field = field
        self.rule = rule
        self.message = message
    }

    public var description: String { "\(field): \(message) (\(rule.rawValue))" }
}
