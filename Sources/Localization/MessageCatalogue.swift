import Foundation

/// One language's words: a key (`problem.not_found`, `rule.too_long`) to a sentence with `{name}` parameters, or
/// to plural forms chosen by a count parameter. Read from `Catalogues/<language>.json`, a file a translator edits.
public struct MessageCatalogue: Sendable {
    /// A catalogue entry.
    public enum Entry: Sendable, Hashable {
        /// One sentence.
        case text(String)
        /// Forms by plural category of the parameter `count`.
        case plural(count: String, forms: [PluralCategory: String])
    }

    /// The language's code (`en`, `pl`, `ru`).
    public let language: String
    /// Every entry by key.
    public let entries: [String: Entry]

    /// Parses a catalogue file: a JSON object of `key: "sentence"` or `key: {"plural": "count", "one": …, …}`.
    public init(language: String, json: Data) throws {
        guard let object = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw MessageCatalogueError(language: language, key: nil, problem: "the file is not a JSON object")
        }
        var entries: [String: Entry] = [:]
        for (key, value) in object {
            if let text = value as? String {
                entries[key] = .text(text)
            } else if let forms = value as? [String: String], let count = forms["plural"] {
                var byCategory: [PluralCategory: String] = [:]
                for (name, text) in forms where name != "plural" {
                    guard let category = PluralCategory(rawValue: name) else {
                        throw MessageCatalogueError(
                            language: language, key: key, problem: "\(name) is not a plural category")
                    }
                    byCategory[category] = text
                }
                entries[key] = .plural(count: count, forms: byCategory)
            } else {
                throw MessageCatalogueError(
                    language: language, key: key, problem: "must be a string or a plural object")
            }
        }
        self.language = language
        self.entries = entries
    }

    /// The catalogue of `language` shipped in this module's `Catalogues` folder.
    public static func bundled(_ language: String) throws -> MessageCatalogue {
        guard let url = Bundle.module.url(forResource: language, withExtension: "json", subdirectory: "Catalogues")
        else { throw MessageCatalogueError(language: language, key: nil, problem: "no catalogue file") }
        return try MessageCatalogue(language: language, json: Data(contentsOf: url))
    }

    /// The languages with a bundled catalogue.
    public static let bundledLanguages = ["en", "pl", "ru"]
}

/// A catalogue file that cannot be read; names the language and the key.
public struct MessageCatalogueError: Error, Sendable, CustomStringConvertible {
    public var language: String
    public var key: String?
    public var problem: String
    public var description: String { "catalogue \(language)" + (key.map { " key \($0)" } ?? "") + ": \(problem)" }
}
