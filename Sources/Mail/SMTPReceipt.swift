/// What the server said when it accepted a message (often its queue id), and how the conversation went.
public struct SMTPReceipt: Sendable, Equatable {
    public var reply: SMTPReply
    /// True when the server answered EHLO; false when the client fell back to HELO.
    public var usedExtendedHello: Bool
    /// True when the message went over TLS (implicit or STARTTLS).
    public var isEncrypted = false
    /// The AUTH mechanism used, nil when the client did not authenticate.
    public var authenticationMechanism: SMTPCredentials.Mechanism?
}
