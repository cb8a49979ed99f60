import Foundation
import HTTPServer
import RepairCore

@testable import Portal

/// The catalogue keys the sources can produce: built from the problems themselves where the reason is data
/// (`ForbiddenReason`, the HTTP server's refusals, the transition table, JSON type kinds), and read from the
/// source text where a call site names its reason as a literal (`Problem.notFound("tracking")`).
enum ProblemReasonScan {
    /// Every `.swift` file under `Sources`, as text.
    static let sources: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
        let files =
            FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        return files.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }()

    /// `problem.<code>.<reason>` keys some code path throws.
    static let usedKeys: Set<String> = {
        var keys = Set(ForbiddenReason.allCases.map { Problem.forbidden($0).messageKey })
        // Every refusal the HTTP module can make, through the portal's one mapping.
        let statuses: [HTTPStatus] = [
            .badRequest, .contentTooLarge, .uriTooLong, .requestHeaderFieldsTooLarge,
            .requestTimeout, .notImplemented, .expectationFailed, .httpVersionNotSupported, .unsupportedMediaType,
        ]
        keys.formUnion(statuses.map { Problem(HTTPServerError($0, field: "f", rule: "r")).messageKey })
        for from in OrderStatus.allCases {
            for to in OrderStatus.allCases { keys.insert(Problem.illegalTransition(from: from, to: to).messageKey) }
        }
        // Call sites naming their reason: the portal's helpers, and `Problem(.code, reason: "…")`.
        let helper = #/\.(notFound|badRequest|forbidden|unauthorized)\(\s*"([a-z0-9_]+)"/#
        let initializer = #/Problem\(\s*\.`?([A-Za-z]+)`?,\s*reason:\s*"([a-z0-9_]+)"/#
        // A module below the edge names the edge's code by its text (`ProblemCode("internal")`).
        let literal = #/Problem\(\s*ProblemCode\("([a-z0-9_]+)"\),\s*reason:\s*"([a-z0-9_]+)"/#
        for text in sources {
            for match in text.matches(of: helper) { keys.insert("problem.\(snake(match.1)).\(match.2)") }
            for match in text.matches(of: initializer) { keys.insert("problem.\(snake(match.1)).\(match.2)") }
            for match in text.matches(of: literal) { keys.insert("problem.\(match.1).\(match.2)") }
        }
        return keys.filter { $0.split(separator: ".").count == 3 }
    }()

    /// Reasons picked by an expression (`reason: isRoute ? "route" : nil`): the code is not on the line.
    static let looseReasons: Set<String> = {
        let pattern = #/reason:\s*[^,\n]*\?\s*"([a-z0-9_]+)"/#
        return Set(sources.flatMap { $0.matches(of: pattern).map { String($0.1) } })
    }()

    /// Reasons built from a template (`"tracking_\(name)_required"`), as patterns over whole keys.
    static let templates: [(prefix: String, suffix: String)] = {
        let pattern = #/\.(notFound|badRequest|forbidden|unauthorized)\(\s*"([a-z0-9_]*)\\\(\w+\)([a-z0-9_]*)"/#
        return sources.flatMap { text in
            text.matches(of: pattern).map { ("problem.\(snake($0.1)).\($0.2)", String($0.3)) }
        }
    }()

    /// `type.<kind>` terms a wrong-type answer names for the value it got.
    static let typeKeys: Set<String> = {
        let values: [JSONValue] = [.null, .bool(true), .integer(1), .number(0.5), .string(""), .structure]
        return Set(
            values.compactMap { value in
                guard case .term(let key) = value.typeError(field: "f", expected: .string).rule.parameters["actual"]
                else { return nil }
                return key
            } + JSONValue.Expected.allCases.map { "type.\($0.rawValue)" })
    }()

    /// The `expected` words `JSONValue.typeError` is called with (each becomes a `type.<expected>` term).

    /// Whether anything in the sources produces `key`.
    static func isUsed(_ key: String) -> Bool {
        let parts = key.split(separator: ".", maxSplits: 2).map(String.init)
        let codes = Set(ProblemCode.all.map(\.rawValue))
        switch (parts.first, parts.count) {
        case ("problem", 2): return codes.contains(parts[1])
        case ("problem", 3):
            return usedKeys.contains(key) || (codes.contains(parts[1]) && looseReasons.contains(parts[2]))
                || templates.contains {
                    key.count > $0.prefix.count + $0.suffix.count && key.hasPrefix($0.prefix)
                        && key.hasSuffix($0.suffix)
                }
        case ("rule", 2): return FieldRule.Code(rawValue: parts[1]) != nil
        case ("entity", 2): return Entity(rawValue: parts[1]) != nil
        case ("type", 2): return typeKeys.contains(key)
        default: return false
        }
    }

    /// `illegalTransition` → `illegal_transition`.
    static func snake(_ name: Substring) -> String {
        name.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }
}
