import CEpoll
import Foundation
import Glibc
import Synchronization

/// One epoll thread: accepts on its own listening socket and drives its connections.
///
/// Connection state is touched only on this loop's thread; the only cross-thread
/// entries are `complete` (worker results) and `requestStop`, both behind a Mutex
/// or atomic and signalled through an eventfd.
final class EventLoop: @unchecked Sendable {
    let server: ServerContext
    let epollFD: Int32
    let wakeFD: Int32
    var listenFD: Int32
    var connections: [Int32: Connection] = [:]
    let completions = Mutex<
        [(fd: Int32, id: UInt64, response: HTTPResponse, isHead: Bool, started: UInt64, request: HTTPRequest)]
    >([])
    let isStopRequested = Atomic<Bool>(false)
    let stopped = DispatchSemaphore(value: 0)
    var stopDeadline: UInt64?
    var nextConnectionID: UInt64 = 0
    var scratch = [UInt8](repeating: 0, count: 64 * 1024)
    /// Connections read in this turn, answered together once every ready socket has been read.
    var turn: [Connection] = []
    /// When accepting resumes after `accept` ran out of descriptors; nil while accepting.
    var acceptResumesAt: UInt64?
    /// Whether the running accept pause has been logged, so it is logged once rather than per failure.
    var isAcceptPauseLogged = false
    /// Refused connections whose 503 is still being written or whose unread bytes are drained.
    var drainingRefusals = 0
    /// Refusals since the last refusal line in the error log, and when the next line may be written.
    var unloggedRefusals = 0
    var nextRefusalLog: UInt64 = 0
    var cachedDate = ""
    var cachedDateSecond = 0

    static let listenTag: UInt64 = UInt64(UInt32.max) + 1
    static let wakeTag: UInt64 = UInt64(UInt32.max) + 2

    init(server: ServerContext, listenFD: Int32) throws(HTTPServerError) {
        self.server = server
        self.listenFD = listenFD
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollFD >= 0 else { throw Socket.failure("epoll_create1") }
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard wakeFD >= 0 else { throw Socket.failure("eventfd") }
        register(listenFD, tag: Self.listenTag, events: EPOLLIN.rawValue)
        register(wakeFD, tag: Self.wakeTag, events: EPOLLIN.rawValue)
    }

    deinit {
        close(epollFD)
        close(wakeFD)
        if listenFD >= 0 { close(listenFD) }
    }

