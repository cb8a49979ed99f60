/// Size limits the parser enforces while bytes arrive, never after buffering.
public struct HTTPParserLimits: Sendable, Equatable {
    /// Longest request line in bytes, CRLF excluded (default 8 KiB); longer gets 414.
    public var maxRequestLineBytes: Int
    /// Most bytes in all header lines together, trailers included (default 16 KiB); more gets 431.
    public var maxHeaderBytes: Int
    /// Most header fields, trailers included (default 100); more gets 431.
    public var maxHeaderCount: Int
    /// Largest request body for routes that do not set their own (default 1 MiB); larger gets 413.
    public var defaultMaxBodyBytes: Int

    /// Creates limits; every argument has the documented default.
    public init(
        maxRequestLineBytes: Int = 8 * 1024,
        maxHeaderBytes: Int = 16 * 1024,
        maxHeaderCount: Int = 100,
        defaultMaxBodyBytes: Int = 1024 * 1024
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.defaultMaxBodyBytes = defaultMaxBodyBytes
    }
}
