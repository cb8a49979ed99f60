/// What the SMTP conversation was doing when it failed, and what the server said.
public struct SMTPFailure: Sendable, Equatable, CustomStringConvertible {
    /// The conversation step.
    public enum Step: String, Sendable, Equatable {
        case connect, tls, greeting, hello, startTLS, authentication, mailFrom, recipient, data, content
    }

    public var step: Step
    /// The server's reply code, nil when there was no reply (connection failure, timeout, garbage).
    public var code: Int?
    /// The server's reply text (lines joined by newlines) or a description of the local failure.
    public var reply: String

    public init(step: Step, code: Int?, reply: String) {
        self.step = step
        self.code = code
        self.reply = reply
    }

    public var description: String {
        "\(step.rawValue): \(code.map { "\($0) " } ?? "")\(reply)"
    }
}
