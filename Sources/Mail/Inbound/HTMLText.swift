import Foundation

/// HTML mail turned into readable plain text: blocks become lines, `<blockquote>` becomes `> ` quoting (so reply
/// stripping works alike for HTML and plain mail), scripts and styles dropped, entities decoded. Not a renderer:
/// enough to read the words and links.
enum HTMLText {
    private static let blockTags: Set<String> = [
        "p", "div", "br", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre", "hr", "section",
        "article", "header", "footer", "address", "dl", "dt", "dd",
    ]
    private static let skippedTags: Set<String> = ["script", "style", "head", "title", "template"]

    static func text(from html: String) -> String {
        var builder = LineBuilder()
        var rest = Substring(html)
        var skipping: String?
        while let open = rest.firstIndex(of: "<") {
            if skipping == nil { builder.appendText(rest[..<open]) }
            rest = rest[open...]
            if rest.hasPrefix("<!--") {
                rest = rest.range(of: "-->").map { rest[$0.upperBound...] } ?? ""
                continue
            }
            guard let close = rest.firstIndex(of: ">") else {
                rest = ""
                break
            }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let isClosing = tag.hasPrefix("/")
            let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
            if let skipped = skipping {
                if isClosing && name == skipped { skipping = nil }
                continue
            }
            if skippedTags.contains(name) && !isClosing && !tag.hasSuffix("/") {
                skipping = name
                continue
            }
            switch name {
            case "blockquote":
                builder.endLine()
                builder.quoteDepth = max(0, builder.quoteDepth + (isClosing ? -1 : 1))
            case "li" where !isClosing:
                builder.endLine()
                builder.appendRaw("- ")
            case "td", "th":
                if isClosing { builder.appendRaw(" ") }
            case "a" where !isClosing:
                // Keep a link's target when it is a web address, after its text, as plain-text mail does.
                if let href = attribute("href", in: tag), href.hasPrefix("http") { builder.pendingLink = href }
            case "a":
                if let link = builder.pendingLink {
                    builder.appendRaw(" <\(link)>")
                    builder.pendingLink = nil
                }
            default:
                if blockTags.contains(name) { builder.endLine() }
            }
        }
        if skipping == nil { builder.appendText(rest) }
        return builder.finished()
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let range = tag.range(of: name + "=", options: .caseInsensitive) else { return nil }
        var value = tag[range.upperBound...]
        if let quote = value.first, quote == "\"" || quote == "'" {
            value = value.dropFirst()
            return decodeEntities(String(value.prefix(while: { $0 != quote })))
        }
        return decodeEntities(String(value.prefix(while: { !$0.isWhitespace })))
    }

    private static let namedEntities: [String: String] = [
        "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "mdash": "—", "ndash": "–",
        "hellip": "…", "laquo": "«", "raquo": "»", "copy": "©", "reg": "®", "euro": "€", "rsquo": "’",
        "lsquo": "‘", "ldquo": "“", "rdquo": "”", "bdquo": "„", "shy": "",
    ]

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                output.append("&")
                rest = rest.dropFirst()
                continue
            }
            let entity = rest[rest.index(after: rest.startIndex)..<semicolon]
            var replacement: String?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                replacement = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if entity.hasPrefix("#") {
                replacement = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                replacement = namedEntities[entity.lowercased()]
            }
            if let replacement {
                output += replacement
                rest = rest[rest.index(after: semicolon)...]
            } else {
                output.append("&")
                rest = rest.dropFirst()
            }
        }
        return output + rest
    }

    /// Collects words into lines, each line quoted to the depth it started at.
    private struct LineBuilder {
        var lines: [String] = []
        var current = ""
        var currentDepth = 0
        var quoteDepth = 0
        var pendingLink: String?

        mutating func appendText(_ raw: Substring) {
            let text = HTMLText.decodeEntities(String(raw))
            for character in text {
                if character.isWhitespace {
                    if !current.isEmpty && current.last != " " { current.append(" ") }
                } else {
                    appendRaw(String(character))
                }
            }
        }

        mutating func appendRaw(_ text: String) {
            if current.isEmpty { currentDepth = quoteDepth }
            current += text
        }

        mutating func endLine() {
            let line = current.trimmingWhitespace()
            let prefix = String(repeating: "> ", count: currentDepth)
            lines.append(line.isEmpty ? String(prefix.dropLast()) : prefix + line)
            current = ""
            currentDepth = quoteDepth
        }

        mutating func finished() -> String {
            endLine()
            // At most one empty (or only quoted-empty) line in a row, none at the ends.
            func isBlank(_ line: String?) -> Bool { line?.allSatisfy { $0 == ">" || $0 == " " } ?? true }
            var result: [String] = []
            for line in lines where !(isBlank(line) && isBlank(result.last)) {
                result.append(line)
            }
            while !result.isEmpty && isBlank(result.last) { result.removeLast() }
            return result.joined(separator: "\n")
        }
    }
}
