extension HTML {
    /// Escapes `&`, `<` and `>` for element content.
    public static func escapeText(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for a quoted attribute value (and is safe in content too).
    public static func escapeAttribute(_ text: String) -> String {
        escape(text, quotes: true)
    }

    /// `url` when it is a relative path, a fragment, or http(s)/mailto; otherwise `#`, so a
    /// `javascript:` or `data:` URL taken from data can never become a link target.
    public static func safeURL(_ url: String) -> String {
        if url.hasPrefix("/") && !url.hasPrefix("//") { return url }
        if url.hasPrefix("#") || url.hasPrefix("?") { return url }
        let lowered = url.lowercased()
        for scheme in ["https://", "http://", "mailto:"] where lowered.hasPrefix(scheme) { return url }
        return "#"
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        // Fast path: most text has nothing to escape.
        guard text.utf8.contains(where: { needsEscape($0, quotes: quotes) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&#39;"
            // A NUL is never meaningful in a page; the HTML parser would replace it anyway.
            case "\u{0}": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ byte: UInt8, quotes: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0: true
        case UInt8(ascii: "\""), UInt8(ascii: "'"): quotes
        default: false
        }
    }
}
