/// A formatting step after `|` in a placeholder; widths count grapheme clusters (one per letter, whatever the script).
public enum TemplateFilter: Sendable, Equatable {
    /// `pad N`: left-aligned, padded with spaces to N columns (longer values are kept whole).
    case pad(Int)
    /// `right N`: right-aligned, padded on the left to N columns.
    case right(Int)
    /// `truncate N`: at most N columns; a cut value ends in `…` and never splits a letter.
    case truncate(Int)
    /// `upper`: upper case in the value's own script.
    case upper
    /// `zpl`: the ZPL `^FH` escape; applied automatically in ZPL templates.
    case zpl

    /// Parses `name args…`, checking the argument against the limits.
    static func parse(_ text: Substring, line: Int, column: Int, limits: TemplateLimits) throws(TemplateError)
        -> TemplateFilter
    {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let nameWord = words.first else {
            throw TemplateError(.malformedTag, line: line, column: column, name: "|")
        }
        let name = String(nameWord)
        let arguments = words.dropFirst()
        func width() throws(TemplateError) -> Int {
            guard arguments.count == 1, let value = Int(arguments.first!), value > 0, value <= limits.maxFilterWidth
            else {
                throw TemplateError(.badFilterArgument, line: line, column: column, name: name)
            }
            return value
        }
        func noArguments() throws(TemplateError) {
            guard arguments.isEmpty else {
                throw TemplateError(.badFilterArgument, line: line, column: column, name: name)
            }
        }
        switch name {
        case "pad": return .pad(try width())
        case "right": return .right(try width())
        case "truncate": return .truncate(try width())
        case "upper":
            try noArguments()
            return .upper
        case "zpl":
            try noArguments()
            return .zpl
        default:
            throw TemplateError(.unknownFilter, line: line, column: column, name: name)
        }
    }

    /// Applies the filter to a value.
    public func apply(_ value: String) -> String {
        switch self {
        case .pad(let width):
            return value + String(repeating: " ", count: max(0, width - value.count))
        case .right(let width):
            return String(repeating: " ", count: max(0, width - value.count)) + value
        case .truncate(let width):
            guard value.count > width else { return value }
            // Cut at a Character (grapheme cluster) so a letter with its accents stays whole,
            // and drop trailing spaces so the ellipsis sits against the last word.
            var kept = String(value.prefix(width - 1))
            while kept.last == " " { kept.removeLast() }
            return kept + "…"
        case .upper:
            return value.uppercased()
        case .zpl:
            return Self.zplEscape(value)
        }
    }

    /// `^FH` escape: `_` is the hex indicator, so it is escaped too; control characters become hex as well.
    static func zplEscape(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "^": result += "_5E"
            case "~": result += "_7E"
            case "_": result += "_5F"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "_" + hex(UInt8(scalar.value))
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
