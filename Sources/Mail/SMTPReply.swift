/// One SMTP reply: a three-digit code and its text lines (RFC 5321 §4.2).
public struct SMTPReply: Sendable, Equatable {
    public var code: Int
    public var lines: [String]

    public var text: String { lines.joined(separator: "\n") }
    public var isPositive: Bool { (200..<400).contains(code) }
    public var isTransientFailure: Bool { (400..<500).contains(code) }

    /// Parses one reply line into code, whether more lines follow, and text; nil when malformed.
    static func parseLine(_ line: String) -> (code: Int, isLast: Bool, text: String)? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0...2].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let code = Int(String(decoding: bytes[0...2], as: UTF8.self)), (200...599).contains(code)
        else { return nil }
        if bytes.count == 3 { return (code, true, "") }
        switch bytes[3] {
        case 0x20: return (code, true, String(decoding: bytes[4...], as: UTF8.self))
        case 0x2D: return (code, false, String(decoding: bytes[4...], as: UTF8.self))
        default: return nil
        }
    }
}
