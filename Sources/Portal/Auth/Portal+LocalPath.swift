extension Portal {
    /// Whether `path` is a same-site path to follow after sign-in; anything else falls back to the start page.
    ///
    /// A strict grammar, not a list of bad patterns: browsers drop tab, CR and LF from a `Location` and
    /// read `\` as `/` (WHATWG URL, "basic URL parser"), so `/\t/evil.example` becomes `//evil.example`.
    /// Accepted: `/`, then RFC 3986 path characters (§3.3), optionally `?` and query characters (§3.4);
    /// the second character is not `/` (a network-path reference, §4.2) and every `%` starts an escape.
    static func isLocalPath(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard bytes.first == UInt8(ascii: "/"), bytes.count < 2 || bytes[1] != UInt8(ascii: "/") else { return false }
        var index = 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else {
                    return false
                }
                index += 3
                continue
            }
            // `?` starts the query, and a query may hold further `?` (RFC 3986 §3.4).
            guard isPathCharacter(byte) || byte == UInt8(ascii: "?") else { return false }
            index += 1
        }
        return true
    }

    // pchar minus pct-encoded, plus "/": unreserved / sub-delims / ":" / "@" / "/" (RFC 3986 §3.3).
    private static func isPathCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: "-._~!$&'()*+,;=:@/".utf8.contains(byte)
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            true
        default: false
        }
    }
}
