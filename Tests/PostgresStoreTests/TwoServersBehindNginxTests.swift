import Dispatch
import Foundation
import HTTPServer
import HTTPTesting
import PostgresStore
import PostgresTesting
import RepairCore
import RepairStore
import Synchronization
import Testing
import WebSecurity

/// Two `repairshop serve` processes on one PostgreSQL database behind Debian's nginx: a session made through one
/// works through the other, and killing one with SIGKILL under a load of approvals loses no acknowledged order.
@Suite(.enabled(if: TwoServers.isRunnable, Comment(rawValue: TwoServers.whyNot)))
struct TwoServersBehindNginxTests {
    static let intake =
        #"{"modelID":1,"serial":"35678910452","fault":"Screen flickers","locationID":1,"methodID":1,"contact":{"firstName":"Jan","surname":"Łukasiewicz","email":"jan@example.com","phone":"+48 600"}}"#

    @Test func aSessionFromOneServerWorksOnTheOtherAndAKilledServerLosesNoAcknowledgedOrder() throws {
        let servers = try TwoServers()
        defer { servers.stop() }

        // Sign in through the first process, act through the second with the same cookie.
        let first = try HTTPTestClient(port: servers.ports[0])
        let form = try first.request(.get, "/login")
        let csrf = try #require(form.text.range(of: #"name="csrf_token" value=""#).map {
            String(form.text[$0.upperBound...].prefix { $0 != "\"" })
        })
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/x-www-form-urlencoded")
        let signIn = try first.request(
            .post, "/login", headers: headers,
            body: Array("csrf_token=\(csrf)&email=customer%40example.com&password=customer-demo".utf8))
        #expect(signIn.status == 303)
        let second = try HTTPTestClient(port: servers.ports[1])
        second.cookies = first.cookies
        let orders = try second.request(.get, "/api/v1/orders")
        #expect(orders.status == 200)

        // A load of approvals through nginx, round robin over both; the first process is killed mid-way.
        let token = try servers.apiToken(for: "customer@example.com")
        let acknowledged = Mutex<[String]>([])
        let killed = Atomic<Bool>(false)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<25 {
                guard let client = try? HTTPTestClient(port: servers.nginxPort) else { continue }
                if let number = try? Self.createAndApprove(client, token: token) {
                    let count = acknowledged.withLock { $0.append(number); return $0.count }
                    if count >= 12, !killed.exchange(true, ordering: .relaxed) { servers.killFirst() }
                }
            }
        }
        let wasKilled = killed.load(ordering: .relaxed)
        #expect(wasKilled)
        let numbers = acknowledged.withLock { $0 }
        #expect(numbers.count > 12)
        // Every order an approval acknowledged is in the database, approved.
        let store = try PostgresStore(url: servers.databaseURL)
        for number in numbers {
            let order = try #require(OrderNumber(number).flatMap { try store.order(number: $0) })
            #expect(order.status == .submitted, "order \(number)")
        }
    }

    /// Creates a draft, answers its questions and approves it; the number when the approval answered 200.
    static func createAndApprove(_ client: HTTPTestClient, token: String) throws -> String? {
        func send(_ method: HTTPMethod, _ path: String, _ json: String?) throws -> HTTPTestResponse {
            var headers = HTTPHeaders()
            headers.add("Content-Type", "application/json")
            headers.add("Authorization", "Bearer \(token)")
            return try client.request(method, path, headers: headers, body: Array((json ?? "").utf8))
        }
        let created = try send(.post, "/api/v1/orders", intake)
        guard created.status == 201,
            let object = try JSONSerialization.jsonObject(with: Data(created.body)) as? [String: Any],
            let number = object["number"] as? String
        else { return nil }
        guard try send(.put, "/api/v1/orders/\(number)/answers", #"{"answers":{"1":"yes","2":"none"}}"#).status == 200
        else { return nil }
        return try send(.post, "/api/v1/orders/\(number)/approve", nil).status == 200 ? number : nil
    }
}

