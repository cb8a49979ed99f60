/// A link in the page's navigation bar.
public struct NavigationLink: Sendable, Equatable {
    /// The link text.
    public var title: String
    /// Where it goes; only relative paths and http(s) are kept (see `HTML.safeURL`).
    public var path: String
    /// True for the page being shown (marked with `aria-current`).
    public var isCurrent: Bool

    /// A link to `path` titled `title`.
    public init(_ title: String, path: String, isCurrent: Bool = false) {
        self.title = title
        self.path = path
        self.isCurrent = isCurrent
    }
}
