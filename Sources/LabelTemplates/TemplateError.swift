/// A template that cannot be parsed, validated or loaded, with where and what went wrong.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What rule the template broke.
    public enum Kind: Sendable, Equatable {
        case unclosedTag
        case emptyTag
        case malformedTag
        case unknownPlaceholder
        case unknownList
        case unknownFilter
        case badFilterArgument
        case unclosedBlock
        case mismatchedBlock
        case unexpectedBlockEnd
        case nestingTooDeep
        case templateTooLarge
        case missingTemplate
        case unknownTemplateName
        case placeholderOutsideZPLField
        case unreadableFile
    }

    public var kind: Kind
    /// 1-based line of the offending tag (0 when the error is about a whole file).
    public var line: Int
    /// 1-based column, counted in characters (grapheme clusters).
    public var column: Int
    /// The offending name: placeholder, filter, block or file.
    public var name: String
    /// The template file, when the template came from a folder.
    public var file: String?

    public init(_ kind: Kind, line: Int, column: Int, name: String, file: String? = nil) {
        self.kind = kind
        self.line = line
        self.column = column
        self.name = name
        self.file = file
    }

    public var description: String {
        let place = "\(file.map { "\($0):" } ?? "")\(line):\(column)"
        return "\(place): \(message)"
    }

    private var message: String {
        switch kind {
        case .unclosedTag: return "tag opened with '{{' is never closed with '}}'"
        case .emptyTag: return "empty tag '{{ }}'"
        case .malformedTag: return "malformed tag '\(name)'"
        case .unknownPlaceholder: return "unknown placeholder '\(name)'"
        case .unknownList: return "'\(name)' is not a list this template kind can loop over"
        case .unknownFilter: return "unknown filter '\(name)'"
        case .badFilterArgument: return "bad argument for filter '\(name)'"
        case .unclosedBlock: return "block '\(name)' is never closed"
        case .mismatchedBlock: return "'\(name)' closes a different block"
        case .unexpectedBlockEnd: return "'\(name)' has no open block to close"
        case .nestingTooDeep: return "blocks nested too deeply at '\(name)'"
        case .templateTooLarge: return "template '\(name)' is larger than the limit"
        case .missingTemplate: return "template file '\(name)' is missing"
        case .placeholderOutsideZPLField:
            return "placeholder '\(name)' must be inside field data opened with ^FH^FD"
        case .unknownTemplateName:
            return "'\(name)' is not a template name (\(LabelTemplateSet.fileNames.joined(separator: ", ")))"
        case .unreadableFile: return "template file '\(name)' cannot be read as UTF-8"
        }
    }
}
