import Foundation
import Mail

/// How the portal sends mail: the sender, the transport and the outbox's pace; `repairshop serve` sets it from flags.
public struct MailSettings: Sendable {
    /// Where mail goes: an SMTP relay, or `.eml` files in a folder when no relay is configured.
    public enum Transport: Sendable, Equatable {
        case smtp(SMTPConfiguration)
        case folder(URL)
    }

    /// The folder used when no SMTP host is given (default `mail-outbox`, relative to the working directory).
    public static let defaultFolder = "mail-outbox"

    /// The sender address (default `repairshop@localhost`).
    public var fromAddress = "repairshop@localhost"
    /// The sender's display name (default `repairshop`).
    public var fromName = "repairshop"
    /// Where mail goes (default the `mail-outbox` folder).
    public var transport = Transport.folder(URL(fileURLWithPath: MailSettings.defaultFolder))
    /// Longest wait between outbox passes (default 5 s); `wake()` starts one sooner.
    public var pollInterval: Duration = .seconds(5)
    /// Most rows sent in one pass (default 20), so a backlog cannot starve shutdown.
    public var batchSize = 20
    /// How long a claimed row stays with the process that claimed it before another may send it (default 5 min):
    /// longer than one pass takes, so only a process that died gives its rows up.
    public var claimLease: Duration = .seconds(300)
    /// Backoff between attempts and when to give up (default `RetrySchedule.default`: 1 min doubling to 1 h, 12 attempts).
    public var retry = RetrySchedule.default

    /// The defaults documented on each field.
    public init() {}

    /// Sends through the SMTP relay at `host:port` with the client's default timeouts.
    public mutating func useSMTP(host: String, port: UInt16) {
        transport = .smtp(SMTPConfiguration(host: host, port: port))
    }

    /// Writes `.eml` files into the folder at `path` instead of sending.
    public mutating func useFolder(_ path: String) {
        transport = .folder(URL(fileURLWithPath: path))
    }

    /// Whether `address` is a plain ASCII `local@domain` the mail headers accept.
    public static func isPlainAddress(_ address: String) -> Bool {
        (try? MailAddress(address)) != nil
    }

    /// The transport these settings describe.
    public func makeTransport() -> any MailTransport {
        switch transport {
        case .smtp(let configuration): SMTPClient(configuration: configuration)
        case .folder(let folder): EMLWriter(folder: folder)
        }
    }
}
