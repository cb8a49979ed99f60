/// Where and how to reach the SMTP server: a local relay in clear, or a mail provider's submission port with TLS
/// and AUTH.
public struct SMTPConfiguration: Sendable, Equatable {
    public var host: String
    /// TCP port (default 25; submission is 587 with `.startTLS`, 465 with `.implicitTLS`).
    public var port: UInt16
    /// Name sent in EHLO/HELO (default `localhost`).
    public var heloName: String
    /// Plain TCP, STARTTLS or implicit TLS (default `.none`, for a local relay).
    public var security: SMTPSecurity
    /// PEM file of the certificate authorities to trust (default nil: the system's CAs, as OpenSSL finds them).
    public var trustedCertificatesFile: String?
    /// Name the server's certificate must carry (default nil: `host`); an IP address is checked as one.
    public var tlsServerName: String?
    /// AUTH user and password (default nil: no AUTH); refused unless `security` is TLS.
    public var credentials: SMTPCredentials?
    /// Longest wait to establish the TCP connection, per resolved address (default 10 s).
    public var connectTimeout: Duration
    /// Longest wait for each reply, for the TLS handshake, and for the socket to accept each write (default 60 s;
    /// RFC 5321 §4.5.3.2 allows more).
    public var commandTimeout: Duration
    /// Longest wait for the reply after the final `.` of DATA (default 10 min, RFC 5321 §4.5.3.2.6).
    public var dataCompletionTimeout: Duration
    /// Longest reply line accepted (default 2048 bytes; RFC 5321 §4.5.3.1.5 says 512, servers exceed it).
    public var maxReplyLineLength: Int
    /// Most lines in one multi-line reply (default 100).
    public var maxReplyLines: Int

    public init(
        host: String, port: UInt16 = 25, heloName: String = "localhost", security: SMTPSecurity = .none,
        trustedCertificatesFile: String? = nil, tlsServerName: String? = nil, credentials: SMTPCredentials? = nil,
        connectTimeout: Duration = .seconds(10), commandTimeout: Duration = .seconds(60),
        dataCompletionTimeout: Duration = .seconds(600), maxReplyLineLength: Int = 2048, maxReplyLines: Int = 100
    ) {
        self.host = host
        self.port = port
        self.heloName = heloName
        self.security = security
        self.trustedCertificatesFile = trustedCertificatesFile
        self.tlsServerName = tlsServerName
        self.credentials = credentials
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.dataCompletionTimeout = dataCompletionTimeout
        self.maxReplyLineLength = maxReplyLineLength
        self.maxReplyLines = maxReplyLines
    }

    /// The name checked against the server's certificate.
    var certificateName: String { tlsServerName ?? host }
}
