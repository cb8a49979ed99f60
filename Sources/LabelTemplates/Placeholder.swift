/// A `{{ path | filter … }}` tag.
public struct Placeholder: Sendable, Equatable {
    /// Dotted name, e.g. `sender.name` or, inside a loop, `order.serial`.
    public var path: String
    public var filters: [TemplateFilter]
    public var location: SourceLocation
}
