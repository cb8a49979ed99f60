/// An answer to a task, typed by the task's kind.
public enum Answer: Sendable, Hashable {
    case text(String)
    case yesNo(Bool)
    case choice(String)
    case number(Double)

    /// Longest accepted text answer, in characters (default 2 000).
    public static let maxTextLength = 2_000

    /// Parses raw form input for `task`, or throws a field error naming the task's field.
    public static func parse(_ raw: String, for task: ServiceTask) throws(Problem) -> Answer {
        let text = raw.trimmingSpaces
        let field = task.fieldName
        guard !text.isEmpty else { throw .invalid(field, .answerRequired) }
        switch task.kind {
        case .text:
            if let error = TextRules.violation(of: text, field: field, lines: .multiple) { throw .validation([error]) }
            guard text.count <= maxTextLength else {
                throw .invalid(field, .tooLong, ["maximum": .number(maxTextLength)])
            }
            return .text(text)
        case .yesNo:
            switch text.lowercased() {
            case "yes", "true", "1": return .yesNo(true)
            case "no", "false", "0": return .yesNo(false)
            default: throw .invalid(field, .yesOrNo)
            }
        case .choice(let options):
            guard options.contains(text) else {
                throw .invalid(field, .oneOf, ["choices": .list(options)])
            }
            return .choice(text)
        case .number:
            guard let value = Double(text), value.isFinite else {
                throw .invalid(field, .notANumber)
            }
            return .number(value)
        }
    }

    /// The answer as the store keeps it and the summary shows it.
    public var storedText: String {
        switch self {
        case .text(let text), .choice(let text): text
        case .yesNo(let value): value ? "yes" : "no"
        case .number(let value):
            value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        }
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
