import Foundation
import HTTPServer
import Localization
import RepairCore
import Testing

@testable import Portal

/// Every problem, rule and entity has words in every bundled catalogue, no catalogue holds words nobody uses,
/// plural entries have the forms their language needs, and one key names the same parameters in every language.
@Suite("Catalogue completeness")
struct CatalogueCompletenessTests {
    static let catalogues: [MessageCatalogue] = MessageCatalogue.bundledLanguages.map {
        // A missing or broken bundled file is a build error, not a test result.
        try! MessageCatalogue.bundled($0)
    }

    @Test(arguments: catalogues.map(\.language))
    func everyCodeRuleAndEntityHasWords(language: String) throws {
        let keys = try #require(Self.catalogues.first { $0.language == language }).entries.keys
        for code in ProblemCode.all {
            let hasWords = keys.contains("problem.\(code)") || keys.contains { $0.hasPrefix("problem.\(code).") }
            #expect(hasWords, "\(language): no problem.\(code) or problem.\(code).<reason>")
        }
        for key in ProblemReasonScan.usedKeys where !keys.contains(key) {
            Issue.record("\(language): \(key) is thrown but has no words")
        }
        for rule in FieldRule.Code.allCases where !keys.contains("rule.\(rule.rawValue)") {
            Issue.record("\(language): no rule.\(rule.rawValue)")
        }
        for entity in Entity.allCases where !keys.contains(entity.termKey) {
            Issue.record("\(language): no \(entity.termKey)")
        }
        for key in PageKeyScan.usedKeys.sorted() where !keys.contains(key) {
            Issue.record("\(language): the pages use \(key) but it has no words")
        }
    }

    @Test(arguments: catalogues.map(\.language))
    func everyKeyIsUsed(language: String) throws {
        let keys = try #require(Self.catalogues.first { $0.language == language }).entries.keys
        let unused = keys.sorted().filter { !ProblemReasonScan.isUsed($0) && !PageKeyScan.usedKeys.contains($0) }
        for key in unused {
            Issue.record("\(language): \(key) is in the catalogue but nothing uses it")
        }
    }

    @Test(arguments: catalogues.map(\.language))
    func pluralEntriesHaveEveryFormTheLanguageNeeds(language: String) throws {
        let catalogue = try #require(Self.catalogues.first { $0.language == language })
        let needed = PluralCategory.needed(by: language)
        for (key, entry) in catalogue.entries {
            guard case .plural(_, let forms) = entry else { continue }
            let missing = needed.subtracting(forms.keys)
            #expect(missing.isEmpty, "\(language): \(key) lacks \(missing.map(\.rawValue).sorted())")
        }
    }

    @Test func aKeyNamesTheSameParametersInEveryLanguage() {
        let english = Self.catalogues.first { $0.language == "en" }
        #expect(english != nil, "English is the reference catalogue")
        guard let english else { return }
        for other in Self.catalogues where other.language != english.language {
            for (key, entry) in other.entries {
                guard let reference = english.entries[key] else {
                    Issue.record("\(other.language): \(key) is not in the English catalogue")
                    continue
                }
                #expect(
                    Self.parameters(entry) == Self.parameters(reference),
                    "\(other.language): \(key) names other parameters than English")
            }
            for key in english.entries.keys where other.entries[key] == nil {
                Issue.record("\(other.language): \(key) is missing")
            }
        }
    }

    // A wrong-type answer names the expected and the sent JSON type by catalogue terms (`type.integer`).
    @Test func wrongTypeTermsHaveWords() throws {
        let english = try #require(Self.catalogues.first { $0.language == "en" })
        for key in ProblemReasonScan.typeKeys {
            #expect(english.entries[key] != nil, "\(key) has no words")
        }
    }

    /// The `{name}` parameters of an entry, over all its plural forms.
    static func parameters(_ entry: MessageCatalogue.Entry) -> Set<String> {
        let texts: [String]
        switch entry {
        case .text(let text): texts = [text]
        case .plural(let count, let forms): texts = Array(forms.values) + ["{\(count)}"]
        }
        var names: Set<String> = []
        for text in texts {
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                names.insert(String(rest[rest.index(after: open)..<close]))
                rest = rest[rest.index(after: close)...]
            }
        }
        return names
    }
}
