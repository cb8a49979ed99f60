/// Turns template source into `TemplateNode`s; tags do not span lines.
///
/// A block tag (`#each`, `#if`, `else`, `/each`, `/if`) or a comment (`{{! … }}`) alone on its line,
/// apart from spaces, removes that whole line from the output, so templates can indent blocks freely.
struct TemplateParser {
    let limits: TemplateLimits

    enum Tag {
        case each(String)
        case conditional(String)
        case otherwise
        case endEach
        case endConditional
        case comment
        case placeholder(Placeholder)

        var isStandaloneCandidate: Bool {
            if case .placeholder = self { return false }
            return true
        }
    }

    enum Piece {
        case text(String)
        case tag(Tag, SourceLocation)
    }

    /// An open block while its body is being read.
    private struct Frame {
        var tag: Tag
        var location: SourceLocation
        var body: [TemplateNode] = []
        var otherwise: [TemplateNode] = []
        var isInElse = false
    }

    mutating func parse(_ source: String) throws(TemplateError) -> [TemplateNode] {
        var stack = [Frame(tag: .comment, location: SourceLocation(line: 0, column: 0))]
        var lineNumber = 0
        for line in Self.splitLines(source) {
            lineNumber += 1
            var pieces = try Self.pieces(of: line, lineNumber: lineNumber, limits: limits)
            pieces = Self.removingStandaloneSpace(pieces)
            for piece in pieces {
                try add(piece, to: &stack)
            }
        }
        guard stack.count == 1, let root = stack.first else {
            let open = stack[stack.count - 1]
            throw TemplateError(
                .unclosedBlock, line: open.location.line, column: open.location.column, name: Self.blockName(open.tag))
        }
        return Self.mergingText(root.body)
    }

    private func add(_ piece: Piece, to stack: inout [Frame]) throws(TemplateError) {
        switch piece {
        case .text(let text):
            append(.text(text), to: &stack)
        case .tag(let tag, let location):
            switch tag {
            case .comment:
                break
            case .placeholder(let placeholder):
                append(.placeholder(placeholder), to: &stack)
            case .each, .conditional:
                guard stack.count <= limits.maxNestingDepth else {
                    throw TemplateError(
                        .nestingTooDeep, line: location.line, column: location.column, name: Self.blockName(tag))
                }
                stack.append(Frame(tag: tag, location: location))
            case .otherwise:
                guard stack.count > 1, case .conditional = stack[stack.count - 1].tag, !stack[stack.count - 1].isInElse
                else {
                    throw TemplateError(.unexpectedBlockEnd, line: location.line, column: location.column, name: "else")
                }
                stack[stack.count - 1].isInElse = true
            case .endEach, .endConditional:
                let name = { if case .endEach = tag { "/each" } else { "/if" } }()
                guard stack.count > 1 else {
                    throw TemplateError(.unexpectedBlockEnd, line: location.line, column: location.column, name: name)
                }
                let frame = stack.removeLast()
                switch (frame.tag, tag) {
                case (.each(let list), .endEach):
                    append(.each(list: list, location: frame.location, body: Self.mergingText(frame.body)), to: &stack)
                case (.conditional(let field), .endConditional):
                    let node = TemplateNode.conditional(
                        field: field, location: frame.location, then: Self.mergingText(frame.body),
                        otherwise: Self.mergingText(frame.otherwise))
                    append(node, to: &stack)
                default:
                    throw TemplateError(.mismatchedBlock, line: location.line, column: location.column, name: name)
                }
            }
        }
    }

    private func append(_ node: TemplateNode, to stack: inout [Frame]) {
        if stack[stack.count - 1].isInElse {
            stack[stack.count - 1].otherwise.append(node)
        } else {
            stack[stack.count - 1].body.append(node)
        }
    }

    private static func blockName(_ tag: Tag) -> String {
        switch tag {
        case .each(let list): return "#each \(list)"
        case .conditional(let field): return "#if \(field)"
        default: return "block"
        }
    }

    /// Lines with their terminators kept, so output reproduces the template's line endings.
    private static func splitLines(_ source: String) -> [Substring] {
        var lines: [Substring] = []
        var start = source.startIndex
        var index = source.startIndex
        while index < source.endIndex {
            let next = source.index(after: index)
            if source[index].isNewline {
                lines.append(source[start..<next])
                start = next
            }
            index = next
        }
        if start < source.endIndex { lines.append(source[start...]) }
        return lines
    }

    private static func removingStandaloneSpace(_ pieces: [Piece]) -> [Piece] {
        let tags = pieces.compactMap { piece -> Tag? in
            if case .tag(let tag, _) = piece { return tag }
            return nil
        }
        guard tags.count == 1, tags[0].isStandaloneCandidate else { return pieces }
        let isBlankText = pieces.allSatisfy { piece in
            if case .text(let text) = piece { return text.allSatisfy(\.isWhitespace) }
            return true
        }
        return isBlankText ? pieces.filter { if case .tag = $0 { true } else { false } } : pieces
    }

    private static func mergingText(_ nodes: [TemplateNode]) -> [TemplateNode] {
        var merged: [TemplateNode] = []
        for node in nodes {
            if case .text(let text) = node, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + text)
            } else {
                merged.append(node)
            }
        }
        return merged
    }
}
