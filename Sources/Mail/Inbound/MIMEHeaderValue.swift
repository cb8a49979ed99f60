/// A structured MIME header value: `Content-Type` or `Content-Disposition`, a token and its parameters
/// (RFC 2045 §5.1, RFC 2183), with RFC 2231 continuations and charsets, and RFC 2047 words some senders use.
struct MIMEHeaderValue: Equatable {
    /// The token before the first `;`, lower-case (`text/plain`, `attachment`).
    var token: String
    /// Parameters by lower-case name, decoded.
    var parameters: [String: String]

    init(token: String, parameters: [String: String] = [:]) {
        self.token = token
        self.parameters = parameters
    }

    init(_ raw: String) {
        var pieces = Self.splitOnSemicolons(raw)
        token = pieces.isEmpty ? "" : pieces.removeFirst().trimmingWhitespace().lowercased()
        // RFC 2231 §3–4: `name*0`, `name*1*` … joined in order; `*` marks percent-encoded bytes, the first of
        // which begins with `charset'language'`.
        var sections: [String: [Int: (value: String, isEncoded: Bool)]] = [:]
        var plain: [String: String] = [:]
        for piece in pieces {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            var name = piece[..<equals].trimmingWhitespace().lowercased()
            let value = Self.unquoted(piece[piece.index(after: equals)...].trimmingWhitespace())
            let isEncoded = name.hasSuffix("*")
            if isEncoded { name.removeLast() }
            let nameParts = name.split(separator: "*", omittingEmptySubsequences: false)
            if nameParts.count == 2, let number = Int(nameParts[1]) {
                sections[String(nameParts[0]), default: [:]][number] = (value, isEncoded)
            } else if isEncoded {
                sections[name, default: [:]][0] = (value, true)
            } else {
                plain[name] = value
            }
        }
        var parameters = plain.mapValues { EncodedWords.decode($0) }
        for (name, parts) in sections {
            var bytes: [UInt8] = []
            var charset: String?
            for number in parts.keys.sorted() {
                let (value, isEncoded) = parts[number]!
                guard isEncoded else {
                    bytes += Array(value.utf8)
                    continue
                }
                var encoded = Substring(value)
                if number == parts.keys.min() {
                    let quoteParts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                    if quoteParts.count == 3 {
                        charset = String(quoteParts[0])
                        encoded = quoteParts[2]
                    }
                }
                bytes += Self.percentDecoded(encoded)
            }
            parameters[name] = EncodedWords.withoutControlCharacters(
                CharsetDecoder.decode(bytes, charset: charset.flatMap { $0.isEmpty ? nil : $0 }).text)
        }
        self.parameters = parameters
    }

    /// Splits on `;` outside quoted strings.
    private static func splitOnSemicolons(_ raw: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = raw.startIndex
        var isQuoted = false
        var isEscaped = false
        for index in raw.indices {
            let character = raw[index]
            if isEscaped {
                isEscaped = false
            } else if character == "\\" && isQuoted {
                isEscaped = true
            } else if character == "\"" {
                isQuoted.toggle()
            } else if character == ";" && !isQuoted {
                pieces.append(raw[start..<index])
                start = raw.index(after: index)
            }
        }
        pieces.append(raw[start...])
        return pieces
    }

    /// A quoted-string's content with `\` escapes removed; a token as it is.
    private static func unquoted(_ value: String) -> String {
        guard value.hasPrefix("\"") else { return value }
        var output = ""
        var isEscaped = false
        for character in value.dropFirst() {
            if isEscaped {
                output.append(character)
                isEscaped = false
            } else if character == "\\" {
                isEscaped = true
            } else if character == "\"" {
                break
            } else {
                output.append(character)
            }
        }
        return output
    }

    /// RFC 2231 §4 `%XX` escapes decoded; a `%` without two hex digits is kept.
    private static func percentDecoded(_ value: Substring) -> [UInt8] {
        let bytes = Array(value.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let escaped = bytes[index] == UInt8(ascii: "%") ? QuotedPrintable.hexByte(bytes, at: index + 1) : nil
            output.append(escaped ?? bytes[index])
            index += escaped == nil ? 1 : 3
        }
        return output
    }
}
