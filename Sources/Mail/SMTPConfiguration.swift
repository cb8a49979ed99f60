/// Where and how to reach the SMTP relay; plain TCP only (no TLS), meant for a local MTA or relay.
public struct SMTPConfiguration: Sendable, Equatable {
    public var host: String
    /// TCP port (default 25).
    public var port: UInt16
    /// Name sent in EHLO/HELO (default `localhost`).
    public var heloName: String
    /// Longest wait to establish the TCP connection, per resolved address (default 10 s).
    public var connectTimeout: Duration
    /// Longest wait for each reply, and for the socket to accept each write (default 60 s; RFC 5321 §4.5.3.2 allows more).
    public var commandTimeout: Duration
    /// Longest wait for the reply after the final `.` of DATA (default 10 min, RFC 5321 §4.5.3.2.6).
    public var dataCompletionTimeout: Duration
    /// Longest reply line accepted (default 2048 bytes; RFC 5321 §4.5.3.1.5 says 512, servers exceed it).
    public var maxReplyLineLength: Int
    /// Most lines in one multi-line reply (default 100).
    public var maxReplyLines: Int

    public init(
        host: String, port: UInt16 = 25, heloName: String = "localhost", connectTimeout: Duration = .seconds(10),
        commandTimeout: Duration = .seconds(60), dataCompletionTimeout: Duration = .seconds(600),
        maxReplyLineLength: Int = 2048, maxReplyLines: Int = 100
    ) {
        self.host = host
        self.port = port
        self.heloName = heloName
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.dataCompletionTimeout = dataCompletionTimeout
        self.maxReplyLineLength = maxReplyLineLength
        self.maxReplyLines = maxReplyLines
    }
}
