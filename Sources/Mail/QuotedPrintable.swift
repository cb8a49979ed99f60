/// RFC 2045 §6.7 quoted-printable for a UTF-8 text body, with CRLF line ends.
enum QuotedPrintable {
    /// Encoded lines are at most 76 characters, including a trailing soft-break `=` (RFC 2045 §6.7 rule 5).
    static let maxLineLength = 76

    /// Encodes text; any of LF, CR LF or CR in the input ends a line.
    static func encode(_ text: String) -> String {
        var output = ""
        for line in lines(of: Array(text.utf8)) {
            output += encodeLine(line) + "\r\n"
        }
        return output
    }

    private static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A || bytes[index] == 0x0D {
                lines.append(bytes[start..<index])
                if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        // A body always ends with a line break; text after the last break is one more line.
        if start < bytes.count || lines.isEmpty { lines.append(bytes[start..<bytes.count]) }
        return lines
    }

    private static func encodeLine(_ line: ArraySlice<UInt8>) -> String {
        var output = ""
        var lineLength = 0
        for (offset, byte) in line.enumerated() {
            let isLast = offset == line.count - 1
            let token: String
            switch byte {
            // Spaces and tabs are literal except at the end of a line, where transport may strip them (rule 3).
            case 0x20 where !isLast, 0x09 where !isLast: token = String(UnicodeScalar(byte))
            case 0x21...0x3C, 0x3E...0x7E: token = String(UnicodeScalar(byte))
            default: token = "=" + hex(byte)
            }
            // Keep room for the soft break unless this token ends the line.
            let limit = isLast ? maxLineLength : maxLineLength - 1
            if lineLength + token.count > limit {
                output += "=\r\n"
                lineLength = 0
            }
            output += token
            lineLength += token.count
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
