/// Where a tag starts in the template source (1-based, columns in characters).
public struct SourceLocation: Sendable, Equatable {
    public var line: Int
    public var column: Int
}