    func register(_ fd: Int32, tag: UInt64, events: UInt32) {
        var event = epoll_event(events: events, data: epoll_data_t(u64: tag))
        epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event)
    }

    /// Sets the epoll interest of a connection from its state: read unless paused, write while output waits.
    func updateInterest(_ connection: Connection) {
        var wanted: UInt32 = 0
        switch connection.state {
        case .idle, .readingHead, .readingBody:
            if connection.output.count - connection.outputIndex < server.configuration.maxPendingOutputBytes
                && !connection.isPeerClosed
            {
                wanted |= EPOLLIN.rawValue
            }
        case .lingering:
            if !connection.isPeerClosed { wanted |= EPOLLIN.rawValue }
        case .awaitingResponse, .closingAfterWrite, .closed:
            break
        }
        if connection.hasPendingOutput { wanted |= EPOLLOUT.rawValue }
        guard wanted != connection.interest else { return }
        var event = epoll_event(events: wanted, data: epoll_data_t(u64: UInt64(connection.fd)))
        epoll_ctl(epollFD, connection.isRegistered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, connection.fd, &event)
        connection.isRegistered = true
        connection.interest = wanted
    }

    /// Thread body: waits for events, runs them, checks deadlines, until stopped and drained.
    func run() {
        var events = [epoll_event](repeating: epoll_event(), count: 256)
        var nextSweep = Socket.now() + sweepInterval
        while true {
            var timeoutNS = sweepInterval
            if let resumesAt = acceptResumesAt { timeoutNS = min(timeoutNS, resumesAt - min(resumesAt, Socket.now())) }
            let timeoutMS = Int32(max(1, min(Int(timeoutNS / 1_000_000), 1000)))
            let count = events.withUnsafeMutableBufferPointer { epoll_wait(epollFD, $0.baseAddress, 256, timeoutMS) }
            if count > 0 {
                for index in 0..<Int(count) {
                    let event = events[index]
                    switch event.data.u64 {
                    case Self.listenTag: acceptAll()
                    case Self.wakeTag: drainWakeups()
                    default: handle(fd: Int32(truncatingIfNeeded: event.data.u64), events: event.events)
                    }
                }
                if !turn.isEmpty { answerTurn() }
            }
            let now = Socket.now()
            resumeAcceptingIfDue(now: now)
            if now >= nextSweep {
                sweepDeadlines(now: now)
                nextSweep = now + sweepInterval
            }
            if isStopRequested.load(ordering: .acquiring) && stopIfDrained(now: now) { break }
        }
        stopped.signal()
    }

    /// How often deadlines are checked: a quarter of the shortest timeout, within 5 ms…250 ms.
    var sweepInterval: UInt64 {
        let c = server.configuration
        let shortest = min(c.headerTimeout.nanoseconds, c.bodyTimeout.nanoseconds, c.idleTimeout.nanoseconds)
        return min(max(shortest / 4, 5_000_000), 250_000_000)
    }

    /// Asks the loop to stop accepting, close idle connections and finish the rest; safe from any thread.
    func requestStop() {
        isStopRequested.store(true, ordering: .releasing)
        wake()
    }

    func wake() {
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    func drainWakeups() {
        var value: UInt64 = 0
        _ = read(wakeFD, &value, 8)
        let done = completions.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
        for item in done {
            guard let connection = connections[item.fd], connection.id == item.id else { continue }
            finishRequest(connection, request: item.request, response: item.response, started: item.started)
            // Written, and any pipelined request behind it answered, with the rest of the turn.
            queueForTurn(connection)
        }
    }

    /// Called by a worker with a handler's response; the loop writes it.
    func complete(fd: Int32, id: UInt64, request: HTTPRequest, response: HTTPResponse, started: UInt64) {
        completions.withLock { $0.append((fd, id, response, request.method == .head, started, request)) }
        wake()
    }

    func handle(fd: Int32, events: UInt32) {
        guard let connection = connections[fd] else { return }
        // Both directions closed while a worker runs: nobody will read the answer, and a level-triggered
        // HUP would otherwise wake the loop again and again until the worker finishes.
        if case .awaitingResponse = connection.state, events & EPOLLHUP.rawValue != 0 {
            closeConnection(connection)
            return
        }
        if events & (EPOLLERR.rawValue) != 0 {
            closeConnection(connection)
            return
        }
        if events & EPOLLOUT.rawValue != 0 {
            guard connection.flush() else { return closeConnection(connection) }
            afterFlush(connection)
            if case .closed = connection.state { return }
            // Parsing stopped at maxPendingOutputBytes with requests still buffered; now that output drained,
            // nothing else would make the loop look at them (the client may have sent everything already).
            if connection.hasUnparsedInput { queueForTurn(connection) }
        }
        if events & (EPOLLIN.rawValue | EPOLLHUP.rawValue) != 0, receive(connection) {
            queueForTurn(connection)
        }
    }

    func queueForTurn(_ connection: Connection) {
        guard !connection.isInTurn else { return }
        connection.isInTurn = true
        turn.append(connection)
    }

    /// Answers what this turn read, inside the application's `aroundTurn` when it has one.
    func answerTurn() {
        var isAnswered = false
        if let around = server.configuration.aroundTurn {
            around {
                isAnswered = true
                answerQueued()
            }
        }
        // Without a hook, or if the hook did not call its argument: the connections must not wait.
        if !isAnswered { answerQueued() }
        turn.removeAll(keepingCapacity: true)
    }

    private func answerQueued() {
        for connection in turn {
            connection.isInTurn = false
            answer(connection)
        }
    }

    func closeConnection(_ connection: Connection) {
        if case .closed = connection.state { return }
        connection.state = .closed
        epoll_ctl(epollFD, EPOLL_CTL_DEL, connection.fd, nil)
        connections[connection.fd] = nil
        if let key = connection.addressKey {
            server.openConnections.subtract(1, ordering: .relaxed)
            server.connectionsPerAddress.release(key)
        } else {
            drainingRefusals -= 1
        }
    }

    /// The `Date` field value, formatted once per second.
    var date: String {
        let second = time(nil)
        if second != cachedDateSecond {
            cachedDateSecond = second
            var tm = tm()
            var now = second
            gmtime_r(&now, &tm)
            var buffer = [CChar](repeating: 0, count: 64)
            strftime(&buffer, 64, "%a, %d %b %Y %H:%M:%S GMT", &tm)
            cachedDate = String(nullTerminated: buffer)
        }
        return cachedDate
    }
}
