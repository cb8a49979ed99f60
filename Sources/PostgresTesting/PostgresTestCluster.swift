import Foundation
import Glibc
import PostgresStore
import RepairCore
import RepairStore
import Synchronization

/// A throw-away PostgreSQL cluster for tests: Debian's `initdb` and `pg_ctl` in a temporary folder, on a free
/// loopback port, started once per test process at first use and stopped when the process exits.
///
/// Run as an unprivileged user: PostgreSQL refuses to run as root, so under root (CI) its programs run as the
/// `postgres` account through `runuser`. Every test gets its own database, copied from a migrated template.
public final class PostgresTestCluster: Sendable {
    /// Why the cluster cannot start here (no PostgreSQL binaries), or nil when it can.
    public static let unavailableReason: String? = {
        binDirectory == nil ? "PostgreSQL binaries not found in /usr/lib/postgresql/*/bin (apt-get install postgresql)" : nil
    }()

    /// Whether tests that need PostgreSQL run: where the binaries are, and always under CI (`CI=true`), where
    /// a missing PostgreSQL must fail the run instead of skipping its tests.
    public static var isEnabled: Bool {
        unavailableReason == nil || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// The process's cluster, started at first use.
    public static func shared() throws -> PostgresTestCluster {
        try sharedCluster.withLock { cluster in
            if let cluster { return cluster }
            let started = try PostgresTestCluster()
            cluster = started
            atexit { PostgresTestCluster.stopShared() }
            return started
        }
    }

    private static let sharedCluster = Mutex<PostgresTestCluster?>(nil)

    let directory: URL
    let port: Int
    let binDirectory: String
    private let databaseCount = Atomic<Int>(0)
    /// Templates made so far, by name (made once, under this lock).
    private let templates = Mutex<Set<String>>([])

    private init() throws {
        guard let binDirectory = Self.binDirectory else {
            throw PostgresTestError(Self.unavailableReason ?? "no PostgreSQL")
        }
        self.binDirectory = binDirectory
        directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("repairshop-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        port = try Self.freePort()
        if getuid() == 0 { try Self.run("/bin/chown", ["postgres:postgres", directory.path]) }
        let data = directory.appendingPathComponent("data").path
        try runAsOwner(
            "\(binDirectory)/initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync",
            "--locale=C.UTF-8"])
        // Durability is not under test here: no fsync, so each test's database costs little.
        let options = [
            "port=\(port)", "listen_addresses=127.0.0.1", "unix_socket_directories=\(directory.path)", "fsync=off",
            "synchronous_commit=off", "full_page_writes=off", "max_connections=300", "shared_buffers=64MB",
        ].flatMap { ["-c", $0] }
        // The server itself as a child, not through `pg_ctl start`, whose waiting never ended under Foundation's
        // Process; `stop()` ends it with `pg_ctl stop`.
        let server = Process()
        server.executableURL = URL(fileURLWithPath: getuid() == 0 ? "/usr/sbin/runuser" : "\(binDirectory)/postgres")
        server.arguments = (getuid() == 0 ? ["-u", "postgres", "--", "\(binDirectory)/postgres"] : []) + ["-D", data] + options
        let log = directory.appendingPathComponent("log").path
        FileManager.default.createFile(atPath: log, contents: nil)
        if getuid() == 0 { try Self.run("/bin/chown", ["postgres:postgres", log]) }
        let logHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        server.standardOutput = logHandle
        server.standardError = logHandle
        server.standardInput = FileHandle.nullDevice
        try server.run()
        for _ in 0..<300 {
            if (try? PostgresConnection(url: url(database: "postgres"))) != nil { return }
            guard server.isRunning else { break }
            usleep(50_000)
        }
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        throw PostgresTestError("PostgreSQL did not start: \(text.suffix(2_000))")
    }

    /// The URL of database `name` on this cluster.
    public func url(database name: String) -> String { "postgresql://postgres@127.0.0.1:\(port)/\(name)" }

    /// A new database copied from a template that has every migration applied (and, given `fixtures`, that data
    /// set loaded); returns its URL.
    public func makeDatabase(fixtures: FixtureSet? = nil, named template: String = "migrated") throws -> String {
        let templateName = "template_\(template)"
        try templates.withLock { made in
            guard !made.contains(templateName) else { return }
            try admin("DROP DATABASE IF EXISTS \(templateName)")
            try admin("CREATE DATABASE \(templateName)")
            let store = try PostgresStore(url: url(database: templateName))
            if let fixtures { try store.load(fixtures) }
            store.closeIdleConnections()
            made.insert(templateName)
        }
        let name = "test_\(getpid())_\(databaseCount.add(1, ordering: .relaxed).newValue)"
        try admin("CREATE DATABASE \(name) TEMPLATE \(templateName)")
        return url(database: name)
    }

    /// Drops the database at `url` (made by `makeDatabase`), closing whatever is still connected to it.
    public func dropDatabase(url: String) {
        guard let name = url.split(separator: "/").last else { return }
        try? admin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Runs one statement on the `postgres` maintenance database (names here are the cluster's own, never input).
    public func admin(_ sql: String) throws {
        let connection = try PostgresConnection(url: url(database: "postgres"))
        try connection.execute(sql)
    }

    /// Stops the cluster at once and removes its folder.
    func stop() {
        _ = try? runAsOwner(
            "\(binDirectory)/pg_ctl", ["-D", directory.appendingPathComponent("data").path, "-m", "immediate", "stop"])
        try? FileManager.default.removeItem(at: directory)
    }

    static func stopShared() {
        sharedCluster.withLock { cluster in
            cluster?.stop()
            cluster = nil
        }
    }

    private func runAsOwner(_ program: String, _ arguments: [String]) throws {
        if getuid() == 0 {
            try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", program] + arguments)
        } else {
            try Self.run(program, arguments)
        }
    }

    static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        // Output to a file, not a pipe: the server pg_ctl starts would keep a pipe open, and reading it would never end.
        let outputPath = NSTemporaryDirectory() + "repairshop-pg-output-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? output.close()
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw PostgresTestError("\(program) \(arguments.joined(separator: " ")) failed: \(text)")
        }
    }

    /// The newest `/usr/lib/postgresql/N/bin` with `initdb`, or nil.
    static let binDirectory: String? = {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.compactMap(Int.init).sorted().reversed().map { "\(root)/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") }
    }()

    /// A loopback port nothing listens on now (asked of the kernel with port 0).
    public static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw PostgresTestError("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Why the test cluster could not do something.
public struct PostgresTestError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
