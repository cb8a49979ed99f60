/// Reads a message into a MIME tree, enforcing the limits while it goes and collecting what it had to repair.
struct MIMEParser {
    let limits: InboundMailLimits
    private(set) var problems: [InboundMailProblem] = []
    private var partCount = 0

    init(limits: InboundMailLimits) {
        self.limits = limits
    }

    /// The entity in `bytes` (header block, empty line, body); `depth` counts enclosing multiparts.
    mutating func parse(_ bytes: ArraySlice<UInt8>, depth: Int = 0, defaultType: String = "text/plain")
        throws(InboundMailError) -> MIMEEntity
    {
        partCount += 1
        guard partCount <= limits.maxParts else { throw .tooManyParts(limit: limits.maxParts) }
        guard depth <= limits.maxDepth else { throw .nestedTooDeep(limit: limits.maxDepth) }
        let (headers, bodyStart) = try MailHeaderFields.parse(bytes, maxBytes: limits.maxHeaderBytes)
        let body = bytes[bodyStart...]
        var contentType = headers["Content-Type"].map(MIMEHeaderValue.init) ?? MIMEHeaderValue(token: defaultType)
        if !contentType.token.contains("/") {
            if headers["Content-Type"] != nil {
                problems.append(.unreadableContentType(CharsetDecoder.sanitizedForDisplay(contentType.token)))
            }
            contentType = MIMEHeaderValue(token: defaultType, parameters: contentType.parameters)
        }
        var entity = MIMEEntity(
            id: partCount, headers: headers, contentType: contentType,
            disposition: headers["Content-Disposition"].map(MIMEHeaderValue.init), content: [], children: [])
        if entity.isMultipart {
            guard let boundary = contentType.parameters["boundary"], !boundary.isEmpty else {
                problems.append(.multipartWithoutBoundary(contentType: contentType.token))
                entity.contentType = MIMEHeaderValue(token: "text/plain")
                entity.content = Array(body)
                return entity
            }
            let childType = contentType.token == "multipart/digest" ? "message/rfc822" : "text/plain"
            let sections = split(body, boundary: boundary)
            if sections.isEmpty {
                problems.append(.multipartWithoutParts(contentType: contentType.token))
                entity.contentType = MIMEHeaderValue(token: "text/plain")
                entity.content = Array(body)
                return entity
            }
            for section in sections {
                entity.children.append(try parse(section, depth: depth + 1, defaultType: childType))
            }
            return entity
        }
        entity.content = decodeTransfer(body, encoding: headers["Content-Transfer-Encoding"], part: entity)
        if entity.isAttachment && entity.content.count > limits.maxAttachmentBytes {
            throw .attachmentTooLarge(
                fileName: AttachmentName.sanitized(entity.suggestedFileName, contentType: entity.contentType.token),
                byteCount: entity.content.count, limit: limits.maxAttachmentBytes)
        }
        return entity
    }

    /// The parts between `--boundary` lines (RFC 2046 §5.1.1); preamble and epilogue dropped. The line break
    /// before a delimiter belongs to the delimiter.
    private mutating func split(_ body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array(("--" + boundary).utf8)
        var sections: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var index = body.startIndex
        var isClosed = false
        while index < body.endIndex {
            let lineEnd = body.nextLineFeed(from: index)
            let line = body[index..<lineEnd]
            if line.starts(with: delimiter) {
                let rest = line.dropFirst(delimiter.count)
                let isClose = rest.starts(with: [0x2D, 0x2D])
                let tail = isClose ? rest.dropFirst(2) : rest
                if tail.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    if let start = partStart {
                        sections.append(body[start..<Self.trimmingLineBreak(before: index, in: body, from: start)])
                    }
                    partStart = isClose ? nil : min(lineEnd + 1, body.endIndex)
                    if isClose {
                        isClosed = true
                        break
                    }
                }
            }
            index = min(lineEnd + 1, body.endIndex)
        }
        if let start = partStart {
            // RFC 2046 requires the closing delimiter; a cut-off message keeps what arrived.
            sections.append(body[start..<body.endIndex])
        }
        if !isClosed && !sections.isEmpty {
            problems.append(.unclosedMultipart)
        }
        return sections
    }

    private static func trimmingLineBreak(before index: Int, in body: ArraySlice<UInt8>, from start: Int) -> Int {
        var end = index
        if end > start && body[end - 1] == 0x0A { end -= 1 }
        if end > start && body[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// Undoes Content-Transfer-Encoding (RFC 2045 §6); damage is repaired and noted.
    private mutating func decodeTransfer(_ body: ArraySlice<UInt8>, encoding: String?, part: MIMEEntity) -> [UInt8] {
        let name = encoding?.trimmingWhitespace().lowercased() ?? "7bit"
        switch name {
        case "base64":
            let (bytes, isClean) = LenientBase64.decode(body)
            if !isClean {
                problems.append(.damagedBase64(part: part.id, contentType: part.contentType.token))
            }
            return bytes
        case "quoted-printable":
            return QuotedPrintable.decode(body)
        case "7bit", "8bit", "binary", "":
            return Array(body)
        default:
            problems.append(.unknownTransferEncoding(CharsetDecoder.sanitizedForDisplay(name), part: part.id))
            return Array(body)
        }
    }
}
