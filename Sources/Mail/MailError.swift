/// Everything that can go wrong building, sending or storing a mail; says whether a retry can help.
public enum MailError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A header field's value breaks a rule (e.g. contains CR or LF); nothing was sent.
    case invalidHeader(field: String, rule: String)
    /// An address or Message-ID is not a plain `local@domain`; nothing was sent.
    case invalidAddress(field: String, value: String, rule: String)
    /// The SMTP server or the network failed in a way a later retry may fix (4xx, refused, closed, timeout).
    case transient(SMTPFailure)
    /// The SMTP server refused for good (5xx); retrying the same mail will not help.
    case permanent(SMTPFailure)
    /// A setting makes sending impossible or unsafe (e.g. AUTH without TLS); nothing was sent.
    case configuration(setting: String, rule: String)
    /// Writing an `.eml` file failed.
    case fileSystem(path: String, operation: String, errno: Int32)

    /// True when the outbox should try again later.
    public var isTransient: Bool {
        switch self {
        case .transient, .fileSystem: return true
        case .invalidHeader, .invalidAddress, .permanent, .configuration: return false
        }
    }

    public var description: String {
        switch self {
        case .invalidHeader(let field, let rule): return "invalid header \(field): \(rule)"
        case .invalidAddress(let field, let value, let rule): return "invalid \(field) '\(value)': \(rule)"
        case .transient(let failure): return "temporary SMTP failure: \(failure)"
        case .permanent(let failure): return "permanent SMTP failure: \(failure)"
        case .configuration(let setting, let rule): return "mail setting \(setting): \(rule)"
        case .fileSystem(let path, let operation, let errno): return "\(operation) \(path) failed (errno \(errno))"
        }
    }
}
