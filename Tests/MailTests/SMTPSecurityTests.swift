import Foundation
import Mail
import MailTesting
import Testing

/// Certificates made once per test run: the sink's own, and a stranger's (same names, another key).
private let certificates = Result {
    (
        server: try TestCertificate.make(names: ["localhost", "127.0.0.1"]),
        stranger: try TestCertificate.make(names: ["localhost", "127.0.0.1"])
    )
}

@Suite struct SMTPSecurityTests {
    static let credentials = SMTPCredentials(username: "serwis@shop.test", password: "zażółć gęślą 123")

    func makeConfiguration(
        port: UInt16, security: SMTPSecurity, trust: String?, serverName: String? = nil,
        credentials: SMTPCredentials? = Self.credentials
    ) -> SMTPConfiguration {
        SMTPConfiguration(
            host: "127.0.0.1", port: port, heloName: "shop.test", security: security, trustedCertificatesFile: trust,
            tlsServerName: serverName, credentials: credentials, connectTimeout: .seconds(5),
            commandTimeout: .seconds(5), dataCompletionTimeout: .seconds(5))
    }

    /// Sends one message to a sink with `behaviour`; the configuration trusts the sink's certificate by default.
    func send(
        _ behaviour: SMTPSink.Behaviour, security: SMTPSecurity, trust: String? = "server", serverName: String? = nil,
        credentials: SMTPCredentials? = Self.credentials
    ) throws -> (Result<SMTPReceipt, MailError>, SMTPSink) {
        let sink = try SMTPSink(behaviour)
        defer { sink.stop() }
        let files = try certificates.get()
        let trustFile = trust.map { $0 == "server" ? files.server.certificateFile : files.stranger.certificateFile }
        let client = SMTPClient(
            configuration: makeConfiguration(
                port: sink.port, security: security, trust: trustFile, serverName: serverName,
                credentials: credentials))
        let message = try MailMessageTests.makeMessage()
        return (Result { () throws(MailError) -> SMTPReceipt in try client.send(message) }, sink)
    }

    func behaviour(_ mode: SMTPSink.TLS.Mode?, mechanisms: [String] = ["PLAIN", "LOGIN"]) throws -> SMTPSink.Behaviour {
        var behaviour = SMTPSink.Behaviour()
        behaviour.tls = try mode.map { SMTPSink.TLS($0, certificate: try certificates.get().server) }
        behaviour.credentials = (Self.credentials.username, Self.credentials.password)
        behaviour.authMechanisms = mechanisms
        return behaviour
    }

    @Test func startTLSThenAuthPlainDeliversOverTLS() throws {
        let (result, sink) = try send(try behaviour(.startTLS), security: .startTLS)
        let receipt = try result.get()
        #expect(receipt.isEncrypted)
        #expect(receipt.authenticationMechanism == .plain)
        let envelope = try #require(sink.envelopes.first)
        #expect(envelope.isEncrypted)
        #expect(envelope.authenticatedAs == "serwis@shop.test")
        #expect(sink.commands.prefix(3) == ["EHLO shop.test", "STARTTLS", "EHLO shop.test"])
        #expect(sink.commands[3].hasPrefix("AUTH PLAIN "))
    }

    @Test func implicitTLSWithAuthLoginAndTheCertificateCheckedByName() throws {
        let (result, sink) = try send(
            try behaviour(.implicit, mechanisms: ["LOGIN"]), security: .implicitTLS, serverName: "localhost")
        let receipt = try result.get()
        #expect(receipt.isEncrypted)
        #expect(receipt.authenticationMechanism == .login)
        #expect(sink.commands.first == "EHLO shop.test")
        #expect(sink.envelopes.first?.authenticatedAs == "serwis@shop.test")
    }

    @Test func tlsWithoutAuthIsFine() throws {
        let (result, _) = try send(try behaviour(.startTLS), security: .startTLS, credentials: nil)
        #expect(try result.get().authenticationMechanism == nil)
    }

