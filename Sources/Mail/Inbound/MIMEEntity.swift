/// One node of a parsed MIME tree (RFC 2045/2046): a leaf with its decoded bytes, or a multipart with children.
struct MIMEEntity {
    /// Number in parse order, to tell parts apart.
    var id: Int
    var headers: MailHeaderFields
    var contentType: MIMEHeaderValue
    var disposition: MIMEHeaderValue?
    /// The body after the transfer encoding is undone (empty for a multipart).
    var content: [UInt8]
    var children: [MIMEEntity]

    var isMultipart: Bool { contentType.token.hasPrefix("multipart/") }
    var isText: Bool { contentType.token.hasPrefix("text/") }
    var charset: String? { contentType.parameters["charset"] }

    /// The file name the sender gave (RFC 2183 `filename`, else the older `name` of Content-Type), not sanitised.
    var suggestedFileName: String? {
        disposition?.parameters["filename"] ?? contentType.parameters["name"]
    }

    /// True when the sender marked it as an attachment or named a file, or it is not text a reader would show.
    var isAttachment: Bool {
        if disposition?.token == "attachment" || suggestedFileName != nil { return true }
        return !isMultipart && !isText
    }

    /// Every leaf below (or this entity when it is one), in order.
    var leaves: [MIMEEntity] {
        isMultipart ? children.flatMap(\.leaves) : [self]
    }
}
