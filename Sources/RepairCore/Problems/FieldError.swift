/// One broken rule on one input field, shown beside that field: data, put into words only at the edge.
public struct FieldError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field's name as the portal and the API call it (e.g. `serial`, `answer.3`).
    public var field: String
    /// What the field must satisfy.
    public var rule: FieldRule

    /// Makes an error for `field` breaking `rule`.
    public init(field: String, rule: FieldRule) {
        self.field = field
        self.rule = rule
    }

    /// Not words for people (the localizer makes those); the code and parameters, for logs and test output.
    public var description: String { "\(field): \(rule)" }
}