    /// Certificate problems are permanent: retrying cannot make a wrong certificate right.
    @Test(arguments: [
        ("localhost", "server", nil as String?, "hostname mismatch"),
        ("127.0.0.1", "stranger", nil, "certificate not accepted"),
        ("127.0.0.1", nil, nil, "self-signed certificate"),
        ("127.0.0.1", "server", "smtp.other.test", "hostname mismatch"),
    ])
    func certificateThatDoesNotFitIsRefused(host: String, trust: String?, serverName: String?, expected: String) throws
    {
        let names = host == "localhost" ? ["mail.shop.test"] : []
        var behaviour = try behaviour(.implicit)
        if !names.isEmpty {
            // A certificate for another name only, trusted: the name check alone must refuse it.
            let other = try TestCertificate.make(names: names)
            behaviour.tls = SMTPSink.TLS(.implicit, certificate: other)
            let sink = try SMTPSink(behaviour)
            defer { sink.stop() }
            var configuration = makeConfiguration(port: sink.port, security: .implicitTLS, trust: other.certificateFile)
            configuration.host = "localhost"
            let error = try #require(throws: MailError.self) {
                try SMTPClient(configuration: configuration).send(try MailMessageTests.makeMessage())
            }
            try expectPermanentTLSFailure(error, containing: expected)
            #expect(sink.envelopes.isEmpty)
            return
        }
        let (result, sink) = try send(behaviour, security: .implicitTLS, trust: trust, serverName: serverName)
        let error = try #require(throws: MailError.self) { try result.get() }
        try expectPermanentTLSFailure(error, containing: expected)
        #expect(sink.commands.isEmpty)
        #expect(sink.failedHandshakes == 1)
    }

    func expectPermanentTLSFailure(_ error: MailError, containing text: String) throws {
        guard case .permanent(let failure) = error else {
            Issue.record("expected a permanent failure, got \(error)")
            return
        }
        #expect(failure.step == .tls)
        #expect(failure.reply.contains(text), "\(failure.reply)")
    }

    @Test func serverWithoutStartTLSIsNotSpokenToInClear() throws {
        let (result, sink) = try send(try behaviour(nil), security: .startTLS)
        #expect(
            throws: MailError.permanent(
                SMTPFailure(step: .startTLS, code: nil, reply: "the server does not offer STARTTLS"))
        ) { try result.get() }
        #expect(sink.commands == ["EHLO shop.test"])
    }

    /// A 454 to STARTTLS or AUTH is "try later" (RFC 3207 §4, RFC 4954 §6).
    @Test(arguments: [
        ("STARTTLS", "454 4.7.0 TLS not available due to temporary reason"),
        ("AUTH", "454 4.7.0 temporary authentication failure"),
    ])
    func temporaryRefusalIsRetried(verb: String, reply: String) throws {
        var behaviour = try behaviour(.startTLS)
        behaviour.replies = [verb: reply]
        let (result, _) = try send(behaviour, security: .startTLS)
        let error = try #require(throws: MailError.self) { try result.get() }
        #expect(error.isTransient)
    }

    /// RFC 3207 §4.2, CVE-2011-0411: lines sent in clear after `220` must not be read as if they came over TLS.
    @Test func dataPipelinedBeforeTheHandshakeIsRefused() throws {
        var behaviour = try behaviour(.startTLS)
        behaviour.replies = ["STARTTLS": "220 2.0.0 ready\r\n250 2.1.0 injected in clear"]
        let (result, sink) = try send(behaviour, security: .startTLS)
        #expect(
            throws: MailError.permanent(
                SMTPFailure(step: .tls, code: nil, reply: "the server sent data before the TLS handshake"))
        ) { try result.get() }
        #expect(sink.envelopes.isEmpty)
    }

    @Test func implicitTLSAgainstAPlainServerIsAPermanentTLSFailure() throws {
        let (result, _) = try send(try behaviour(nil), security: .implicitTLS)
        let error = try #require(throws: MailError.self) { try result.get() }
        try expectPermanentTLSFailure(error, containing: "TLS failed")
    }

    @Test(arguments: [SMTPCredentials.Mechanism.plain, .login])
    func wrongPasswordIsPermanentAndSendsNothing(mechanism: SMTPCredentials.Mechanism) throws {
        let wrong = SMTPCredentials(username: "serwis@shop.test", password: "wrong", mechanisms: [mechanism])
        let (result, sink) = try send(try behaviour(.startTLS), security: .startTLS, credentials: wrong)
        #expect(
            throws: MailError.permanent(
                SMTPFailure(step: .authentication, code: 535, reply: "5.7.8 authentication credentials invalid"))
        ) { try result.get() }
        #expect(!sink.commands.contains { $0.hasPrefix("MAIL") })
        #expect(sink.envelopes.isEmpty)
    }

    @Test func noCommonMechanismIsPermanent() throws {
        let (result, _) = try send(try behaviour(.startTLS, mechanisms: ["CRAM-MD5"]), security: .startTLS)
        #expect(
            throws: MailError.permanent(
                SMTPFailure(
                    step: .authentication, code: nil, reply: "the server offers AUTH CRAM-MD5, not PLAIN or LOGIN"))
        ) { try result.get() }
    }

    @Test func passwordIsNeverSentInClear() throws {
        let client = SMTPClient(
            configuration: makeConfiguration(port: 1, security: .none, trust: nil, credentials: Self.credentials))
        #expect(
            throws: MailError.configuration(
                setting: "credentials", rule: "AUTH needs security startTLS or implicitTLS")
        ) { try client.send(try MailMessageTests.makeMessage()) }
        #expect(!Self.credentials.description.contains("zażółć"))
    }

    @Test func unreadableTrustFileIsAConfigurationError() throws {
        let sink = try SMTPSink(try behaviour(.implicit))
        defer { sink.stop() }
        let client = SMTPClient(
            configuration: makeConfiguration(port: sink.port, security: .implicitTLS, trust: "/nonexistent/ca.pem"))
        let error = try #require(throws: MailError.self) { try client.send(try MailMessageTests.makeMessage()) }
        guard case .configuration(let setting, _) = error else {
            Issue.record("expected a configuration error, got \(error)")
            return
        }
        #expect(setting == "trustedCertificatesFile")
        #expect(!error.isTransient)
    }
}
