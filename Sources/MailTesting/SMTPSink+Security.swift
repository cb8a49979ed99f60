import Foundation

extension SMTPSink {
    /// The EHLO reply: STARTTLS while it is offered and not yet on, AUTH when credentials are set and (with TLS)
    /// the session is encrypted.
    func extendedHello(isEncrypted: Bool) -> String {
        var lines = ["sink.test greets you", "8BITMIME"]
        if behaviour.tls?.mode == .startTLS && !isEncrypted { lines.append("STARTTLS") }
        if behaviour.credentials != nil && (behaviour.tls == nil || isEncrypted) {
            lines.append("AUTH " + behaviour.authMechanisms.joined(separator: " "))
        }
        lines.append("SIZE 1000000")
        return lines.enumerated().map { index, line in
            (index == lines.count - 1 ? "250 " : "250-") + line
        }.joined(separator: "\r\n")
    }

    /// Runs the server side of the TLS handshake; false (and counted) when it fails.
    func startTLS(_ session: inout SinkSession) -> Bool {
        guard let tls = behaviour.tls,
            let encrypted = SinkTLSSession(
                descriptor: session.descriptor, certificateFile: tls.certificate.certificateFile,
                keyFile: tls.certificate.keyFile)
        else {
            recordFailedHandshake()
            return false
        }
        session.encrypt(with: encrypted)
        return true
    }

    /// AUTH PLAIN (initial response or after `334`) or AUTH LOGIN; the user name when the password matches.
    func authenticate(_ line: String, _ session: inout SinkSession) -> String? {
        let words = line.split(separator: " ").map(String.init)
        let mechanism = words.count > 1 ? words[1].uppercased() : ""
        guard behaviour.authMechanisms.contains(mechanism), let expected = behaviour.credentials else {
            session.send("504 5.5.4 mechanism not supported")
            return nil
        }
        var user: String?
        var password: String?
        if mechanism == "PLAIN" {
            var response = words.count > 2 ? words[2] : nil
            if response == nil {
                session.send("334 ")
                response = session.readLine()
            }
            let fields = Self.decode(response ?? "").split(separator: 0, omittingEmptySubsequences: false)
            if fields.count == 3 {
                user = String(decoding: fields[1], as: UTF8.self)
                password = String(decoding: fields[2], as: UTF8.self)
            }
        } else {
            session.send("334 VXNlcm5hbWU6")
            user = session.readLine().map { String(decoding: Self.decode($0), as: UTF8.self) }
            session.send("334 UGFzc3dvcmQ6")
            password = session.readLine().map { String(decoding: Self.decode($0), as: UTF8.self) }
        }
        guard user == expected.username, password == expected.password else {
            session.send("535 5.7.8 authentication credentials invalid")
            return nil
        }
        session.send("235 2.7.0 authentication successful")
        return user
    }

    private static func decode(_ base64: String) -> [UInt8] {
        Data(base64Encoded: base64).map(Array.init) ?? []
    }
}
