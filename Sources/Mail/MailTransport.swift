/// Something that takes a message off our hands: an SMTP relay, or a folder of `.eml` files when none is configured.
public protocol MailTransport: Sendable {
    /// Delivers one message; a `MailError` says whether a later retry can help (`isTransient`).
    func deliver(_ message: MailMessage) throws(MailError)
}

extension SMTPClient: MailTransport {
    /// Sends to the message's To addresses over one SMTP conversation.
    public func deliver(_ message: MailMessage) throws(MailError) {
        try send(message)
    }
}

extension EMLWriter: MailTransport {
    /// Writes `<Message-ID>.eml`; writing the same message again replaces the file.
    public func deliver(_ message: MailMessage) throws(MailError) {
        try write(message)
    }
}
