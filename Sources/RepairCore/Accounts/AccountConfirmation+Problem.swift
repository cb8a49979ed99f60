// The problems of a confirmation link that does not work: one code per state, as the API has always answered.
extension ProblemCode {
    /// A confirmation link nobody issued.
    public static let linkUnknown = ProblemCode("link_unknown")
    /// A confirmation link past its time, or replaced by a newer one.
    public static let linkExpired = ProblemCode("link_expired")
    /// A confirmation link already used.
    public static let linkUsed = ProblemCode("link_used")

    /// The account codes.
    public static let accounts: [ProblemCode] = [.linkUnknown, .linkExpired, .linkUsed]
}

extension AccountConfirmation {
    /// The problem of a link in `state` that does not work (a valid one here is a race lost: unknown).
    public static func problem(_ state: LinkState) -> Problem {
        switch state {
        case .unknown, .valid: Problem(.linkUnknown, field: "token")
        case .expired: Problem(.linkExpired, field: "token")
        case .used: Problem(.linkUsed, field: "token")
        }
    }
}
