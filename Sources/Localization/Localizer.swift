import RepairCore

/// Turns keys and problems into one language's words: the edges (pages, API, CLI, mail) call it, nothing else does.
public struct Localizer: Sendable {
    /// The catalogue it reads.
    public let catalogue: MessageCatalogue

    /// A localizer over `catalogue`.
    public init(catalogue: MessageCatalogue) { self.catalogue = catalogue }

    /// The English localizer, read once from the bundled catalogue.
    public static let english: Localizer = {
        do {
            return Localizer(catalogue: try MessageCatalogue.bundled("en"))
        } catch {
            // The catalogue ships inside the module; without it no message can be written at all.
            fatalError("\(error)")
        }
    }()

    /// The localizer of each bundled language, read once.
    public static let bundled: [String: Localizer] = {
        var result: [String: Localizer] = [:]
        for language in MessageCatalogue.bundledLanguages {
            do {
                result[language] = Localizer(catalogue: try MessageCatalogue.bundled(language))
            } catch {
                fatalError("\(error)")
            }
        }
        return result
    }()

    /// The localizer of `language`; English for a language without a catalogue.
    public static func of(_ language: String) -> Localizer { bundled[language] ?? english }

    /// The language of its catalogue (`en`, `pl`, `ru`).
    public var language: String { catalogue.language }

    /// The words of `key` with `parameters` filled in; the key itself when the catalogue lacks it (a test
    /// keeps every catalogue complete, so a person never sees one).
    public func text(_ key: String, _ parameters: [String: ProblemValue] = [:]) -> String {
        let template: String
        switch catalogue.entries[key] {
        case .none:
            return key
        case .text(let text):
            template = text
        case .plural(let count, let forms):
            let n: Int
            if case .number(let value) = parameters[count] { n = value } else { n = 0 }
            let category = PluralCategory.of(n, language: catalogue.language)
            template = forms[category] ?? forms[.other] ?? forms.values.first ?? key
        }
        return fill(template, parameters)
    }

    /// The rule as words (`must be at most 5000 characters`).
    public func text(_ rule: FieldRule) -> String {
        text("rule.\(rule.code.rawValue)", rule.parameters)
    }

    /// The whole problem as one sentence (`invalid input: note: must be at most 5000 characters`).
    public func message(_ problem: Problem) -> String {
        var parameters = problem.parameters
        if !problem.fieldErrors.isEmpty {
            parameters["fields"] = .text(
                problem.fieldErrors.map { "\($0.field): \(text($0.rule))" }.joined(separator: "; "))
        }
        if let field = problem.field, parameters["field"] == nil { parameters["field"] = .text(field) }
        return text(problem.messageKey, parameters)
    }

    // `{name}` becomes the parameter's words; a term parameter is looked up in the catalogue.
    private func fill(_ template: String, _ parameters: [String: ProblemValue]) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if let value = parameters[name] {
                if case .term(let key) = value { result += text(key) } else { result += value.description }
            } else {
                result += "{\(name)}"
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
