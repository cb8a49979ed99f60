/// Damage the parser repaired or a guess it made while reading a message, as data (a stable `code` and the
/// values), so staff can be told in their language; nothing is dropped without one of these.
public enum InboundMailProblem: Sendable, Equatable, CustomStringConvertible {
    /// Bytes not valid in the body's charset; `count` of them became U+FFFD.
    case invalidBytes(charset: String, count: Int)
    /// glibc's iconv does not know the charset; the body was read as `readAs` (UTF-8 or Windows-1252).
    case unknownCharset(String, readAs: String)
    /// 8-bit bytes under an ASCII label or none (`declared`), read as Windows-1252.
    case eightBitText(declared: String?)
    /// Characters outside the base64 alphabet, or a cut-off group, in part number `part`; the rest was decoded.
    case damagedBase64(part: Int, contentType: String)
    /// A multipart without its closing boundary (a cut-off message); the parts that arrived are kept.
    case unclosedMultipart
    /// A multipart without a `boundary` parameter, read as text.
    case multipartWithoutBoundary(contentType: String)
    /// A multipart in which no boundary occurs, read as text.
    case multipartWithoutParts(contentType: String)
    /// A Content-Transfer-Encoding the parser does not know, in part number `part`; kept as sent.
    case unknownTransferEncoding(String, part: Int)
    /// A Content-Type that is not `type/subtype`, read as the default type.
    case unreadableContentType(String)

    /// A stable identifier for the catalogue.
    public var code: String {
        switch self {
        case .invalidBytes: return "invalid_bytes"
        case .unknownCharset: return "unknown_charset"
        case .eightBitText: return "eight_bit_text"
        case .damagedBase64: return "damaged_base64"
        case .unclosedMultipart: return "unclosed_multipart"
        case .multipartWithoutBoundary: return "multipart_without_boundary"
        case .multipartWithoutParts: return "multipart_without_parts"
        case .unknownTransferEncoding: return "unknown_transfer_encoding"
        case .unreadableContentType: return "unreadable_content_type"
        }
    }

    /// English words, for logs.
    public var description: String {
        switch self {
        case .invalidBytes(let charset, let count): return "\(count) bytes not valid in \(charset) replaced with U+FFFD"
        case .unknownCharset(let name, let readAs): return "unknown charset '\(name)', read as \(readAs)"
        case .eightBitText(let declared):
            return "8-bit bytes in \(declared ?? "text without a charset"), read as windows-1252"
        case .damagedBase64(let part, let type):
            return "damaged base64 in part \(part) (\(type)), decoded what was readable"
        case .unclosedMultipart: return "multipart ends without its closing boundary (message cut off?)"
        case .multipartWithoutBoundary(let type): return "\(type) without a boundary, read as text"
        case .multipartWithoutParts(let type): return "\(type) has no parts, read as text"
        case .unknownTransferEncoding(let name, let part):
            return "unknown Content-Transfer-Encoding '\(name)' in part \(part), kept as sent"
        case .unreadableContentType(let value): return "unreadable Content-Type '\(value)'"
        }
    }
}
