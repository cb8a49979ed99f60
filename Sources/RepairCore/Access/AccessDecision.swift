/// The access policy's answer.
public enum AccessDecision: Sendable, Hashable {
    /// Go ahead.
    case allowed
    /// Refused for `reason`; the viewer may know the resource exists (`403`).
    case denied(ForbiddenReason)
    /// The viewer may not know the resource exists: answer exactly as for one that does not (`404`).
    case hidden

    /// Whether the action may go ahead.
    public var isAllowed: Bool { self == .allowed }
}
