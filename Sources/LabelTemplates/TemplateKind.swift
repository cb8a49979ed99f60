/// What a template produces; the kind decides how every placeholder value is escaped.
public enum TemplateKind: String, Sendable, Equatable, CaseIterable {
    /// Fixed-width plain text: control characters in values become spaces so a value cannot break the layout.
    case text
    /// ZPL II: values are escaped for `^FH` (`^` → `_5E`, `~` → `_7E`, `_` → `_5F`) so they cannot inject commands.
    case zpl

    /// The kind for a file extension (`txt` or `zpl`), or nil for other files.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "txt": self = .text
        case "zpl": self = .zpl
        default: return nil
        }
    }

    /// Applies the kind's automatic escape to a value after the placeholder's own filters ran.
    func escape(_ value: String) -> String {
        switch self {
        case .text:
            return String(value.map { $0.isNewline || $0.unicodeScalars.contains(where: isControl) ? " " : $0 })
        case .zpl:
            return TemplateFilter.zplEscape(value)
        }
    }

    private func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }
}
