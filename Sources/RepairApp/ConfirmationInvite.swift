import Foundation
import RepairCore

/// What a confirmation mail carries: the account, its link's token and expiry, and whether it replaces a link.
public struct ConfirmationInvite: Sendable {
    /// The account as saved.
    public var user: User
    /// The link's token (the edge makes the URL).
    public var token: String
    /// When the link stops working.
    public var expiresAt: Date
    /// A new link for an invited account; earlier links no longer work.
    public var isResend: Bool

    /// An invite for `user`.
    public init(user: User, token: String, expiresAt: Date, isResend: Bool) {
        self.user = user
        self.token = token
        self.expiresAt = expiresAt
        self.isResend = isResend
    }
}
