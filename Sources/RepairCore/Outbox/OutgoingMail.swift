/// A mail to enqueue: what the deliverer needs besides the sender, which it adds.
public struct OutgoingMail: Sendable, Hashable {
    public var recipient: String
    public var recipientName: String
    public var subject: String
    public var body: String
    /// Stable `local@domain` id without brackets; sent on every attempt so receivers can drop duplicates.
    public var messageID: String

    /// Makes a mail.
    public init(recipient: String, recipientName: String = "", subject: String, body: String, messageID: String) {
        self.recipient = recipient
        self.recipientName = recipientName
        self.subject = subject
        self.body = body
        self.messageID = messageID
    }
}
