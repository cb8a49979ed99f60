import Foundation
import HTTPServer
import Portal
import RepairCore
import RepairStore

/// `repairshop serve`: the portal and the JSON API on one SQLite file.
public struct ServeCommand: CLICommand {
    public static let name = "serve"
    public static let summary = "Run the web portal and the JSON API"
    public static let options: [CLIOption] = [
        CLIOption(
            "host", value: "ADDRESS",
            help: "IPv4 or IPv6 address to listen on, :: for all (default: $REPAIRSHOP_HOST, else 127.0.0.1)"),
        CLIOption(
            "port", value: "PORT", help: "Port to listen on, 0 for any free one (default: $REPAIRSHOP_PORT, else 8080)"),
        .database,
        CLIOption(
            "demo", help: "Load the demo data from the fixtures folder into an empty database ($REPAIRSHOP_DEMO=1)"),
        CLIOption(
            "fixtures", value: "DIR", help: "Folder holding demo.json (default: $REPAIRSHOP_FIXTURES, else Fixtures)"),
        CLIOption(
            "public-url", value: "URL",
            help: "Base URL for links in e-mails (default: $REPAIRSHOP_PUBLIC_URL, else http://HOST:PORT)"),
        CLIOption("secure-cookies", help: "Mark cookies Secure, for HTTPS deployments ($REPAIRSHOP_SECURE_COOKIES=1)"),
        CLIOption(
            "no-rate-limit", help: "Lift sign-in and tracking limits, for benchmarks only ($REPAIRSHOP_RATE_LIMIT=off)"),
        CLIOption(
            "threads", value: "N", help: "Event-loop threads (default: $REPAIRSHOP_THREADS, else the number of cores)"),
        CLIOption(
            "max-connections-per-address", value: "N",
            help:
                "Connections one client address may hold, IPv6 per /64; raise behind a reverse proxy (default: $REPAIRSHOP_MAX_CONNECTIONS_PER_ADDRESS, else 256)"
        ),
        CLIOption(
            "trusted-proxies", value: "LIST",
            help:
                "Reverse proxies whose X-Forwarded-For names the client, e.g. 127.0.0.1,10.0.0.0/8 (default: $REPAIRSHOP_TRUSTED_PROXIES, else none: the header is ignored)"
        ),
        CLIOption("access-log", help: "Print one line per request on standard output ($REPAIRSHOP_ACCESS_LOG=1)"),
        CLIOption(
            "smtp-host", value: "HOST",
            help: "SMTP relay for outgoing mail (default: $REPAIRSHOP_SMTP_HOST, else none: .eml files)"),
        CLIOption(
            "smtp-port", value: "PORT",
            help: "SMTP port (default: $REPAIRSHOP_SMTP_PORT, else 25; 587 with starttls, 465 with tls)"),
        CLIOption(
            "smtp-security", value: "MODE",
            help:
                "none, starttls or tls (default: $REPAIRSHOP_SMTP_SECURITY, else tls on port 465, starttls on 587, else none)"
        ),
        CLIOption(
            "smtp-user", value: "NAME",
            help: "AUTH user at the mail provider (default: $REPAIRSHOP_SMTP_USER, else no AUTH); needs TLS"),
        CLIOption(
            "smtp-password-file", value: "FILE",
            help: "File holding the AUTH password (default: $REPAIRSHOP_SMTP_PASSWORD_FILE, else $REPAIRSHOP_SMTP_PASSWORD)"),
        CLIOption(
            "smtp-ca-file", value: "FILE",
            help: "PEM certificates to trust for the SMTP server (default: $REPAIRSHOP_SMTP_CA_FILE, else the system's)"),
        CLIOption(
            "mail-from", value: "ADDRESS",
            help: "Sender address of mails (default: $REPAIRSHOP_MAIL_FROM, else repairshop@localhost)"),
        CLIOption(
            "mail-dir", value: "DIR",
            help: "Folder for .eml files when no SMTP host is set (default: $REPAIRSHOP_MAIL_DIR, else mail-outbox)"),
    ]

