/// A message the shop received, read from its raw RFC 5322 bytes (with MIME, RFC 2045–2049).
public struct InboundMessage: Sendable {
    /// The top-level header fields, as sent.
    public var headers: MailHeaderFields
    /// The first mailbox of `From`.
    public var from: InboundAddress
    public var to: [InboundAddress]
    public var cc: [InboundAddress]
    public var replyTo: [InboundAddress]
    /// The subject with encoded words decoded ("" when missing).
    public var subject: String
    /// `Message-ID` without angle brackets.
    public var messageID: String?
    /// Ids in `In-Reply-To`, without angle brackets.
    public var inReplyTo: [String]
    /// Ids in `References`, oldest first, without angle brackets.
    public var references: [String]
    /// The readable body: the `text/plain` part, else the HTML part as text; LF line ends.
    public var text: String
    /// True when `text` was made from HTML.
    public var isTextFromHTML: Bool
    public var attachments: [InboundAttachment]
    /// The top-level MIME type, lower-case (`multipart/report`, `text/plain`, …).
    public var contentType: String
    /// The `message/delivery-status` part of a delivery report (RFC 3464), as text.
    public var deliveryStatus: String?
    /// The header of the returned message in a delivery report (`message/rfc822` or `text/rfc822-headers`).
    public var returnedHeaders: MailHeaderFields?
    /// What had to be repaired or guessed while reading (bad charset, damaged base64, a cut-off multipart), for
    /// staff: nothing is dropped without a word.
    public var problems: [InboundMailProblem]
    /// Size of the raw message in bytes.
    public var rawByteCount: Int
}
