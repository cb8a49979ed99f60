import Foundation
import Mail
import MailTesting
import Portal
import Testing

@testable import RepairCLI

/// `serve`'s SMTP submission flags: TLS and AUTH as a shop's mail provider needs them, tried against a real TLS
/// SMTP server on loopback with a certificate made for the test.
@Suite("serve: SMTP submission with TLS and AUTH")
struct ServeSMTPSubmissionTests {
    static func configuration(_ transport: MailSettings.Transport) -> SMTPConfiguration? {
        if case .smtp(let configuration) = transport { configuration } else { nil }
    }

    @Test func thePortImpliesTheSecurityUnlessItIsNamed() throws {
        func security(_ arguments: [String]) throws -> (SMTPSecurity, UInt16)? {
            try Self.configuration(ServeCommand.parsed(["--smtp-host", "smtp.example.pl"] + arguments).mail.transport)
                .map { ($0.security, $0.port) }
        }
        #expect(try security([]).map { "\($0.0) \($0.1)" } == "none 25")
        #expect(try security(["--smtp-port", "587"]).map { "\($0.0) \($0.1)" } == "startTLS 587")
        #expect(try security(["--smtp-port", "465"]).map { "\($0.0) \($0.1)" } == "implicitTLS 465")
        #expect(try security(["--smtp-security", "tls"]).map { "\($0.0) \($0.1)" } == "implicitTLS 465")
        #expect(try security(["--smtp-security", "starttls"]).map { "\($0.0) \($0.1)" } == "startTLS 587")
        #expect(try security(["--smtp-port", "2525", "--smtp-security", "starttls"]).map { "\($0.0) \($0.1)" } == "startTLS 2525")
        #expect(try security(["--smtp-port", "587", "--smtp-security", "none"]).map { "\($0.0) \($0.1)" } == "none 587")
    }

    @Test(arguments: [
        (["--smtp-security", "ssl"], [:], "--smtp-security must be none, starttls or tls"),
        (["--smtp-user", "serwis"], ["REPAIRSHOP_SMTP_PASSWORD": "x"], "AUTH sends the password"),
        (["--smtp-user", "serwis", "--smtp-security", "tls"], [:], "--smtp-user needs a password"),
        (["--smtp-security", "tls"], ["REPAIRSHOP_SMTP_PASSWORD": "x"], "an SMTP password needs --smtp-user"),
        (["--smtp-security", "tls", "--smtp-ca-file", "/nonexistent/ca.pem"], [:], "--smtp-ca-file must be a readable"),
        (
            ["--smtp-security", "tls", "--smtp-user", "serwis", "--smtp-password-file", "/nonexistent/pw"], [:],
            "--smtp-password-file must be a readable file"
        ),
    ] as [([String], [String: String], String)])
    func badSubmissionSettingsAreUsageErrors(arguments: [String], environment: [String: String], message: String) {
        do throws(CLIError) {
            _ = try ServeCommand.parsed(["--smtp-host", "smtp.example.pl"] + arguments, environment: environment)
            Issue.record("no error for \(arguments)")
        } catch {
            #expect(error.exitCode == 2)
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    /// The flags a shop writes, end to end: STARTTLS, the certificate checked against a CA file, AUTH with the
    /// password from a file, and the mail arriving encrypted and authenticated.
    @Test func mailGoesThroughTheProviderOverTLSWithAuth() throws {
        let certificate = try TestCertificate.make(names: ["127.0.0.1"])
        var behaviour = SMTPSink.Behaviour()
        behaviour.tls = SMTPSink.TLS(.startTLS, certificate: certificate)
        behaviour.credentials = ("serwis@shop.test", "hasło-123")
        let sink = try SMTPSink(behaviour)
        defer { sink.stop() }
        let passwordFile = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-pw-\(UUID())").path
        try Data("hasło-123\n".utf8).write(to: URL(fileURLWithPath: passwordFile))
        let command = try ServeCommand.parsed([
            "--smtp-host", "127.0.0.1", "--smtp-port", String(sink.port), "--smtp-security", "starttls",
            "--smtp-ca-file", certificate.certificateFile, "--smtp-user", "serwis@shop.test",
            "--smtp-password-file", passwordFile, "--mail-from", "serwis@shop.test",
        ])
        let message = try MailMessage(
            from: MailAddress("serwis@shop.test"), to: [MailAddress("jan@example.test")], subject: "Zlecenie",
            body: "Dzień dobry", date: Date(), messageID: "cli-tls@shop.test")
        try command.mail.makeTransport().deliver(message)
        let envelope = try #require(sink.envelopes.first)
        #expect(envelope.isEncrypted)
        #expect(envelope.authenticatedAs == "serwis@shop.test")
        #expect(envelope.recipients == ["<jan@example.test>"])
    }
}
