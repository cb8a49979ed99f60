import CEpoll
import Glibc

extension EventLoop {
    /// Closes connections past their deadline: idle ones silently, slow requests with 408.
    func sweepDeadlines(now: UInt64) {
        for connection in Array(connections.values) where connection.deadline <= now {
            switch connection.state {
            case .idle:
                if connection.hasPendingOutput {
                    server.logError("\(connection.remoteAddress) closed: client stopped reading responses")
                }
                closeConnection(connection)
            case .readingHead:
                timeOut(connection, field: "header section", timeout: server.configuration.headerTimeout)
            case .readingBody:
                timeOut(connection, field: "body", timeout: server.configuration.bodyTimeout)
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

    func timeOut(_ connection: Connection, field: String, timeout: Duration) {
        if connection.hasPendingOutput {
            server.logError("\(connection.remoteAddress) closed: client stopped reading responses")
            return closeConnection(connection)
        }
        reject(
            connection, error: HTTPServerError(.requestTimeout, field: field, rule: "not received within \(timeout)"))
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
