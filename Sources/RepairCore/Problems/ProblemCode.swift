/// The stable, machine-readable name of a problem: the API's `error` field, the CLI's `error [code]`, the
/// pages' `data-problem`, and the key of its words in each language's catalogue (`problem.<code>`).
///
/// Modules add their own codes as static members (the portal adds `unauthorized`, `csrf`, …); each module lists
/// its codes in an `all` array so a test can check every code has words in every catalogue.
public struct ProblemCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    /// One or more fields are missing or malformed; `fieldErrors` names each.
    public static let invalidField = ProblemCode("invalid_field")
    /// The entity named does not exist (or the caller may not know it does).
    public static let notFound = ProblemCode("not_found")
    /// The status change is not in the transition table, or staff confirmed an order that is not submitted.
    public static let illegalTransition = ProblemCode("illegal_transition")
    /// Approval was asked for an order that is no longer a draft.
    public static let alreadyApproved = ProblemCode("already_approved")
    /// The order is not a draft, so its intake and answers cannot change.
    public static let notADraft = ProblemCode("not_a_draft")
    /// The acting user may not do this; `reason` says which rule.
    public static let forbidden = ProblemCode("forbidden")
    /// A unique value is already taken, or the record is in a state that refuses the change.
    public static let conflict = ProblemCode("conflict")
    /// A label template that does not parse or names an unknown placeholder (`detail`, `line`, `column`).
    public static let invalidTemplate = ProblemCode("invalid_template")

    /// The core's codes (shipments add theirs in `ProblemCode+Shipments.swift`).
    public static let core: [ProblemCode] = [
        .invalidField, .notFound, .illegalTransition, .alreadyApproved, .notADraft, .forbidden, .conflict,
        .invalidTemplate,
    ]
}

extension ProblemCode: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}
