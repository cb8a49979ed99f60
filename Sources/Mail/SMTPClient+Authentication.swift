import Foundation

extension SMTPClient {
    /// AUTH with the first of the credentials' mechanisms the server offers (RFC 4954); returns the one used.
    func authenticate(_ credentials: SMTPCredentials, offered: [String], _ connection: SMTPConnection)
        throws(MailError) -> SMTPCredentials.Mechanism
    {
        guard let mechanism = credentials.mechanisms.first(where: { offered.contains($0.rawValue) }) else {
            let offer = offered.isEmpty ? "no AUTH" : "AUTH " + offered.joined(separator: " ")
            let wanted = credentials.mechanisms.map(\.rawValue).joined(separator: " or ")
            throw .permanent(
                SMTPFailure(step: .authentication, code: nil, reply: "the server offers \(offer), not \(wanted)"))
        }
        let done: SMTPReply
        switch mechanism {
        case .plain:
            // RFC 4616 §2: authorization identity (empty: the same), user name, password, NUL-separated.
            let message = [0] + Array(credentials.username.utf8) + [0] + Array(credentials.password.utf8)
            done = try command("AUTH PLAIN " + Self.base64(message), connection, step: .authentication)
        case .login:
            try challenge(try command("AUTH LOGIN", connection, step: .authentication))
            try challenge(
                try command(Self.base64(Array(credentials.username.utf8)), connection, step: .authentication))
            done = try command(Self.base64(Array(credentials.password.utf8)), connection, step: .authentication)
        }
        // 235 is success; 535 (bad credentials) is permanent, 454 (temporary failure) transient (RFC 4954 §6).
        guard done.code == 235 else { throw failure(done, step: .authentication, unexpected: done.isPositive) }
        return mechanism
    }

    /// The server must answer a LOGIN step with a `334` challenge.
    private func challenge(_ reply: SMTPReply) throws(MailError) {
        guard reply.code == 334 else { throw failure(reply, step: .authentication, unexpected: reply.isPositive) }
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }
}