/// The two server processes, nginx in front, and their database.
final class TwoServers: @unchecked Sendable {
    static let nginx = "/usr/sbin/nginx"

    static var binary: String? {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("repairshop").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    static var whyNot: String {
        PostgresTestCluster.unavailableReason ?? (FileManager.default.isExecutableFile(atPath: nginx)
            ? "build the repairshop executable first (swift build)" : "nginx not installed (apt-get install nginx)")
    }

    /// Runs where PostgreSQL, nginx and the built executable are, and always under CI (failing if one is missing).
    static var isRunnable: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
            || (PostgresTestCluster.unavailableReason == nil && FileManager.default.isExecutableFile(atPath: nginx)
                && binary != nil)
    }

    let directory: URL
    let databaseURL: String
    let ports: [Int]
    let nginxPort: Int
    private var servers: [Process] = []
    private var proxy: Process?

    init() throws {
        let cluster = try PostgresTestCluster.shared()
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures").path
        databaseURL = try cluster.makeDatabase(fixtures: FixtureSet.load(directory: fixtures), named: "demo")
        directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("two-servers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        ports = [try PostgresTestCluster.freePort(), try PostgresTestCluster.freePort()]
        nginxPort = try PostgresTestCluster.freePort()
        let binary = try #require(Self.binary)
        for port in ports {
            let server = Process()
            server.executableURL = URL(fileURLWithPath: binary)
            server.arguments = ["serve", "--port", String(port), "--database", databaseURL]
            server.currentDirectoryURL = directory
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.run()
            servers.append(server)
        }
        try startNginx()
        for port in ports + [nginxPort] { try Self.waitForAnswer(port: port) }
    }

    private func startNginx() throws {
        let runAs = getuid() == 0 ? "user root;" : ""
        let config = """
            \(runAs)
            worker_processes 1;
            pid \(directory.path)/nginx.pid;
            error_log \(directory.path)/nginx-error.log;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path \(directory.path)/body;
                proxy_temp_path \(directory.path)/proxy;
                fastcgi_temp_path \(directory.path)/fastcgi;
                uwsgi_temp_path \(directory.path)/uwsgi;
                scgi_temp_path \(directory.path)/scgi;
                upstream repairshop {
                    server 127.0.0.1:\(ports[0]) max_fails=1 fail_timeout=30s;
                    server 127.0.0.1:\(ports[1]) max_fails=1 fail_timeout=30s;
                }
                server {
                    listen 127.0.0.1:\(nginxPort);
                    location / {
                        proxy_pass http://repairshop;
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    }
                }
            }
            """
        let path = directory.appendingPathComponent("nginx.conf").path
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        let nginx = Process()
        nginx.executableURL = URL(fileURLWithPath: Self.nginx)
        nginx.arguments = ["-c", path, "-p", directory.path, "-g", "daemon off;"]
        nginx.standardOutput = FileHandle.nullDevice
        nginx.standardError = FileHandle.nullDevice
        try nginx.run()
        proxy = nginx
    }

    /// A new API token of the account `email`, made in the database as the portal makes one.
    func apiToken(for email: String) throws -> String {
        let store = try PostgresStore(url: databaseURL)
        let user = try #require(try store.user(email: email))
        return try APITokenStore(store: store).create(userID: user.id, name: "load", at: Date()).token
    }

    /// Kills the first server process with SIGKILL, as a crash would.
    func killFirst() {
        kill(servers[0].processIdentifier, SIGKILL)
    }

    func stop() {
        for process in servers + [proxy].compactMap({ $0 }) where process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Waits (bounded) until something answers HTTP on `port`.
    static func waitForAnswer(port: Int) throws {
        for _ in 0..<200 {
            if let client = try? HTTPTestClient(port: port), (try? client.request(.get, "/login")) != nil { return }
            usleep(50_000)
        }
        throw PostgresTestError("nothing answered on port \(port)")
    }
}
