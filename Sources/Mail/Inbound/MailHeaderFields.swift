/// The header fields of a received message or MIME part, in order, unfolded (RFC 5322 §2.2.3).
public struct MailHeaderFields: Sendable, Equatable {
    /// One field; `value` is unfolded but not decoded (encoded words and comments left as sent).
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    public var fields: [Field]

    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    /// The first value of the field called `name` (case-insensitive), as sent.
    public subscript(_ name: String) -> String? {
        fields.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// Every value of the field called `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveEquals(name) }.map(\.value)
    }

    /// The first value with RFC 2047 encoded words decoded and control characters made spaces.
    public func text(_ name: String) -> String? {
        self[name].map { EncodedWords.decode($0).trimmingWhitespace() }
    }

    /// Reads the header block at the start of `bytes` (up to the empty line); returns the fields and where the
    /// body starts. A first line of an mbox file (`From ` …) is skipped. Lines that are neither a field nor a
    /// continuation end the header, as most readers do, so the rest is read as body rather than lost.
    static func parse(_ bytes: ArraySlice<UInt8>, maxBytes: Int) throws(InboundMailError) -> (
        MailHeaderFields, bodyStart: Int
    ) {
        var fields: [Field] = []
        var index = bytes.startIndex
        var isFirstLine = true
        while index < bytes.endIndex {
            let lineEnd = bytes.nextLineFeed(from: index)
            // Checked before a line becomes a value, so one endless header line is never held as text.
            let isWithinLimit = lineEnd - bytes.startIndex <= maxBytes
            var line = bytes[index..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            let next = min(lineEnd + 1, bytes.endIndex)
            defer { isFirstLine = false }
            if line.isEmpty { return (MailHeaderFields(fields), next) }
            if line.first == 0x20 || line.first == 0x09 {
                if !fields.isEmpty {
                    guard isWithinLimit else { throw .headerTooLarge(limit: maxBytes) }
                    fields[fields.count - 1].value += Self.text(line)
                    index = next
                    continue
                }
            }
            if isFirstLine && line.starts(with: Array("From ".utf8)) {
                index = next
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                line[..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F || $0 == 0x20 })
            else {
                return (MailHeaderFields(fields), index)
            }
            let name = String(decoding: line[..<colon], as: UTF8.self).trimmingWhitespace()
            guard !name.isEmpty, !name.contains(" ") else { return (MailHeaderFields(fields), index) }
            guard isWithinLimit else { throw .headerTooLarge(limit: maxBytes) }
            fields.append(Field(name: name, value: Self.text(line[(colon + 1)...]).trimmingWhitespace()))
            index = next
        }
        return (MailHeaderFields(fields), bytes.endIndex)
    }

    /// Header bytes as text: UTF-8 (RFC 6532) when valid, else Windows-1252, as raw 8-bit headers usually are.
    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(validating: bytes, as: UTF8.self) ?? CharsetDecoder.decode(bytes, charset: "windows-1252").text
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        count == other.count && lowercased() == other.lowercased()
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
