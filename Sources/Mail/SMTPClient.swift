/// Sends mail over one SMTP conversation per message: (TLS,) EHLO (or HELO), (STARTTLS, EHLO,) (AUTH,) MAIL FROM,
/// RCPT TO, DATA, QUIT.
///
/// Plain TCP to a local relay, or TLS (STARTTLS or implicit, certificate and host name verified by libssl) with
/// AUTH PLAIN/LOGIN to a mail provider. Calls block; run them off the event loop.
public struct SMTPClient: Sendable {
    public var configuration: SMTPConfiguration

    public init(configuration: SMTPConfiguration) {
        self.configuration = configuration
    }

    /// Delivers the message to the envelope recipients (default: the message's To addresses).
    /// Any refused recipient fails the whole message, so the outbox keeps one state per mail.
    @discardableResult
    public func send(_ message: MailMessage, envelopeFrom: String? = nil, recipients: [String]? = nil)
        throws(MailError) -> SMTPReceipt
    {
        let sender = envelopeFrom ?? message.from.address
        let recipients = recipients ?? message.to.map(\.address)
        try MailAddress.validateDotAtom(sender, field: "envelope sender")
        for recipient in recipients {
            try MailAddress.validateDotAtom(recipient, field: "envelope recipient")
        }
        guard !recipients.isEmpty else {
            throw MailError.invalidAddress(field: "envelope recipient", value: "", rule: "at least one recipient")
        }
        try MailHeader.validateText(configuration.heloName, field: "HELO name")
        // RFC 4954 §4 and §14: PLAIN and LOGIN send the password itself, so never over a clear connection.
        if configuration.credentials != nil && configuration.security == .none {
            throw .configuration(setting: "credentials", rule: "AUTH needs security startTLS or implicitTLS")
        }

        let connection = try SMTPConnection.open(
            host: configuration.host, port: configuration.port, timeout: configuration.connectTimeout)
        if configuration.security == .implicitTLS {
            try startTLS(connection)
        }
        do {
            return try converse(connection, sender: sender, recipients: recipients, message: message)
        } catch {
            // After a refusal the server is still listening: say goodbye (RFC 5321 §4.1.1.10).
            if error.smtpReplyCode != nil {
                _ = try? command("QUIT", connection, step: .content)
            }
            throw error
        }
    }

    private func converse(_ connection: SMTPConnection, sender: String, recipients: [String], message: MailMessage)
        throws(MailError) -> SMTPReceipt
    {
        try expect(try readReply(connection, step: .greeting), step: .greeting)

        var hello = try sayHello(connection)
        if configuration.security == .startTLS {
            // RFC 3207: TLS was asked for; a server that does not offer it is not spoken to in clear.
            guard hello.extensions.keys.contains("STARTTLS") else {
                throw MailError.permanent(
                    SMTPFailure(step: .startTLS, code: nil, reply: "the server does not offer STARTTLS"))
            }
            let ready = try command("STARTTLS", connection, step: .startTLS)
            guard ready.code == 220 else { throw failure(ready, step: .startTLS, unexpected: ready.isPositive) }
            try startTLS(connection)
            // RFC 3207 §4.2: forget what was said in clear and ask again.
            hello = try sayHello(connection)
        }
        let mechanism = try configuration.credentials.map { credentials throws(MailError) in
            try authenticate(credentials, offered: hello.extensions["AUTH"] ?? [], connection)
        }
        try expect(try command("MAIL FROM:<\(sender)>", connection, step: .mailFrom), step: .mailFrom)
        for recipient in recipients {
            try expect(try command("RCPT TO:<\(recipient)>", connection, step: .recipient), step: .recipient)
        }
        let dataReply = try command("DATA", connection, step: .data)
        guard dataReply.code == 354 else {
            throw failure(dataReply, step: .data, unexpected: dataReply.isPositive)
        }
        try connection.write(
            Self.dotStuffed(message.renderedBytes()), step: .content, timeout: configuration.commandTimeout)
        let accepted = try readReply(connection, step: .content, timeout: configuration.dataCompletionTimeout)
        try expect(accepted, step: .content)
        // The message is accepted; a failing QUIT changes nothing for the sender.
        _ = try? command("QUIT", connection, step: .content)
        return SMTPReceipt(
            reply: accepted, usedExtendedHello: hello.isExtended, isEncrypted: connection.isEncrypted,
            authenticationMechanism: mechanism)
    }

