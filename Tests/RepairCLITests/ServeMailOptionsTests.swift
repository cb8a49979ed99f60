import Portal
import Testing

@testable import RepairCLI

@Suite("serve: mail options and their environment variables")
struct ServeMailOptionsTests {
    // Read through the enum, not String(describing:): reflecting SMTPConfiguration crashed the test process.
    static func folder(_ transport: MailSettings.Transport) -> String? {
        if case .folder(let url) = transport { url.path } else { nil }
    }

    static func relay(_ transport: MailSettings.Transport) -> String? {
        if case .smtp(let configuration) = transport { "\(configuration.host):\(configuration.port)" } else { nil }
    }

    @Test func withoutAnSMTPHostMailsGoToTheFolder() throws {
        let command = try ServeCommand.parsed([])
        #expect(Self.folder(command.mail.transport)?.hasSuffix("mail-outbox") == true)
        #expect(command.mail.fromAddress == "repairshop@localhost")
        let custom = try ServeCommand.parsed(["--mail-dir", "/tmp/rs-mails"])
        #expect(Self.folder(custom.mail.transport) == "/tmp/rs-mails")
    }

    @Test func flagsBeatTheEnvironment() throws {
        let environment = [
            "REPAIRSHOP_SMTP_HOST": "relay.example", "REPAIRSHOP_SMTP_PORT": "2525",
            "REPAIRSHOP_MAIL_FROM": "env@example.com",
        ]
        let fromEnvironment = try ServeCommand.parsed([], environment: environment)
        #expect(Self.relay(fromEnvironment.mail.transport) == "relay.example:2525")
        #expect(fromEnvironment.mail.fromAddress == "env@example.com")
        let fromFlags = try ServeCommand.parsed(
            ["--smtp-host", "mx.local", "--smtp-port", "587", "--mail-from", "shop@example.com"],
            environment: environment)
        #expect(Self.relay(fromFlags.mail.transport) == "mx.local:587")
        #expect(fromFlags.mail.fromAddress == "shop@example.com")
    }

    @Test(arguments: [
        (["--smtp-port", "0"], "--smtp-port"),
        (["--smtp-port", "70000"], "--smtp-port"),
        (["--smtp-port", "abc"], "--smtp-port"),
        (["--mail-from", "not an address"], "--mail-from"),
        (["--mail-from", "a@b@c"], "--mail-from"),
        (["--mail-dir", ""], "--mail-dir"),
    ])
    func badMailOptionsAreUsageErrors(tokens: [String], option: String) {
        #expect(throws: CLIError.self) { try ServeCommand.parsed(tokens) }
        do throws(CLIError) {
            _ = try ServeCommand.parsed(tokens)
        } catch {
            #expect(error.exitCode == 2)
            #expect(error.description.contains(option))
        }
    }

    @Test func helpDocumentsEveryMailOption() {
        for option in [
            "--smtp-host HOST", "--smtp-port PORT", "--smtp-security MODE", "--smtp-user NAME",
            "--smtp-password-file FILE", "--smtp-ca-file FILE", "--mail-from ADDRESS", "--mail-dir DIR",
        ] {
            #expect(ServeCommand.helpText.contains(option))
        }
        #expect(ServeCommand.helpText.contains("$REPAIRSHOP_SMTP_HOST"))
    }
}
