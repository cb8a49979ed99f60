/// A user name and password for SMTP AUTH (RFC 4954), sent only over TLS.
public struct SMTPCredentials: Sendable, Equatable, CustomStringConvertible {
    /// SASL mechanisms the client can use; both send the password itself, which is why TLS is required.
    public enum Mechanism: String, Sendable, Equatable, CaseIterable {
        /// RFC 4616: one message carrying the user name and password.
        case plain = "PLAIN"
        /// The older two-step exchange some providers still require (draft-murchison-sasl-login).
        case login = "LOGIN"
    }

    public var username: String
    public var password: String
    /// Mechanisms to try, in order of preference; the first one the server offers is used (default PLAIN, LOGIN).
    public var mechanisms: [Mechanism]

    public init(username: String, password: String, mechanisms: [Mechanism] = [.plain, .login]) {
        self.username = username
        self.password = password
        self.mechanisms = mechanisms
    }

    // Never print the password into logs by accident.
    public var description: String { "SMTPCredentials(\(username), password redacted)" }
}
