import Foundation
import HTTPServer
import HTTPTesting
import PostgresStore
import PostgresTesting
import RepairCore
import RepairStore
import WebSecurity

@testable import Portal

/// A real portal on a temporary SQLite file with the demo fixtures, served over loopback on port 0; with
/// `REPAIRSHOP_TEST_DATABASE=postgresql`, on a new database of a throw-away PostgreSQL cluster instead (the
/// README's test command runs the portal suite once more so).
///
/// Every test gets its own database and server, so tests never see each other's data.
final class PortalHarness: @unchecked Sendable {
    /// The repository's `Fixtures/` folder.
    static let fixturesURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Demo accounts from `Fixtures/demo.json` (password = the part before `@` + `-demo`).
    enum Account: String, CaseIterable {
        case customer = "customer@example.com"
        case reseller = "reseller@example.com"
        case agent = "agent@example.com"
        case admin = "admin@example.com"

        var password: String { rawValue.split(separator: "@")[0] + "-demo" }
    }

    let directory: URL
    let portal: Portal
    let server: HTTPServer
    var port: Int { server.port }
    /// The portal's store, so tests can also read and change rows with SQL (written for both backends).
    let store: any SQLStorage
    /// The PostgreSQL database this harness made, dropped at the end; nil on SQLite.
    private let postgresURL: String?

    /// The database as `--database` names it to the CLI: the SQLite file or the PostgreSQL URL.
    var databaseArgument: String { postgresURL ?? directory.appendingPathComponent("test.sqlite").path }

    /// Whether this test process runs the portal on PostgreSQL (`REPAIRSHOP_TEST_DATABASE=postgresql`).
    static let isOnPostgres = ProcessInfo.processInfo.environment["REPAIRSHOP_TEST_DATABASE"] == "postgresql"

    /// Starts a portal on a fresh database at `host`; `configure` adjusts the portal settings first and `server`
    /// the HTTP server settings.
    ///
    /// The demo fixtures make the shop Polish in Warsaw; the harness asks for `shop` instead (English and UTC
    /// unless a test says otherwise), so tests that read English words read them because they asked.
    init(
        seed: Bool = true, host: String = "127.0.0.1", shop: ShopSettings = ShopSettings(language: "en"),
        configure: (inout PortalConfiguration) -> Void = { _ in },
        server configureServer: (inout HTTPServerConfiguration) -> Void = { _ in }
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("portal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = PortalConfiguration()
        configure(&configuration)
        if Self.isOnPostgres {
            let url = try PostgresTestCluster.shared().makeDatabase()
            postgresURL = url
            var storeConfiguration = PostgresStore.Configuration(url: url)
            storeConfiguration.maxIdleConnections = 2
            store = try PostgresStore(storeConfiguration)
        } else {
            postgresURL = nil
            var storeConfiguration = SQLiteStore.Configuration(
                path: directory.appendingPathComponent("test.sqlite").path)
            storeConfiguration.migrations = Portal.migrations
            store = try SQLiteStore(storeConfiguration)
        }
        portal = try Portal(store: store, configuration: configuration)
        if seed { try portal.store.load(FixtureSet.load(directory: Self.fixturesURL.path)) }
        try portal.setShopSettings(shop)
        var serverConfiguration = makeTestConfiguration()
        portal.prepare(&serverConfiguration)
        serverConfiguration.host = host
        configureServer(&serverConfiguration)
        server = HTTPServer(configuration: serverConfiguration, router: portal.makeRouter())
        try server.start()
    }

    deinit {
        server.shutdown()
        try? FileManager.default.removeItem(at: directory)
        if let postgresURL { try? PostgresTestCluster.shared().dropDatabase(url: postgresURL) }
    }

    /// A new client with an empty cookie jar.
    func client() throws -> HTTPTestClient { try HTTPTestClient(host: server.configuration.host, port: port) }

    /// A client signed in as `account` through the real sign-in form.
    func signedIn(_ account: Account) throws -> HTTPTestClient {
        try signedIn(email: account.rawValue, password: account.password)
    }

    /// A client signed in with `email` and `password`; fails the test if sign-in does not redirect.
    func signedIn(email: String, password: String) throws -> HTTPTestClient {
        let client = try client()
        let form = try client.request(.get, "/login")
        let response = try client.postForm(
            "/login", ["email": email, "password": password, "csrf_token": try Self.csrfToken(in: form.text)])
        guard response.status == 303, client.cookies["rs_session"] != nil else {
            throw HarnessError("sign-in as \(email) answered \(response.status): \(response.text.prefix(300))")
        }
        return client
    }

    /// A client signed in as `account` whose `sendJSON` calls carry an API token of that account, as API clients do.
    func apiClient(_ account: Account) throws -> HTTPTestClient {
        let client = try signedIn(account)
        guard let user = try store.user(email: account.rawValue) else { throw HarnessError("no user \(account)") }
        let token = try APITokenStore(store: store).create(userID: user.id, name: "tests", at: Date()).token
        client.bearerToken = token
        return client
    }

    /// The CSRF token of the first form in `html`.
    static func csrfToken(in html: String) throws -> String {
        guard let range = html.range(of: #"name="csrf_token" value=""#) else {
            throw HarnessError("no CSRF token in the page")
        }
        let rest = html[range.upperBound...]
        return String(rest.prefix { $0 != "\"" })
    }
}

/// A harness failure, with what went wrong.
struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension HTTPTestClient {
    /// POSTs `fields` as `application/x-www-form-urlencoded`.
    func postForm(_ path: String, _ fields: [String: String]) throws -> HTTPTestResponse {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/x-www-form-urlencoded")
        let body = fields.sorted { $0.key < $1.key }.map { "\(formEncode($0.key))=\(formEncode($0.value))" }
            .joined(separator: "&")
        return try request(.post, path, headers: headers, body: Array(body.utf8))
    }

    /// Sends `json` with `Content-Type: application/json` and an optional bearer token.
    func sendJSON(_ method: HTTPMethod, _ path: String, json: String? = nil, bearer: String? = nil) throws
        -> HTTPTestResponse
    {
        var headers = HTTPHeaders()
        if json != nil { headers.add("Content-Type", "application/json") }
        // Kept on the client itself: a table keyed by object identity handed a freed client's token to a new one.
        let token = bearer ?? bearerToken
        if let token { headers.add("Authorization", "Bearer \(token)") }
        return try request(method, path, headers: headers, body: Array((json ?? "").utf8))
    }

    private func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }
}

extension HTTPTestResponse {
    /// The body decoded as a JSON object.
    func jsonObject() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw HarnessError("the body is not a JSON object: \(text.prefix(200))")
        }
        return object
    }
}
