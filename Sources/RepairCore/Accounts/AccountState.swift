/// Where a user account is in its life: invited (e-mail not confirmed yet), active, or disabled.
///
/// Invited → active happens once, through the confirmation link. Disabling and
/// enabling are staff events; enabling returns an account to where it was before.
public enum AccountState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Created by staff; waits for the user to confirm the e-mail and set a password.
    case invited
    /// Confirmed and not disabled: may sign in.
    case active
    /// Switched off by staff: may not sign in, whatever else holds.
    case disabled

    /// The state of `user`.
    public init(_ user: User) {
        if user.isDisabled {
            self = .disabled
        } else {
            self = user.isConfirmed ? .active : .invited
        }
    }

    /// A label for pages ("Waiting for confirmation").
    public var label: String {
        switch self {
        case .invited: "Waiting for confirmation"
        case .active: "Active"
        case .disabled: "Disabled"
        }
    }
}

extension User {
    /// The account's lifecycle state.
    public var accountState: AccountState { AccountState(self) }

    /// The account after the user confirmed it with `passwordHash`; only an invited account can be confirmed.
    public func confirming(passwordHash: String) throws(Problem) -> User {
        guard !isDisabled else { throw .forbidden(.accountDisabled) }
        guard !isConfirmed else { throw .conflict(field: "token", .accountAlreadyConfirmed) }
        var user = self
        user.passwordHash = passwordHash
        user.isConfirmed = true
        return user
    }

    /// The account switched off (`true`) or on again (`false`) by `actor`, an admin.
    ///
    /// An admin cannot disable their own account, so the shop never locks itself out by a slip.
    public func settingDisabled(_ isDisabled: Bool, by actor: User) throws(Problem) -> User {
        try actor.checkIsAdmin()
        guard !(isDisabled && actor.id == id) else {
            throw .forbidden(.ownAccount)
        }
        guard self.isDisabled != isDisabled else {
            throw .conflict(
                field: "state", isDisabled ? .accountAlreadyDisabled : .accountNotDisabled)
        }
        var user = self
        user.isDisabled = isDisabled
        return user
    }

    /// Throws unless a new confirmation link may be sent: the account must still be invited.
    public func checkCanResendConfirmation(by actor: User) throws(Problem) {
        try actor.checkIsAdmin()
        switch accountState {
        case .invited: return
        case .active: throw .conflict(field: "state", .accountAlreadyConfirmed)
        case .disabled: throw .conflict(field: "state", .accountDisabledEnableFirst)
        }
    }
}
