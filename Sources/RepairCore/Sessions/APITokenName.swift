import Foundation

/// The name an owner gives an API token: what it is for, shown in their token list.
public enum APITokenName {
    /// Longest token name, in characters (default 100).
    public static let maxLength = 100

    /// The name trimmed of surrounding whitespace, or the rule it breaks: required, one line without control
    /// characters, at most `maxLength` characters.
    public static func validated(_ raw: String) throws(Problem) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let error = TextRules.violation(of: name, field: "name", lines: .single) { throw .validation([error]) }
        guard !name.isEmpty else { throw .invalid("name", .tokenNameRequired) }
        guard name.count <= maxLength else {
            throw .invalid("name", .tokenNameTooLong, ["maximum": .number(maxLength)])
        }
        return name
    }
}
