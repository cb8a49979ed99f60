/// A file that came with a received message.
public struct InboundAttachment: Sendable, Equatable {
    /// The sender's file name, sanitised (`AttachmentName`): never a path, never control characters.
    public var fileName: String
    /// The declared MIME type, lower-case (`application/octet-stream` when unreadable); not trusted for serving.
    public var contentType: String
    /// The decoded bytes.
    public var bytes: [UInt8]
    /// True for an inline part (an image the HTML shows, `Content-Disposition: inline`).
    public var isInline: Bool
}
