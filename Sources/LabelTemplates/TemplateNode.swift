/// Where a tag starts in the template source (1-based, columns in characters).
public struct SourceLocation: Sendable, Equatable {
    public var line: Int
    public var column: Int
}

/// A `{{ path | filter … }}` tag.
public struct Placeholder: Sendable, Equatable {
    /// Dotted name, e.g. `sender.name` or, inside a loop, `order.serial`.
    public var path: String
    public var filters: [TemplateFilter]
    public var location: SourceLocation
}

/// The parsed form of a template: text, placeholders and blocks.
public indirect enum TemplateNode: Sendable, Equatable {
    case text(String)
    case placeholder(Placeholder)
    /// `{{#each list}} … {{/each}}`
    case each(list: String, location: SourceLocation, body: [TemplateNode])
    /// `{{#if field}} … {{else}} … {{/if}}`
    case conditional(field: String, location: SourceLocation, then: [TemplateNode], otherwise: [TemplateNode])
}
