import Foundation

/// The randomness and hashing the account use cases need, passed in by the edge that owns the crypto.
public struct AccountCredentials: Sendable {
    /// A fresh single-use link token and the hash the store keeps of it.
    public var makeToken: @Sendable () -> (token: String, hash: String)
    /// The stored hash of a token as presented; nil when the text cannot be a token (no look-up then).
    public var hashToken: @Sendable (String) -> String?
    /// The stored hash of a new password.
    public var hashPassword: @Sendable (String) throws -> String
    /// Whether a typed password matches a stored hash (in constant time; an empty hash never matches).
    public var verifyPassword: @Sendable (_ password: String, _ hash: String) -> Bool

    /// Credentials from the given functions; `verifyPassword` is needed only by the password change.
    public init(
        makeToken: @escaping @Sendable () -> (token: String, hash: String),
        hashToken: @escaping @Sendable (String) -> String?,
        hashPassword: @escaping @Sendable (String) throws -> String,
        verifyPassword: @escaping @Sendable (String, String) -> Bool = { _, _ in
            preconditionFailure("AccountCredentials.verifyPassword not configured")
        }
    ) {
        self.makeToken = makeToken
        self.hashToken = hashToken
        self.hashPassword = hashPassword
        self.verifyPassword = verifyPassword
    }

    /// For tests of use cases that create no accounts: any use stops the program, so a missing wiring is loud.
    public static let unconfigured = AccountCredentials(
        makeToken: { preconditionFailure("AccountCredentials not configured") },
        hashToken: { _ in preconditionFailure("AccountCredentials not configured") },
        hashPassword: { _ in preconditionFailure("AccountCredentials not configured") })
}
