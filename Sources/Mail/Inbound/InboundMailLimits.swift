/// Limits on a received message, checked while it is parsed; every one a named setting with its default.
public struct InboundMailLimits: Sendable, Equatable {
    /// Largest raw message accepted (default 35 MB: 25 MB of attachment grows by a third in base64, plus text).
    public var maxMessageBytes: Int
    /// Largest decoded attachment (default 25 MB, the attachment limit of the order conversation).
    public var maxAttachmentBytes: Int
    /// Largest header block of the message or of one part (default 256 kB).
    public var maxHeaderBytes: Int
    /// Most MIME parts in one message (default 500).
    public var maxParts: Int
    /// Deepest nesting of multiparts and attached messages (default 20).
    public var maxDepth: Int

    public init(
        maxMessageBytes: Int = 35 * 1024 * 1024, maxAttachmentBytes: Int = 25 * 1024 * 1024,
        maxHeaderBytes: Int = 256 * 1024, maxParts: Int = 500, maxDepth: Int = 20
    ) {
        self.maxMessageBytes = maxMessageBytes
        self.maxAttachmentBytes = maxAttachmentBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxParts = maxParts
        self.maxDepth = maxDepth
    }

    /// The documented defaults.
    public static let `default` = InboundMailLimits()
}
