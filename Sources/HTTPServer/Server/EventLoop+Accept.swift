import CEpoll
import Glibc

extension EventLoop {
    /// Accepts every pending connection, admitting each under the global and per-address caps.
    func acceptAll() {
        while listenFD >= 0 {
            switch server.accept(listenFD) {
            case .accepted(let fd, let address):
                admit(fd, address: address)
            case .wouldBlock:
                if isAcceptPauseLogged {
                    isAcceptPauseLogged = false
                    server.logError("accept: connections accepted again after the pause")
                }
                return
            case .failed(let code) where code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM:
                return pauseAccepting(code)
            case .failed(let code) where code == EINTR || code == ECONNABORTED || code == EPROTO || code == EPERM:
                // This one connection failed (or the call was interrupted); others may be waiting.
                continue
            case .failed(let code):
                server.logError("accept: \(String(cString: strerror(code)))")
                return
            }
        }
    }

    /// Opens a connection if both caps allow it; otherwise answers 503.
    func admit(_ fd: Int32, address: SocketAddress) {
        let limit = server.maxConnections.load(ordering: .relaxed)
        guard server.openConnections.add(1, ordering: .relaxed).newValue <= limit else {
            server.openConnections.subtract(1, ordering: .relaxed)
            return refuse(fd, address: address, reason: "more than \(limit) connections")
        }
        // A trusted proxy carries every client behind it: it is counted by no per-address cap.
        let isTrustedProxy = server.configuration.trustedProxies.containsAddress(address)
        let key = isTrustedProxy ? nil : ClientAddressKey(address)
        let perAddress = server.configuration.maxConnectionsPerAddress
        if let key, !server.connectionsPerAddress.admit(key, limit: perAddress) {
            server.openConnections.subtract(1, ordering: .relaxed)
            return refuse(fd, address: address, reason: "more than \(perAddress) connections from \(key)")
        }
        nextConnectionID += 1
        let connection = Connection(
            fd: fd, id: nextConnectionID, remoteAddress: address.host, addressKey: key,
            limits: server.configuration.parserLimits,
            deadline: Socket.now() + server.configuration.headerTimeout.nanoseconds)
        connection.isTrustedProxy = isTrustedProxy
        connections[fd] = connection
        updateInterest(connection)
    }

    /// Answers 503 with `Connection: close` (RFC 9110 §15.6.4), then closes the way a rejected request does:
    /// write, shut down our side, drain what the client sent until it closes or the linger timeout. Closing
    /// at once with unread request bytes would send a reset, and the client could lose the 503 with it.
    func refuse(_ fd: Int32, address: SocketAddress, reason: String) {
        logRefusal(address: address, reason: reason)
        let response = HTTPResponse.text("503 Service Unavailable: too many connections\n", status: .serviceUnavailable)
        guard drainingRefusals < server.configuration.maxDrainingRefusals else {
            // Past the bound a refusal costs no descriptor beyond this call: best-effort answer, then close.
            var output: [UInt8] = []
            response.serialize(into: &output, isHead: false, keepAlive: false, date: date)
            _ = output.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            close(fd)
            return
        }
        drainingRefusals += 1
        nextConnectionID += 1
        let connection = Connection(
            fd: fd, id: nextConnectionID, remoteAddress: address.host, addressKey: nil,
            limits: server.configuration.parserLimits,
            deadline: Socket.now() + server.configuration.lingerTimeout.nanoseconds)
        connection.state = .closingAfterWrite
        response.serialize(into: &connection.output, isHead: false, keepAlive: false, date: date)
        connections[fd] = connection
        flushAndUpdate(connection)
    }

    /// Logs a refusal, at most one line per `refusalLogInterval`; the line counts the ones left out.
    func logRefusal(address: SocketAddress, reason: String) {
        let now = Socket.now()
        guard now >= nextRefusalLog else {
            unloggedRefusals += 1
            return
        }
        let unlogged = unloggedRefusals > 0 ? " (and \(unloggedRefusals) more since the last such line)" : ""
        server.logError("\(address.host) refused: \(reason)\(unlogged)")
        unloggedRefusals = 0
        nextRefusalLog = now + server.configuration.refusalLogInterval.nanoseconds
    }

    /// Out of descriptors (or socket memory): the pending connection stays queued and the level-triggered
    /// listener stays ready, so the loop would spin on `accept`. Stop listening for a while instead.
    func pauseAccepting(_ code: Int32) {
        epoll_ctl(epollFD, EPOLL_CTL_DEL, listenFD, nil)
        let pause = server.configuration.acceptPauseOnDescriptorExhaustion
        acceptResumesAt = Socket.now() + pause.nanoseconds
        guard !isAcceptPauseLogged else { return }
        isAcceptPauseLogged = true
        server.logError(
            "accept: \(String(cString: strerror(code))); pausing accepts for \(pause) at a time until it succeeds")
    }

    /// Listens again once the pause is over.
    func resumeAcceptingIfDue(now: UInt64) {
        guard let resumesAt = acceptResumesAt, now >= resumesAt else { return }
        acceptResumesAt = nil
        if listenFD >= 0 { register(listenFD, tag: Self.listenTag, events: EPOLLIN.rawValue) }
    }
}
