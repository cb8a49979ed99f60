/// Why a received message cannot be read at all (the caller answers `EX_DATAERR`); lesser damage (a bad charset,
/// bad base64, a missing closing boundary) is repaired visibly and listed in `InboundMessage.problems` instead.
public enum InboundMailError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No bytes at all.
    case empty
    /// The input does not start with header fields.
    case noHeaderFields
    /// A field every message must have (RFC 5322 §3.6: `From`) is missing or holds no address.
    case missingField(String)
    /// The raw message is bigger than `InboundMailLimits.maxMessageBytes`.
    case messageTooLarge(byteCount: Int, limit: Int)
    /// One attachment decodes to more than `InboundMailLimits.maxAttachmentBytes`.
    case attachmentTooLarge(fileName: String, byteCount: Int, limit: Int)
    /// A header block is bigger than `InboundMailLimits.maxHeaderBytes`.
    case headerTooLarge(limit: Int)
    /// More MIME parts than `InboundMailLimits.maxParts`.
    case tooManyParts(limit: Int)
    /// Multiparts nested deeper than `InboundMailLimits.maxDepth`.
    case nestedTooDeep(limit: Int)

    public var description: String {
        switch self {
        case .empty: return "the message is empty"
        case .noHeaderFields: return "the message does not start with header fields"
        case .missingField(let name): return "the message has no valid \(name) field"
        case .messageTooLarge(let count, let limit): return "the message has \(count) bytes, more than \(limit)"
        case .attachmentTooLarge(let name, let count, let limit):
            return "attachment '\(name)' has \(count) bytes, more than \(limit)"
        case .headerTooLarge(let limit): return "a header is longer than \(limit) bytes"
        case .tooManyParts(let limit): return "the message has more than \(limit) MIME parts"
        case .nestedTooDeep(let limit): return "MIME parts are nested deeper than \(limit) levels"
        }
    }
}
