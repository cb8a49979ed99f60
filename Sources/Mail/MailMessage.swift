import Foundation

/// A plain-text e-mail, validated on creation so that rendering cannot inject headers.
public struct MailMessage: Sendable, Equatable {
    /// Headers the message writes itself; extra headers may not repeat them.
    public static let reservedHeaderNames: Set<String> = [
        "date", "from", "to", "cc", "bcc", "subject", "message-id", "mime-version",
        "content-type", "content-transfer-encoding", "in-reply-to", "references",
    ]

    public let from: MailAddress
    public let to: [MailAddress]
    public let subject: String
    public let body: String
    public let date: Date
    /// Stable id without angle brackets (e.g. `outbox-42@shop.example`); a resend after a crash reuses it.
    public let messageID: String
    /// The id this mail answers (without angle brackets), or nil.
    public let inReplyTo: String?
    /// The thread's ids, oldest first (see `ThreadReferences.make`); rendered folded.
    public let references: [String]
    /// Additional ASCII headers in order, e.g. `("Auto-Submitted", "auto-generated")`.
    public let extraHeaders: [(name: String, value: String)]

    public init(
        from: MailAddress, to: [MailAddress], subject: String, body: String, date: Date, messageID: String,
        extraHeaders: [(name: String, value: String)] = [], inReplyTo: String? = nil, references: [String] = []
    ) throws(MailError) {
        guard !to.isEmpty else {
            throw MailError.invalidAddress(field: "To", value: "", rule: "at least one recipient")
        }
        try MailHeader.validateText(subject, field: "Subject")
        try MailAddress.validateDotAtom(messageID, field: "Message-ID")
        if let inReplyTo { try MailAddress.validateDotAtom(inReplyTo, field: "In-Reply-To") }
        for id in references { try MailAddress.validateDotAtom(id, field: "References") }
        for (name, value) in extraHeaders {
            let isFieldName = !name.isEmpty && name.utf8.allSatisfy { $0 >= 0x21 && $0 <= 0x7E && $0 != 0x3A }
            guard isFieldName else {
                throw MailError.invalidHeader(field: name, rule: "name must be printable ASCII without ':'")
            }
            guard !Self.reservedHeaderNames.contains(name.lowercased()) else {
                throw MailError.invalidHeader(field: name, rule: "set by the message itself")
            }
            try MailHeader.validateText(value, field: name)
            guard MailHeader.isPlainASCII(value) else {
                throw MailError.invalidHeader(field: name, rule: "extra header values must be ASCII")
            }
            guard name.utf8.count + 2 + value.utf8.count <= MailHeader.maxLineLength else {
                throw MailError.invalidHeader(field: name, rule: "longer than \(MailHeader.maxLineLength) characters")
            }
        }
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
        self.extraHeaders = extraHeaders
        self.inReplyTo = inReplyTo
        self.references = references
    }

    public static func == (lhs: MailMessage, rhs: MailMessage) -> Bool {
        lhs.from == rhs.from && lhs.to == rhs.to && lhs.subject == rhs.subject && lhs.body == rhs.body
            && lhs.date == rhs.date && lhs.messageID == rhs.messageID
            && lhs.extraHeaders.map(\.name) == rhs.extraHeaders.map(\.name)
            && lhs.extraHeaders.map(\.value) == rhs.extraHeaders.map(\.value) && lhs.inReplyTo == rhs.inReplyTo
            && lhs.references == rhs.references
    }
}
