/// How the SMTP conversation is protected.
public enum SMTPSecurity: String, Sendable, Equatable, CaseIterable {
    /// Plain TCP: only for a local MTA or relay on a trusted network (port 25).
    case none
    /// Plain TCP upgraded with STARTTLS before anything else is said (RFC 3207, port 587); a server that does not
    /// offer STARTTLS is refused, never spoken to in clear.
    case startTLS
    /// TLS from the first byte (RFC 8314 §3, port 465).
    case implicitTLS
}
