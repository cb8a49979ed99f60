import Foundation

/// A mailbox from a received header: the address and, when given, the display name (decoded).
public struct InboundAddress: Sendable, Equatable {
    public var address: String
    public var displayName: String?

    public init(address: String, displayName: String? = nil) {
        self.address = address
        self.displayName = displayName
    }

    /// The part after `@`, lower-case.
    public var domain: String { address.split(separator: "@").last.map { $0.lowercased() } ?? "" }
    /// The part before the last `@`, lower-case.
    public var localPart: String {
        guard let at = address.lastIndex(of: "@") else { return address.lowercased() }
        return address[..<at].lowercased()
    }

    /// The mailboxes of an address-list header (RFC 5322 §3.4): `Name <a@b>`, `a@b (Name)`, `a@b`, groups.
    /// Entries without an `@` are left out.
    public static func list(_ value: String) -> [InboundAddress] {
        splitOutsideQuotes(value).compactMap(mailbox)
    }

    private static func mailbox(_ raw: Substring) -> InboundAddress? {
        var text = String(raw)
        // A group `name: a@b, c@d;` lists its members after the colon.
        if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("<"), !text[..<colon].contains("\"") {
            text = String(text[text.index(after: colon)...])
        }
        text = text.replacingOccurrences(of: ";", with: "").trimmingWhitespace()
        if let open = text.lastIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            let address = text[text.index(after: open)..<close].trimmingWhitespace()
            let name = unquoted(String(text[..<open]).trimmingWhitespace())
            guard address.contains("@") else { return nil }
            return InboundAddress(address: address, displayName: name.isEmpty ? nil : EncodedWords.decode(name))
        }
        var comment: String?
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            comment = String(text[text.index(after: open)..<close]).trimmingWhitespace()
            text = String(text[..<open] + text[text.index(after: close)...])
        }
        let address = text.trimmingWhitespace()
        guard address.contains("@"), !address.contains(" ") else { return nil }
        return InboundAddress(address: address, displayName: comment.map(EncodedWords.decode))
    }

    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        return String(text.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
    }

    /// Splits on commas outside quoted strings, angle brackets and comments.
    private static func splitOutsideQuotes(_ value: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = value.startIndex
        var isQuoted = false
        var angle = 0
        var comment = 0
        for index in value.indices {
            switch value[index] {
            case "\"": isQuoted.toggle()
            case "<" where !isQuoted: angle += 1
            case ">" where !isQuoted: angle = max(0, angle - 1)
            case "(" where !isQuoted: comment += 1
            case ")" where !isQuoted: comment = max(0, comment - 1)
            case "," where !isQuoted && angle == 0 && comment == 0:
                pieces.append(value[start..<index])
                start = value.index(after: index)
            default: break
            }
        }
        pieces.append(value[start...])
        return pieces
    }
}
