/// One broken rule on one input field, shown beside that field.
public struct FieldError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field's name as the portal and the API call it (e.g. `serial`, `answer.3`).
    public var field: String
    /// What the field must satisfy, phrased for a person.
    public var rule: String

    /// Makes an error for `field` breaking `rule`.
    public init(field: String, rule: String) {
        self.field = field
        self.rule = rule
    }

    public var description: String { "\(field): \(rule)" }
}

/// The domain core's error: every case names the field or rule that was broken.
public enum RepairError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One or more fields are missing or malformed; nothing was written.
    case validation([FieldError])
    /// The entity named does not exist (or the caller may not know it does).
    case notFound(entity: String, key: String)
    /// The status change is not in the transition table.
    case illegalTransition(from: OrderStatus, to: OrderStatus)
    /// Staff confirmation was asked for an order that is not `submitted` (a reseller's is confirmed at approval).
    case notSubmitted(OrderNumber, status: OrderStatus)
    /// Approval was asked for an order that is no longer a draft.
    case alreadyApproved(OrderNumber)
    /// The order is not a draft, so its intake and answers cannot change.
    case notADraft(OrderNumber)
    /// The acting user may not do this (e.g. acting on another customer's order).
    case forbidden(rule: String)
    /// A unique value is already taken (e.g. a user's e-mail).
    case conflict(field: String, rule: String)

    /// Makes a validation error for one field.
    public static func invalid(_ field: String, _ rule: String) -> RepairError {
        .validation([FieldError(field: field, rule: rule)])
    }

    /// The field errors this error carries (empty for non-validation errors).
    public var fieldErrors: [FieldError] {
        switch self {
        case .validation(let errors): errors
        case .conflict(let field, let rule): [FieldError(field: field, rule: rule)]
        case .notFound, .illegalTransition, .notSubmitted, .alreadyApproved, .notADraft, .forbidden: []
        }
    }

    /// The stable, machine-readable code of the problem: the same from the pages, the API and the CLI.
    public var code: String {
        switch self {
        case .validation: "invalid_field"
        case .notFound: "not_found"
        case .illegalTransition, .notSubmitted: "illegal_transition"
        case .alreadyApproved: "already_approved"
        case .notADraft: "not_a_draft"
        case .forbidden: "forbidden"
        case .conflict: "conflict"
        }
    }

    public var description: String {
        switch self {
        case .validation(let errors):
            "invalid input: " + errors.map(\.description).joined(separator: "; ")
        case .notFound(let entity, let key): "\(entity) \(key) not found"
        case .illegalTransition(let from, let to):
            "an order cannot go from \(from.rawValue) to \(to.rawValue)"
                + (from.nextStatuses.isEmpty
                    ? "; \(from.rawValue) is final"
                    : "; it may go to: " + from.nextStatuses.map(\.rawValue).joined(separator: ", "))
        case .notSubmitted(let number, let status):
            "only a submitted order can be confirmed; order \(number) is \(status.rawValue)"
        case .alreadyApproved(let number): "order \(number) is already approved"
        case .notADraft(let number): "order \(number) is not a draft any more"
        case .forbidden(let rule): "forbidden: \(rule)"
        case .conflict(let field, let rule): "\(field): \(rule)"
        }
    }
}
