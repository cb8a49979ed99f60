/// Limits applied while parsing templates; admins upload templates, so they are bounded.
public struct TemplateLimits: Sendable, Equatable {
    /// Largest template source in bytes (default 64 KiB).
    public var maxTemplateBytes: Int
    /// Deepest nesting of `#each`/`#if` blocks (default 8).
    public var maxNestingDepth: Int
    /// Largest width a filter may ask for, e.g. `pad 2000` is refused (default 1000).
    public var maxFilterWidth: Int

    public init(maxTemplateBytes: Int = 64 * 1024, maxNestingDepth: Int = 8, maxFilterWidth: Int = 1000) {
        self.maxTemplateBytes = maxTemplateBytes
        self.maxNestingDepth = maxNestingDepth
        self.maxFilterWidth = maxFilterWidth
    }

    /// The defaults documented on each field.
    public static let `default` = TemplateLimits()
}
