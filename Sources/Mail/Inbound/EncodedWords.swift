/// RFC 2047 encoded words (`=?charset?B|Q?text?=`) in header values, decoded to text.
enum EncodedWords {
    /// The value with every encoded word decoded. White space between two encoded words is dropped (§6.2), and
    /// adjacent words in one charset are decoded together, since senders split multi-byte characters between them.
    /// Control characters (CR, LF, NUL, …) become spaces, so a decoded value can never start a new header line.
    static func decode(_ value: String) -> String {
        var output = ""
        var pendingBytes: [UInt8] = []
        var pendingCharset: String?
        var pendingSpace = ""
        func flush() {
            guard let charset = pendingCharset else { return }
            output += CharsetDecoder.decode(pendingBytes, charset: charset).text
            pendingBytes = []
            pendingCharset = nil
        }
        var rest = Substring(value)
        while !rest.isEmpty {
            if let (word, after) = encodedWord(at: rest) {
                if pendingCharset != nil && pendingCharset != word.charset { flush() }
                if pendingCharset == nil {
                    output += pendingSpace
                }
                pendingSpace = ""
                pendingCharset = word.charset
                pendingBytes += word.bytes
                rest = after
                continue
            }
            let character = rest.removeFirst()
            if character == " " || character == "\t", pendingCharset != nil {
                pendingSpace.append(character)
                continue
            }
            flush()
            output += pendingSpace
            pendingSpace = ""
            output.append(character)
        }
        flush()
        output += pendingSpace
        return withoutControlCharacters(output)
    }

    /// Control characters replaced by spaces (tab kept as a space too).
    static func withoutControlCharacters(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) ? " " : scalar
                }))
    }

    private struct Word {
        var charset: String
        var bytes: [UInt8]
    }

    /// The encoded word at the start of `text` and what follows it, or nil.
    private static func encodedWord(at text: Substring) -> (Word, Substring)? {
        guard text.hasPrefix("=?") else { return nil }
        let body = text.dropFirst(2)
        let parts = body.split(separator: "?", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[1].count == 1 else { return nil }
        guard let end = parts[2].range(of: "?=") else { return nil }
        let encoded = parts[2][..<end.lowerBound]
        guard !encoded.contains(" ") else { return nil }
        // RFC 2231 §5: `charset*language`; the language is not needed.
        let charset = String(parts[0].split(separator: "*").first ?? parts[0])
        let bytes: [UInt8]
        switch parts[1].uppercased() {
        case "B": bytes = LenientBase64.decode(Array(encoded.utf8)).bytes
        case "Q": bytes = QuotedPrintable.decode(Array(encoded.utf8), isHeader: true)
        default: return nil
        }
        return (Word(charset: charset, bytes: bytes), parts[2][end.upperBound...])
    }
}
