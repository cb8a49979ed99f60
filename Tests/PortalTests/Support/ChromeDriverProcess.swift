import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A chromedriver started for one test on a free loopback port, and stopped with everything it spawned.
final class ChromeDriverProcess: @unchecked Sendable {
    /// Longest wait for the driver to answer `/status` with `ready: true`.
    static let startupTimeout: Duration = .seconds(20)
    /// Longest wait for the driver to exit after SIGTERM before SIGKILL.
    static let shutdownTimeout: Duration = .seconds(5)

    /// Loopback port of the driver's W3C endpoint.
    let port: Int
    /// The driver's log, kept in the temporary directory for a person to read when a session fails.
    let logPath: String
    private let process: Process
    // Guarded by `lock`; @unchecked Sendable above rests on it.
    private var isStopped = false
    private let lock = NSLock()

    /// Starts chromedriver and waits until it is ready.
    init() async throws {
        let port = try BrowserEnvironment.freePort()
        self.port = port
        process = Process()
        process.executableURL = URL(fileURLWithPath: BrowserEnvironment.chromedriverPath)
        logPath = FileManager.default.temporaryDirectory.appendingPathComponent("chromedriver-\(port).log").path
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1", "--log-level=INFO", "--log-path=\(logPath)"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw WebDriverError.setup("cannot start \(BrowserEnvironment.chromedriverPath): \(error)")
        }
        do {
            try await waitUntilReady()
        } catch {
            stop()
            throw error
        }
    }

    deinit {
        stop()
    }

    /// Starts a driver, on another free port when the one picked was taken before the driver could bind it
    /// (other tests open loopback connections all the while, and ephemeral ports are shared).
    static func start(attempts: Int = 3) async throws -> ChromeDriverProcess {
        var lastError: any Error = WebDriverError.setup("chromedriver was not started")
        for _ in 0..<attempts {
            do {
                return try await ChromeDriverProcess()
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    /// Stops the driver and any browser it left behind; safe to call twice.
    func stop() {
        let shouldStop = lock.withLock {
            defer { isStopped = true }
            return !isStopped
        }
        guard shouldStop else { return }
        let pid = process.processIdentifier
        // Chromium processes are children of the driver; find them before the driver goes and they are orphaned.
        let descendants = Self.descendants(of: pid)
        if process.isRunning { kill(pid, SIGTERM) }
        let deadline = ContinuousClock.now + Self.shutdownTimeout
        while process.isRunning && ContinuousClock.now < deadline { usleep(20_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        for child in descendants { kill(child, SIGKILL) }
    }

    private func waitUntilReady() async throws {
        let deadline = ContinuousClock.now + Self.startupTimeout
        var lastProblem = "no answer"
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw WebDriverError.setup("chromedriver exited with status \(process.terminationStatus)")
            }
            do {
                let value = try await WebDriver.send(port, "GET", "/status", nil) as? [String: Any]
                if value?["ready"] as? Bool == true { return }
                lastProblem = "not ready: \(value ?? [:])"
            } catch {
                lastProblem = "\(error)"
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriverError.setup("chromedriver not ready after \(Self.startupTimeout): \(lastProblem)")
    }

    // All processes below `root`, read from /proc (children, grandchildren, …).
    private static func descendants(of root: pid_t) -> [pid_t] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var parentOf: [pid_t: pid_t] = [:]
        for entry in entries {
            guard let pid = pid_t(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // Fields after the command name: state, ppid, …
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let parent = pid_t(fields[1]) { parentOf[pid] = parent }
        }
        var found: [pid_t] = []
        var frontier: Set<pid_t> = [root]
        while !frontier.isEmpty {
            let next = parentOf.filter { frontier.contains($0.value) }.map(\.key)
            found += next
            frontier = Set(next)
        }
        return found
    }
}
