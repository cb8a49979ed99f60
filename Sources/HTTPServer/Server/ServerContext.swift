import Foundation
import Synchronization

/// What every event loop and worker shares: settings, routes, the pool and the connection counts.
final class ServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let router: Router
    let workers: WorkerPool
    let openConnections = Atomic<Int>(0)
    /// `configuration.maxConnections`, unless `RLIMIT_NOFILE` made `start()` lower it.
    let maxConnections: Atomic<Int>
    let connectionsPerAddress = AddressConnectionCounts()
    /// `Socket.accept`; tests put a failing one in its place to see how the loop copes.
    let accept: @Sendable (Int32) -> Socket.AcceptResult
    let temporaryDirectory: String

    init(
        configuration: HTTPServerConfiguration, router: Router,
        accept: @escaping @Sendable (Int32) -> Socket.AcceptResult = Socket.accept
    ) {
        self.configuration = configuration
        self.router = router
        self.maxConnections = Atomic(configuration.maxConnections)
        self.accept = accept
        self.workers = WorkerPool(threadCount: configuration.workerThreads)
        var directory = NSTemporaryDirectory()
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        self.temporaryDirectory = directory
    }

    /// Runs a handler; `HTTPResponseError`s answer themselves, anything else is a logged 500.
    func respond(to request: HTTPRequest, handler: HTTPHandler) -> HTTPResponse {
        do {
            return try handler(request)
        } catch let error as any HTTPResponseError {
            return error.makeResponse()
        } catch {
            logError("\(request.remoteAddress) \(request.method.rawValue) \(request.path) failed: \(error)")
            return .text("500 Internal Server Error\n", status: .internalServerError)
        }
    }

    func logError(_ message: String) {
        configuration.errorLog?.write("\(Date().formatted(.iso8601)) error \(message)")
    }

    /// Counts the answered request in `metrics` and writes its access-log line, when either is configured.
    func logAccess(request: HTTPRequest, status: HTTPStatus, bytes: Int, started: UInt64) {
        guard configuration.metrics != nil || configuration.accessLog != nil else { return }
        let micros = (Socket.now() - started) / 1000
        configuration.metrics?.record(
            method: request.method.rawValue, route: request.routePattern, status: status.code,
            seconds: Double(micros) / 1_000_000)
        guard let log = configuration.accessLog else { return }
        let duration = String(format: "%.3f", Double(micros) / 1000)
        log.write(
            "\(request.remoteAddress) \(request.method.rawValue) \(request.target) \(status.code) \(bytes) \(duration)ms"
        )
    }
}