    /// The server's greeting reply to EHLO, or to HELO when EHLO is unknown and neither TLS nor AUTH is wanted.
    private func sayHello(_ connection: SMTPConnection) throws(MailError) -> SMTPHello {
        let hello = try command("EHLO \(configuration.heloName)", connection, step: .hello)
        if hello.isPositive { return SMTPHello(reply: hello, isExtended: true) }
        // RFC 5321 §3.2: a server that does not know EHLO answers 5xx; fall back to HELO, which has no extensions.
        guard !hello.isTransientFailure, configuration.security == .none, configuration.credentials == nil else {
            throw failure(hello, step: .hello)
        }
        let plain = try command("HELO \(configuration.heloName)", connection, step: .hello)
        try expect(plain, step: .hello)
        return SMTPHello(reply: plain, isExtended: false)
    }

    private func startTLS(_ connection: SMTPConnection) throws(MailError) {
        try connection.startTLS(
            name: configuration.certificateName, trustedCertificatesFile: configuration.trustedCertificatesFile,
            deadline: connection.deadline(after: configuration.commandTimeout))
    }

    func command(_ line: String, _ connection: SMTPConnection, step: SMTPFailure.Step) throws(MailError)
        -> SMTPReply
    {
        try connection.write(Array((line + "\r\n").utf8), step: step, timeout: configuration.commandTimeout)
        return try readReply(connection, step: step)
    }

    /// Throws the typed failure for a reply that is not 2xx/3xx.
    func expect(_ reply: SMTPReply, step: SMTPFailure.Step) throws(MailError) {
        guard !reply.isPositive else { return }
        throw failure(reply, step: step)
    }

    /// 4xx is transient, 5xx permanent (RFC 5321 §4.2.1); a positive reply where another was due is a protocol
    /// error, treated as the server refusing for good.
    func failure(_ reply: SMTPReply, step: SMTPFailure.Step, unexpected: Bool = false) -> MailError {
        let failure = SMTPFailure(step: step, code: reply.code, reply: reply.text)
        return reply.isTransientFailure && !unexpected ? .transient(failure) : .permanent(failure)
    }

    private func readReply(_ connection: SMTPConnection, step: SMTPFailure.Step, timeout: Duration? = nil)
        throws(MailError) -> SMTPReply
    {
        let deadline = connection.deadline(after: timeout ?? configuration.commandTimeout)
        var lines: [String] = []
        while true {
            let line = try connection.readLine(
                step: step, deadline: deadline, maxLength: configuration.maxReplyLineLength)
            guard let parsed = SMTPReply.parseLine(line) else {
                throw MailError.transient(
                    SMTPFailure(step: step, code: nil, reply: "malformed reply: \(line.prefix(200))"))
            }
            lines.append(parsed.text)
            if parsed.isLast { return SMTPReply(code: parsed.code, lines: lines) }
            guard lines.count < configuration.maxReplyLines else {
                throw MailError.transient(SMTPFailure(step: step, code: parsed.code, reply: "reply has too many lines"))
            }
        }
    }

    /// RFC 5321 §4.5.2: a line starting with `.` gets one more; the content ends with CRLF `.` CRLF.
    static func dotStuffed(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var isLineStart = true
        for byte in bytes {
            if isLineStart && byte == 0x2E { output.append(0x2E) }
            output.append(byte)
            isLineStart = byte == 0x0A
        }
        if !(output.suffix(2) == [0x0D, 0x0A]) { output += [0x0D, 0x0A] }
        return output + [0x2E, 0x0D, 0x0A]
    }
}

extension MailError {
    /// The server's reply code when the failure is a server's answer.
    fileprivate var smtpReplyCode: Int? {
        switch self {
        case .transient(let failure), .permanent(let failure): return failure.code
        case .invalidHeader, .invalidAddress, .configuration, .fileSystem: return nil
        }
    }
}
