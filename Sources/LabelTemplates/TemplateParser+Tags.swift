extension TemplateParser {
    /// Splits one line into text and tags, reading each tag's content.
    fileprivate static func scan(_ line: Substring, lineNumber: Int) throws(TemplateError)
        -> [(text: Substring, tag: Substring?, column: Int)]
    {
        var result: [(text: Substring, tag: Substring?, column: Int)] = []
        var rest = line
        var column = 1
        while let open = rest.firstRange(of: "{{") {
            let text = rest[rest.startIndex..<open.lowerBound]
            let tagColumn = column + text.count
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                throw TemplateError(.unclosedTag, line: lineNumber, column: tagColumn, name: "{{")
            }
            result.append((text, rest[open.upperBound..<close.lowerBound], tagColumn))
            column = tagColumn + rest[open.lowerBound..<close.upperBound].count
            rest = rest[close.upperBound...]
        }
        if rest.contains("}}") {
            let column = column + rest[rest.startIndex..<rest.firstRange(of: "}}")!.lowerBound].count
            throw TemplateError(.malformedTag, line: lineNumber, column: column, name: "}}")
        }
        result.append((rest, nil, column))
        return result
    }
}

extension TemplateParser {
    fileprivate static func isName(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty
            && parts.allSatisfy { part in
                guard let first = part.first, first.isASCII, first.isLetter else { return false }
                return part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            }
    }

    /// The text and tags of one line; a bad tag throws with its line and column.
    static func pieces(of line: Substring, lineNumber: Int, limits: TemplateLimits) throws(TemplateError)
        -> [Piece]
    {
        var pieces: [Piece] = []
        for part in try scan(line, lineNumber: lineNumber) {
            if !part.text.isEmpty { pieces.append(.text(String(part.text))) }
            guard let content = part.tag else { continue }
            let location = SourceLocation(line: lineNumber, column: part.column)
            pieces.append(.tag(try tag(content, location: location, limits: limits), location))
        }
        return pieces
    }

    private static func tag(_ raw: Substring, location: SourceLocation, limits: TemplateLimits) throws(TemplateError)
        -> Tag
    {
        let content = raw.trimmingSpaces()
        func fail(_ kind: TemplateError.Kind, _ name: some StringProtocol) -> TemplateError {
            TemplateError(kind, line: location.line, column: location.column, name: String(name))
        }
        guard !content.isEmpty else { throw fail(.emptyTag, "{{}}") }
        if content.hasPrefix("!") { return .comment }
        if content.hasPrefix("#") {
            let words = content.dropFirst().split(whereSeparator: \.isWhitespace)
            guard words.count == 2, isName(words[1]) else { throw fail(.malformedTag, content) }
            switch words[0] {
            case "each": return .each(String(words[1]))
            case "if": return .conditional(String(words[1]))
            default: throw fail(.malformedTag, content)
            }
        }
        switch content {
        case "/each": return .endEach
        case "/if": return .endConditional
        case "else": return .otherwise
        default: break
        }
        if content.hasPrefix("/") { throw fail(.malformedTag, content) }
        var segments = content.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        let path = segments.removeFirst()
        guard isName(path) else {
            throw fail(path.contains(" ") || path.isEmpty ? .malformedTag : .unknownPlaceholder, path)
        }
        var filters: [TemplateFilter] = []
        for segment in segments {
            filters.append(
                try TemplateFilter.parse(segment, line: location.line, column: location.column, limits: limits))
        }
        return .placeholder(Placeholder(path: String(path), filters: filters, location: location))
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }
}
