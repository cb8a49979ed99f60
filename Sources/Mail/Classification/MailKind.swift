/// What a received message is, for deciding whether it may open an order or get an answer.
public enum MailKind: Sendable, Equatable {
    /// Written by a person (a mailing list's `Precedence: list` alone does not change that).
    case human
    /// Sent by a program (RFC 3834 and practice): never opens an order, never answered; `reason` says which sign.
    case automatic(reason: String)
    /// A delivery report: the failed recipients' addresses should get no more mail.
    case deliveryReport(DeliveryReport)

    public var isAutomatic: Bool {
        if case .human = self { return false }
        return true
    }
}
