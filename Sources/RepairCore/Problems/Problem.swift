/// The one error type: what went wrong as data (a stable code, the field at fault, named parameters, and each
/// broken field rule), put into words only at the edges (pages, API, CLI, mail) through a catalogue per language.
///
/// Nothing was written when a problem is thrown: each store call is one transaction.
public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stable code (`invalid_field`, `not_found`, `order_not_confirmed`, …).
    public var code: ProblemCode
    /// Which variant of the code, when its words differ (`forbidden` + `staff_only`); part of the catalogue key.
    public var reason: String?
    /// The field the problem is about, when there is one.
    public var field: String?
    /// Named parameters the words refer to (`number`, `status`, `maximum`, …).
    public var parameters: [String: ProblemValue]
    /// Every field at fault, each with its rule (validation and conflicts).
    public var fieldErrors: [FieldError]

    /// A problem with `code` and whatever it is about.
    public init(
        _ code: ProblemCode, reason: String? = nil, field: String? = nil, parameters: [String: ProblemValue] = [:],
        fieldErrors: [FieldError] = []
    ) {
        self.code = code
        self.reason = reason
        self.field = field
        self.parameters = parameters
        self.fieldErrors = fieldErrors
    }

    /// The catalogue key of the problem's words: `problem.<code>` or `problem.<code>.<reason>`.
    public var messageKey: String {
        reason.map { "problem.\(code.rawValue).\($0)" } ?? "problem.\(code.rawValue)"
    }

    /// The code, reason, field, parameters and field rules, for logs and test output (not words for people).
    public var description: String {
        var text = code.rawValue + (reason.map { ".\($0)" } ?? "")
        if let field { text += " [\(field)]" }
        if !parameters.isEmpty {
            text += " " + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
        if !fieldErrors.isEmpty { text += ": " + fieldErrors.map(\.description).joined(separator: "; ") }
        return text
    }
}

// The core's problems, by what went wrong.
extension Problem {
    /// One or more fields are missing or malformed; nothing was written.
    public static func validation(_ errors: [FieldError]) -> Problem {
        Problem(.invalidField, field: errors.first?.field, fieldErrors: errors)
    }

    /// One field breaks `rule`.
    public static func invalid(_ field: String, _ rule: FieldRule.Code, _ parameters: [String: ProblemValue] = [:])
        -> Problem
    {
        .validation([FieldError(field: field, rule: FieldRule(rule, parameters))])
    }

    /// The `entity` with `key` does not exist (or the caller may not know it does).
    public static func notFound(_ entity: Entity, key: String) -> Problem {
        Problem(.notFound, parameters: ["entity": .term(entity.termKey), "key": .text(key)])
    }

    /// The status change is not in the transition table.
    public static func illegalTransition(from: OrderStatus, to: OrderStatus) -> Problem {
        let next = from.nextStatuses.map(\.rawValue)
        return Problem(
            .illegalTransition, reason: next.isEmpty ? "final" : nil, field: "status",
            parameters: ["from": .text(from.rawValue), "to": .text(to.rawValue), "next": .list(next)])
    }

    /// Staff confirmation of an order that is not `submitted` (a reseller's is confirmed at approval).
    public static func notSubmitted(_ number: OrderNumber, status: OrderStatus) -> Problem {
        Problem(
            .illegalTransition, reason: "not_submitted", field: "status",
            parameters: ["number": .text(number.description), "status": .text(status.rawValue)])
    }

    /// Approval was asked for an order that is no longer a draft.
    public static func alreadyApproved(_ number: OrderNumber) -> Problem {
        Problem(.alreadyApproved, parameters: ["number": .text(number.description)])
    }

    /// The order is not a draft any more, so its intake and answers cannot change.
    public static func notADraft(_ number: OrderNumber) -> Problem {
        Problem(.notADraft, parameters: ["number": .text(number.description)])
    }

    /// The acting user may not do this.
    public static func forbidden(_ reason: ForbiddenReason) -> Problem {
        Problem(.forbidden, reason: reason.rawValue)
    }

    /// `field` holds a value already taken, or the record's state refuses the change.
    public static func conflict(field: String, _ rule: FieldRule.Code, _ parameters: [String: ProblemValue] = [:])
        -> Problem
    {
        Problem(.conflict, field: field, fieldErrors: [FieldError(field: field, rule: FieldRule(rule, parameters))])
    }
}
