/// What confirming an account with a link did.
public enum AccountConfirmationResult: Sendable, Hashable {
    /// The account is confirmed with the new password.
    case confirmed(User)
    /// Nothing changed: the link is expired, used or unknown (never `.valid`).
    case refused(AccountConfirmation.LinkState)
}
