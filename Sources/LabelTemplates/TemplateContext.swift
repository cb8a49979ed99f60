/// The values a template is rendered with; missing scalars render empty, missing lists loop zero times.
public struct TemplateContext: Sendable, Equatable {
    /// Dotted scalar names to values, e.g. `sender.name`.
    public var scalars: [String: String]
    /// List names to items; an item is field → value (a plain-line list uses the key `""`).
    public var lists: [String: [[String: String]]]

    public init(scalars: [String: String] = [:], lists: [String: [[String: String]]] = [:]) {
        self.scalars = scalars
        self.lists = lists
    }

    /// Sets a plain-line list such as `sender.address`.
    public mutating func setLines(_ lines: [String], for name: String) {
        lists[name] = lines.map { ["": $0] }
    }
}
