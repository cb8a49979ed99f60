import Foundation

/// Header-field encoding per RFC 5322 and RFC 2047: folding, encoded-words, display names.
enum MailHeader {
    /// Lines are folded to at most this many characters where possible (RFC 5322 §2.1.1, default 78).
    static let preferredLineLength = 78
    /// Hard line limit without CRLF (RFC 5322 §2.1.1).
    static let maxLineLength = 998
    /// UTF-8 bytes per encoded-word: 36 bytes → 48 base64 characters → a 60-character word (limit 75, §2).
    static let encodedWordBytes = 36

    /// Rejects CR, LF and other control characters (except tab) so a value cannot start a new header.
    static func validateText(_ value: String, field: String) throws(MailError) {
        for scalar in value.unicodeScalars where (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F {
            let rule =
                scalar == "\r" || scalar == "\n" ? "must not contain CR or LF" : "must not contain control characters"
            throw MailError.invalidHeader(field: field, rule: rule)
        }
    }

    static func isPlainASCII(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F || $0 == 0x09 }
    }

    /// `Name: value` for unstructured text (Subject), folded at spaces or as encoded-words.
    static func unstructured(name: String, value: String) -> String {
        let words = value.split(separator: " ", omittingEmptySubsequences: false)
        // ASCII that does not look like an encoded-word and whose words fit goes out as is, folded at spaces.
        if isPlainASCII(value), !value.contains("=?"),
            words.allSatisfy({ $0.utf8.count < preferredLineLength - name.count - 3 })
        {
            return fold(prefix: "\(name): ", tokens: words.map(String.init))
        }
        return fold(prefix: "\(name): ", tokens: encodedWords(value))
    }

    /// Joins tokens after a prefix, starting a continuation line (CRLF SP) before a token that would pass 78.
    static func fold(prefix: String, tokens: [String]) -> String {
        var result = prefix
        var lineLength = prefix.utf8.count
        for (index, token) in tokens.enumerated() {
            let joint = index == 0 ? "" : " "
            if index > 0, lineLength + joint.utf8.count + token.utf8.count > preferredLineLength {
                // Folding turns the separating space into CRLF SP, so the unfolded value is unchanged (§2.2.3).
                result += "\r\n " + token
                lineLength = 1 + token.utf8.count
            } else {
                result += joint + token
                lineLength += joint.utf8.count + token.utf8.count
            }
        }
        return result
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words, split between characters so no word holds half a letter.
    static func encodedWords(_ value: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in value {
            let bytes = Array(character.utf8)
            if !chunk.isEmpty, chunk.count + bytes.count > encodedWordBytes {
                words.append(encodedWord(chunk))
                chunk = []
            }
            // A single enormous grapheme cluster is split between scalars rather than overflowing the word.
            if bytes.count > encodedWordBytes {
                for scalar in character.unicodeScalars {
                    let scalarBytes = Array(String(scalar).utf8)
                    if chunk.count + scalarBytes.count > encodedWordBytes {
                        words.append(encodedWord(chunk))
                        chunk = []
                    }
                    chunk += scalarBytes
                }
            } else {
                chunk += bytes
            }
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// A mailbox as `display <address>`: atoms as is, other ASCII quoted, anything else encoded.
    static func mailbox(_ mailbox: MailAddress) -> [String] {
        guard let name = mailbox.displayName else { return [mailbox.address] }
        let isAtoms = name.utf8.allSatisfy { byte in
            byte == 0x20 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || Set("!#$%&'*+-/=?^_`{|}~".utf8).contains(byte)
        }
        if isAtoms && !name.hasPrefix(" ") && !name.hasSuffix(" ") && !name.contains("  ") {
            return [name, "<\(mailbox.address)>"]
        }
        if isPlainASCII(name) && !name.contains("=?") {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return ["\"\(escaped)\"", "<\(mailbox.address)>"]
        }
        return encodedWords(name) + ["<\(mailbox.address)>"]
    }

    /// `Name: a <x@y>, b <z@w>` folded between tokens.
    static func addressList(name: String, _ mailboxes: [MailAddress]) -> String {
        var tokens: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            var parts = self.mailbox(mailbox)
            if index < mailboxes.count - 1 { parts[parts.count - 1] += "," }
            tokens += parts
        }
        return fold(prefix: "\(name): ", tokens: tokens)
    }
}
