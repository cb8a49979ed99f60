/// What the server said when it accepted a message (often its queue id).
public struct SMTPReceipt: Sendable, Equatable {
    public var reply: SMTPReply
    /// True when the server answered EHLO; false when the client fell back to HELO.
    public var usedExtendedHello: Bool
}
