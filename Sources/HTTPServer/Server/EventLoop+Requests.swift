import CEpoll
import Foundation
import Glibc
import Synchronization

extension EventLoop {
    /// Reads what the socket has; returns whether there is something for `answer` to look at.
    func receive(_ connection: Connection) -> Bool {
        if case .lingering = connection.state {
            drain(connection)
            return false
        }
        // One read per turn: the turn holds what it read until it answers, so this bounds a loop's
        // buffered input to 64 KiB per ready socket; a larger body goes on in the next turn.
        while true {
            let received = scratch.withUnsafeMutableBytes { recv(connection.fd, $0.baseAddress, $0.count, 0) }
            if received > 0 {
                connection.input.append(contentsOf: scratch[0..<received])
            } else if received == 0 {
                connection.isPeerClosed = true
            } else if errno == EINTR {
                continue
            } else if errno != EAGAIN && errno != EWOULDBLOCK {
                closeConnection(connection)
                return false
            }
            return true
        }
    }

    /// Parses and answers as many received requests as the state allows (none while a worker has one),
    /// then writes.
    func answer(_ connection: Connection) {
        if case .closed = connection.state { return }
        process(connection)
        if connection.isPeerClosed {
            switch connection.state {
            case .idle, .readingHead, .readingBody:
                // The client is gone: nothing more can arrive, so no request can complete.
                if !connection.hasPendingOutput { return closeConnection(connection) }
            case .awaitingResponse, .closingAfterWrite, .lingering, .closed:
                break
            }
        }
        flushAndUpdate(connection)
    }

    func flushAndUpdate(_ connection: Connection) {
        if case .closed = connection.state { return }
        guard connection.flush() else { return closeConnection(connection) }
        afterFlush(connection)
    }

    /// After a write: close if that was the last answer, otherwise refresh interest and the write deadline.
    func afterFlush(_ connection: Connection) {
        switch connection.state {
        case .closingAfterWrite:
            if !connection.hasPendingOutput {
                if connection.isPeerClosed { return closeConnection(connection) }
                shutdown(connection.fd, Int32(SHUT_WR))
                connection.state = .lingering
                connection.deadline = Socket.now() + server.configuration.lingerTimeout.nanoseconds
            }
        case .lingering:
            break
        case .idle:
            if connection.isPeerClosed && !connection.hasPendingOutput { return closeConnection(connection) }
        case .readingHead, .readingBody, .awaitingResponse, .closed:
            break
        }
        if connection.hasPendingOutput {
            connection.deadline = Socket.now() + server.configuration.idleTimeout.nanoseconds
        }
        updateInterest(connection)
    }

    /// Runs the parser over buffered input while the connection may take another request.
    func process(_ connection: Connection) {
        let limits = server.configuration
        while true {
            switch connection.state {
            case .idle, .readingHead, .readingBody: break
            case .awaitingResponse, .closingAfterWrite, .lingering, .closed: return
            }
            if connection.output.count - connection.outputIndex >= limits.maxPendingOutputBytes {
                // Write before pausing: if the socket takes it all, no EPOLLOUT would come to resume parsing.
                guard connection.flush() else { return closeConnection(connection) }
                if connection.output.count - connection.outputIndex >= limits.maxPendingOutputBytes { return }
            }
            do {
                let event = try connection.input.withUnsafeBufferPointer { buffer throws(HTTPServerError) in
                    try connection.parser.next(in: buffer, from: &connection.inputIndex)
                }
                guard let event else {
                    if case .idle = connection.state,
                        !connection.parser.isIdle || connection.inputIndex < connection.input.count
                    {
                        connection.state = .readingHead
                        connection.deadline = Socket.now() + limits.headerTimeout.nanoseconds
                    }
                    connection.compactInput()
                    return
                }
                try handle(event, on: connection)
            } catch {
                reject(connection, error: error)
                return
            }
        }
    }

