import CEpoll
import Glibc

extension EventLoop {
    /// Closes connections past their deadline: idle ones silently, slow requests with 408.
    func sweepDeadlines(now: UInt64) {
        let configuration = server.configuration
        for connection in Array(connections.values) where connection.deadline <= now {
            switch connection.state {
            case .idle:
                if connection.hasPendingOutput {
                    server.logError("\(connection.remoteAddress) closed: client stopped reading responses")
                }
                closeConnection(connection)
            case .readingHead:
                timeOut(connection, field: "header section", rule: "not received within \(configuration.headerTimeout)")
            case .readingBody(let pending):
                let rule =
                    slowBodyDeadline(pending).map { $0 <= now } == true
                    ? "arrived slower than \(configuration.minimumBodyBytesPerSecond) bytes/s after the first "
                        + "\(configuration.bodyGracePeriod)"
                    : "no byte received within \(configuration.bodyTimeout)"
                timeOut(connection, field: "body", rule: rule)
            case .lingering:
                closeConnection(connection)
            case .closingAfterWrite:
                server.logError("\(connection.remoteAddress) closed: final response not read in time")
                closeConnection(connection)
            case .awaitingResponse, .closed:
                break
            }
        }
    }

    /// The deadline of a body: the between-reads timeout, or the minimum rate's if that comes first.
    func bodyDeadline(_ pending: PendingRequest, now: UInt64) -> UInt64 {
        let betweenReads = now + server.configuration.bodyTimeout.nanoseconds
        return min(betweenReads, slowBodyDeadline(pending) ?? betweenReads)
    }

    /// When a body has arrived too slowly, as `mod_reqtimeout`'s `MinRate`: the grace period after the head,
    /// plus one second per `minimumBodyBytesPerSecond` bytes received; nil when no minimum rate is set.
    func slowBodyDeadline(_ pending: PendingRequest) -> UInt64? {
        let configuration = server.configuration
        guard configuration.minimumBodyBytesPerSecond > 0 else { return nil }
        let earned = UInt64(pending.receivedBodyBytes) * 1_000_000_000 / UInt64(configuration.minimumBodyBytesPerSecond)
        return pending.started + configuration.bodyGracePeriod.nanoseconds + earned
    }

    func timeOut(_ connection: Connection, field: String, rule: String) {
        if connection.hasPendingOutput {
            server.logError("\(connection.remoteAddress) closed: client stopped reading responses")
            return closeConnection(connection)
        }
        reject(connection, error: HTTPServerError(.requestTimeout, field: field, rule: rule))
        flushAndUpdate(connection)
        // A client too slow to send is not waited on to read the 408 either.
        switch connection.state {
        case .closingAfterWrite, .lingering: closeConnection(connection)
        case .idle, .readingHead, .readingBody, .awaitingResponse, .closed: break
        }
    }

    /// During shutdown: stop accepting, close idle connections, and report whether the loop may exit.
    func stopIfDrained(now: UInt64) -> Bool {
        if listenFD >= 0 {
            epoll_ctl(epollFD, EPOLL_CTL_DEL, listenFD, nil)
            close(listenFD)
            listenFD = -1
            stopDeadline = now + server.configuration.shutdownGracePeriod.nanoseconds
        }
        for connection in Array(connections.values) {
            switch connection.state {
            case .idle:
                if !connection.hasPendingOutput && connection.parser.isIdle { closeConnection(connection) }
            case .lingering:
                // Its answer is written; shutting down need not wait for the client to hang up.
                closeConnection(connection)
            case .readingHead, .readingBody, .awaitingResponse, .closingAfterWrite, .closed:
                break
            }
        }
        if connections.isEmpty { return true }
        if let stopDeadline, now >= stopDeadline {
            server.logError("shutdown: closing \(connections.count) connections still busy after the grace period")
            for connection in Array(connections.values) { closeConnection(connection) }
            return true
        }
        return false
    }
}
