/// The parsed form of a template: text, placeholders and blocks.
public indirect enum TemplateNode: Sendable, Equatable {
    case text(String)
    case placeholder(Placeholder)
    /// `{{#each list}} … {{/each}}`
    case each(list: String, location: SourceLocation, body: [TemplateNode])
    /// `{{#if field}} … {{else}} … {{/if}}`
    case conditional(field: String, location: SourceLocation, then: [TemplateNode], otherwise: [TemplateNode])
}
