import Foundation
import Synchronization

/// A small strict HTTP/1.1 server: epoll event loops plus a worker pool for slow handlers.
public final class HTTPServer: Sendable {
    /// The settings the server was created with.
    public let configuration: HTTPServerConfiguration
    private let context: ServerContext
    private let state = Mutex<(loops: [EventLoop], port: Int, isStarted: Bool, isStopped: Bool)>(([], 0, false, false))

    /// Creates a server; nothing is bound until `start()`.
    public convenience init(configuration: HTTPServerConfiguration = HTTPServerConfiguration(), router: Router) {
        self.init(configuration: configuration, router: router, accept: Socket.accept)
    }

    /// Creates a server whose loops accept through `accept` (tests make it fail).
    init(
        configuration: HTTPServerConfiguration, router: Router,
        accept: @escaping @Sendable (Int32) -> Socket.AcceptResult
    ) {
        self.configuration = configuration
        self.context = ServerContext(configuration: configuration, router: router, accept: accept)
    }

    /// The bound port (useful with port 0); 0 before `start()`.
    public var port: Int { state.withLock { $0.port } }

    /// Binds one listening socket per loop and starts the loop threads.
    public func start() throws(HTTPServerError) {
        guard !state.withLock({ $0.isStarted || $0.isStopped }) else {
            throw HTTPServerError(.internalServerError, field: "HTTPServer", rule: "start() may be called once")
        }
        // Checked before any socket is opened: past RLIMIT_NOFILE, accept fails with EMFILE at run time.
        let budget = FileDescriptorBudget.apply(
            maxConnections: configuration.maxConnections, reserved: configuration.reservedFileDescriptors)
        context.maxConnections.store(budget.maxConnections, ordering: .relaxed)
        if let warning = budget.warning { context.logError(warning) }
        var loops: [EventLoop] = []
        var port = configuration.port
        do {
            for _ in 0..<configuration.eventLoopThreads {
                let listener = try Socket.makeListener(host: configuration.host, port: port)
                // With port 0 the first bind picks a port; the other loops join it through SO_REUSEPORT.
                port = Socket.boundPort(listener)
                loops.append(try EventLoop(server: context, listenFD: listener))
            }
        } catch {
            for loop in loops { loop.requestStop() }
            throw error
        }
        for (index, loop) in loops.enumerated() {
            let thread = Thread { loop.run() }
            thread.name = "http-loop-\(index)"
            thread.start()
        }
        state.withLock { $0 = (loops, port, true, false) }
    }

    /// Stops gracefully: no new connections, idle ones closed, requests in flight finished (within the grace period).
    public func shutdown() {
        let loops = state.withLock { $0.loops }
        for loop in loops { loop.requestStop() }
        waitUntilStopped()
    }

    /// Blocks until every loop has stopped (after `shutdown()` or a signal), then stops the workers.
    public func waitUntilStopped() {
        let loops = state.withLock { $0.loops }
        for loop in loops {
            loop.stopped.wait()
            loop.stopped.signal()  // later callers of waitUntilStopped return at once
        }
        // Before start() there is nothing to wait for, and the workers must stay for start().
        let shouldStopWorkers = state.withLock { state in
            defer { if state.isStarted { state.isStopped = true } }
            return state.isStarted && !state.isStopped
        }
        if shouldStopWorkers { context.workers.stop() }
    }

    func loopsForSignal() -> [EventLoop] { state.withLock { $0.loops } }

    /// Number of open client connections right now.
    public var openConnectionCount: Int { context.openConnections.load(ordering: .relaxed) }
}
