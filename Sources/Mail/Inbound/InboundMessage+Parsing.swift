import Foundation

extension InboundMessage {
    /// Reads a raw message; throws `InboundMailError` only when there is no message to speak of (empty, no
    /// header, no From) or a limit is passed. Everything lesser is repaired and listed in `problems`.
    public static func parse(_ bytes: [UInt8], limits: InboundMailLimits = .default) throws(InboundMailError)
        -> InboundMessage
    {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= limits.maxMessageBytes else {
            throw .messageTooLarge(byteCount: bytes.count, limit: limits.maxMessageBytes)
        }
        var parser = MIMEParser(limits: limits)
        let root = try parser.parse(bytes[...])
        guard !root.headers.fields.isEmpty else { throw .noHeaderFields }
        guard let from = root.headers["From"].flatMap({ InboundAddress.list($0).first }) else {
            throw .missingField("From")
        }
        var problems = parser.problems
        let body = bodyPart(of: root)
        let text: String
        if let body {
            let decoded = CharsetDecoder.decode(body.content, charset: body.charset)
            if let problem = decoded.problem { problems.append(problem) }
            text = readableText(decoded.text, of: body)
        } else {
            text = ""
        }
        let report = reportParts(of: root)
        return InboundMessage(
            headers: root.headers, from: from, to: root.headers.values("To").flatMap(InboundAddress.list),
            cc: root.headers.values("Cc").flatMap(InboundAddress.list),
            replyTo: root.headers.values("Reply-To").flatMap(InboundAddress.list),
            subject: root.headers.text("Subject") ?? "",
            messageID: root.headers["Message-ID"].flatMap(messageIDs)?.first,
            inReplyTo: root.headers["In-Reply-To"].flatMap(messageIDs) ?? [],
            references: root.headers["References"].flatMap(messageIDs) ?? [], text: text,
            isTextFromHTML: body?.contentType.token == "text/html",
            attachments: attachments(of: root, except: body?.id, skipping: report.ids),
            contentType: root.contentType.token,
            deliveryStatus: report.status, returnedHeaders: report.returnedHeaders, problems: problems,
            rawByteCount: bytes.count)
    }

    /// The `<id>` tokens of a Message-ID, In-Reply-To or References value, without brackets; nil when none.
    static func messageIDs(_ value: String) -> [String]? {
        var ids: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = rest[rest.index(after: open)..<close].trimmingWhitespace()
            if !id.isEmpty && !id.contains(" ") { ids.append(id) }
            rest = rest[rest.index(after: close)...]
        }
        return ids.isEmpty ? nil : ids
    }

    /// The part whose text is the message: `text/plain` preferred over `text/html` in an alternative (RFC 2046
    /// §5.1.4 orders by fidelity; plain is what we store), the first readable part of a mixed or related one.
    static func bodyPart(of entity: MIMEEntity) -> MIMEEntity? {
        guard entity.isMultipart else {
            let isReadable = entity.contentType.token == "text/plain" || entity.contentType.token == "text/html"
            return isReadable && entity.disposition?.token != "attachment" ? entity : nil
        }
        if entity.contentType.token == "multipart/alternative" {
            let candidates = entity.children.compactMap(bodyPart)
            return candidates.first { $0.contentType.token == "text/plain" } ?? candidates.first
        }
        // A report's first part is its human-readable explanation (RFC 6522 §3).
        let children =
            entity.contentType.token == "multipart/report" ? Array(entity.children.prefix(1)) : entity.children
        for child in children where child.isMultipart || child.suggestedFileName == nil {
            if let part = bodyPart(of: child) { return part }
        }
        return nil
    }

    /// Text with LF line ends, flowed lines joined (RFC 3676), HTML made text.
    private static func readableText(_ text: String, of part: MIMEEntity) -> String {
        let lines = text.replacingLineEnds()
        if part.contentType.token == "text/html" { return HTMLText.text(from: lines) }
        if part.contentType.parameters["format"]?.lowercased() == "flowed" {
            return FlowedText.unwrap(lines, deleteSpace: part.contentType.parameters["delsp"]?.lowercased() == "yes")
        }
        return lines
    }

    /// Every leaf that is a file, other than the body and the report's machine-readable parts.
    private static func attachments(of root: MIMEEntity, except bodyID: Int?, skipping: Set<Int>)
        -> [InboundAttachment]
    {
        root.leaves.compactMap { leaf in
            guard leaf.id != bodyID, !skipping.contains(leaf.id), leaf.isAttachment else { return nil }
            let type = leaf.contentType.token
            let isValidType =
                type.split(separator: "/").count == 2 && type.allSatisfy { $0.isASCII && !$0.isWhitespace }
            return InboundAttachment(
                fileName: AttachmentName.sanitized(leaf.suggestedFileName, contentType: type),
                contentType: isValidType ? type : "application/octet-stream", bytes: leaf.content,
                isInline: leaf.disposition?.token == "inline")
        }
    }

    /// The status and returned header of a delivery report, and the ids of the parts that carry them.
    private static func reportParts(of root: MIMEEntity) -> (
        status: String?, returnedHeaders: MailHeaderFields?, ids: Set<Int>
    ) {
        guard root.contentType.token == "multipart/report" else { return (nil, nil, []) }
        var status: String?
        var returned: MailHeaderFields?
        var ids: Set<Int> = []
        for part in root.children.dropFirst() {
            for leaf in part.leaves {
                ids.insert(leaf.id)
                switch leaf.contentType.token {
                case "message/delivery-status", "message/global-delivery-status":
                    status = status ?? String(decoding: leaf.content, as: UTF8.self).replacingLineEnds()
                case "message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers":
                    returned =
                        returned ?? (try? MailHeaderFields.parse(leaf.content[...], maxBytes: leaf.content.count).0)
                default: break
                }
            }
        }
        return (status, returned, ids)
    }
}

extension String {
    /// CR LF and lone CR made LF.
    func replacingLineEnds() -> String {
        guard contains("\r") else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