    let databasePath: String
    let fixturesPath: String
    let isDemo: Bool
    var server: HTTPServerConfiguration
    var portal: PortalConfiguration
    var mail: MailSettings

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        func setting(_ name: String, _ variable: String) -> String? { arguments.values[name] ?? environment[variable] }
        func flag(_ name: String, _ variable: String, on: String = "1") -> Bool {
            arguments.flags.contains(name) || environment[variable] == on
        }
        databasePath = arguments.databasePath(environment: environment)
        fixturesPath = setting("fixtures", "REPAIRSHOP_FIXTURES") ?? CLIDefaults.fixturesPath
        isDemo = flag("demo", "REPAIRSHOP_DEMO")
        server = HTTPServerConfiguration()
        server.host = setting("host", "REPAIRSHOP_HOST") ?? "127.0.0.1"
        guard (try? SocketAddress(host: server.host, port: 0)) != nil else {
            throw .usage("--host must be a numeric IPv4 or IPv6 address such as 0.0.0.0 or ::, not '\(server.host)'")
        }
        if let text = setting("port", "REPAIRSHOP_PORT") {
            guard let port = Int(text), (0...65_535).contains(port) else {
                throw .usage("--port must be a number from 0 to 65535, not '\(text)'")
            }
            server.port = port
        }
        if let text = setting("threads", "REPAIRSHOP_THREADS") {
            guard let threads = Int(text), (1...256).contains(threads) else {
                throw .usage("--threads must be a number from 1 to 256, not '\(text)'")
            }
            server.eventLoopThreads = threads
        }
        if let text = setting("max-connections-per-address", "REPAIRSHOP_MAX_CONNECTIONS_PER_ADDRESS") {
            guard let cap = Int(text), cap >= 1 else {
                throw .usage("--max-connections-per-address must be a number of at least 1, not '\(text)'")
            }
            server.maxConnectionsPerAddress = cap
        }
        if let text = setting("trusted-proxies", "REPAIRSHOP_TRUSTED_PROXIES") {
            guard let proxies = AddressRange.list(text), !proxies.isEmpty else {
                throw .usage("--trusted-proxies must list numeric addresses or CIDR blocks such as 127.0.0.1,10.0.0.0/8, not '\(text)'")
            }
            server.trustedProxies = proxies
        }
        if flag("access-log", "REPAIRSHOP_ACCESS_LOG") { server.accessLog = .fileHandle(.standardOutput) }
        portal = PortalConfiguration()
        portal.isCookieSecure = flag("secure-cookies", "REPAIRSHOP_SECURE_COOKIES")
        portal.isRateLimited = !flag("no-rate-limit", "REPAIRSHOP_RATE_LIMIT", on: "off")
        portal.publicBaseURL =
            setting("public-url", "REPAIRSHOP_PUBLIC_URL") ?? "http://\(Self.urlHost(server.host)):\(server.port)"
        guard portal.publicBaseURL.hasPrefix("http://") || portal.publicBaseURL.hasPrefix("https://") else {
            throw .usage("--public-url must start with http:// or https://")
        }
        mail = try Self.mailSettings(setting)
    }

    /// A listening address as a URL host: an IPv6 address goes in brackets (`http://[::1]:8080`).
    static func urlHost(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let output = context.output
        let portal = try Portal(store: context.openStore(at: databasePath), configuration: self.portal)
        if isDemo, try portal.store.customers().isEmpty {
            let fixtures: FixtureSet
            do {
                fixtures = try FixtureSet.load(directory: fixturesPath)
            } catch {
                throw CLIError.failure("cannot read \(fixturesPath)/\(FixtureSet.demoFileName): \(error)")
            }
            try portal.store.load(fixtures)
            output.standardOutput("loaded the demo data from \(fixturesPath) into \(databasePath)")
        }
        var configuration = server
        portal.prepare(&configuration)
        let server = HTTPServer(configuration: configuration, router: portal.makeRouter())
        do {
            try server.start()
        } catch {
            throw CLIError.failure("cannot listen on \(Self.urlHost(self.server.host)):\(self.server.port): \(error)")
        }
        // Mail waiting from before a restart goes out as soon as the deliverer starts.
        let deliverer = OutboxDeliverer(store: portal.store, transport: mail.makeTransport(), configuration: mail)
        deliverer.start()
        defer { deliverer.stop() }
        let signals = server.installSignalHandlers()
        let address = "\(Self.urlHost(self.server.host)):\(server.port)"
        output.standardOutput("repairshop is serving \(databasePath) on http://\(address)")
        server.waitUntilStopped()
        withExtendedLifetime(signals) {}
        output.standardOutput("repairshop stopped")
        return 0
    }
}