    func handle(_ event: HTTPParserEvent, on connection: Connection) throws(HTTPServerError) {
        switch event {
        case .head(let head):
            let target = head.target.utf8
            let rawPath = String(Substring(target[..<(target.firstIndex(of: UInt8(ascii: "?")) ?? target.endIndex)]))
            let match = server.router.match(head.method, rawPath: rawPath)
            connection.parser.maxBodyBytes =
                match.options.maxBodyBytes ?? server.configuration.parserLimits.defaultMaxBodyBytes
            var pending = PendingRequest(head: head, match: match, started: Socket.now())
            if match.options.streamsBodyToFile, head.framing != .none {
                pending.bodyFile = try BodyFile(directory: server.temporaryDirectory)
            }
            if head.expectsContinue {
                connection.output.append(contentsOf: "HTTP/1.1 100 Continue\r\n\r\n".utf8)
            }
            connection.isKeepAlive = head.isKeepAlive
            connection.state = .readingBody(pending)
            connection.deadline = bodyDeadline(pending, now: Socket.now())
        case .body(let range):
            guard case .readingBody(var pending) = connection.state else { return }
            if let file = pending.bodyFile {
                try connection.input.withUnsafeBufferPointer { buffer throws(HTTPServerError) in
                    try file.write(UnsafeBufferPointer(rebasing: buffer[range]))
                }
            } else {
                connection.state = .awaitingResponse  // drop the enum's copy so the append does not copy the array
                pending.bodyBytes.append(contentsOf: connection.input[range])
            }
            pending.receivedBodyBytes += range.count
            connection.state = .readingBody(pending)
            connection.deadline = bodyDeadline(pending, now: Socket.now())
        case .end:
            guard case .readingBody(let pending) = connection.state else { return }
            let body: HTTPRequestBody
            if let file = pending.bodyFile {
                file.finishWriting()
                body = .file(path: file.path, length: file.length)
                connection.finishedBodyFile = file
            } else {
                body = .bytes(pending.bodyBytes)
            }
            let client = ForwardedClient.address(
                peer: connection.remoteAddress, isTrustedPeer: connection.isTrustedProxy,
                headers: pending.head.headers, trusted: server.configuration.trustedProxies)
            var request = try HTTPRequest(
                method: pending.head.method, target: pending.head.target, version: pending.head.version,
                headers: pending.head.headers, body: body, pathParameters: pending.match.parameters,
                remoteAddress: client)
            request.routePattern = pending.match.pattern
            dispatch(request, match: pending.match, started: pending.started, on: connection)
        }
    }

    func dispatch(_ request: HTTPRequest, match: Router.Match, started: UInt64, on connection: Connection) {
        switch match.options.execution {
        case .inline:
            let response = server.respond(to: request, handler: match.handler)
            finishRequest(connection, request: request, response: response, started: started)
        case .worker:
            connection.state = .awaitingResponse
            let fd = connection.fd
            let id = connection.id
            let server = self.server
            // Holds the streamed body file even if the client disconnects while the handler runs, and lets
            // go of it before the loop hears of the response: once the loop drops its own reference (before
            // writing), the file is gone, so a client never sees the answer while the file still exists.
            let bodyFile = Mutex(connection.finishedBodyFile)
            server.workers.submit { [self] in
                let response = server.respond(to: request, handler: match.handler)
                bodyFile.withLock { $0 = nil }
                complete(fd: fd, id: id, request: request, response: response, started: started)
            }
        }
    }

    /// Queues a handler's response and moves to the next request or to closing.
    func finishRequest(_ connection: Connection, request: HTTPRequest, response: HTTPResponse, started: UInt64) {
        let keepAlive = connection.isKeepAlive && !isStopRequested.load(ordering: .relaxed)
        // The handler has returned: a streamed body file it did not move can go.
        connection.finishedBodyFile = nil
        var response = response
        if keepAlive && request.version == .http1_0 { response.headers.set("Connection", "keep-alive") }
        response.serialize(into: &connection.output, isHead: request.method == .head, keepAlive: keepAlive, date: date)
        server.logAccess(request: request, status: response.status, bytes: response.body.count, started: started)
        if keepAlive {
            connection.state = .idle
            connection.deadline = Socket.now() + server.configuration.idleTimeout.nanoseconds
        } else {
            connection.state = .closingAfterWrite
        }
    }

    /// Answers a protocol error with its status and `Connection: close`, unless a response already started.
    func reject(_ connection: Connection, error: HTTPServerError) {
        server.logError("\(connection.remoteAddress) rejected: \(error)")
        connection.state = .closingAfterWrite
        let response = error.makeResponse()
        // Every earlier response on this connection is complete, so the answer never interleaves one.
        response.serialize(into: &connection.output, isHead: false, keepAlive: false, date: date)
    }

    /// Reads and discards what a rejected or finished client still sends; closes at its end of stream.
    func drain(_ connection: Connection) {
        for _ in 0..<4 {
            let received = scratch.withUnsafeMutableBytes { recv(connection.fd, $0.baseAddress, $0.count, 0) }
            if received > 0 { continue }
            if received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { return }
            return closeConnection(connection)
        }
    }
}
