import Glibc

/// The life of one client connection (RFC 9112 §9); changed only on its event-loop thread.
enum ConnectionState {
    /// Between requests with no byte of the next one: the idle keep-alive timeout applies.
    case idle
    /// Receiving a request head: the header timeout (slow-loris) applies.
    case readingHead
    /// Receiving a body for a matched route: the between-bytes body timeout applies.
    case readingBody(PendingRequest)
    /// A worker runs the handler; reading pauses so responses stay in order.
    case awaitingResponse
    /// A final answer is queued; close once it is written.
    case closingAfterWrite
    /// The final answer is written and our side shut down; unread client bytes are drained until the
    /// client closes or the linger timeout, so closing with unread data cannot reset away the answer.
    case lingering
    /// Closed; the loop forgets the connection.
    case closed
}

/// A request between its head and its handler.
struct PendingRequest {
    var head: HTTPRequestHead
    var match: Router.Match
    var started: UInt64
    var bodyBytes: [UInt8] = []
    /// Body bytes received so far, counted against `minimumBodyBytesPerSecond`.
    var receivedBodyBytes = 0
    var bodyFile: BodyFile?
}

/// A temporary file receiving a streamed body; removed when the connection is done with it.
///
/// Unchecked Sendable: written only on its loop thread; once `finishWriting()` ran it is
/// read-only, and a worker holds it only to keep the file until its handler returns.
final class BodyFile: @unchecked Sendable {
    let path: String
    private(set) var fd: Int32
    private(set) var length = 0

    init(directory: String) throws(HTTPServerError) {
        var template = Array("\(directory)/http-body-XXXXXX".utf8CString)
        fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Socket.failure("mkstemp") }
        path = String(nullTerminated: template)
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPServerError) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            guard written > 0 else {
                if written < 0 && errno == EINTR { continue }
                throw Socket.failure("write body file")
            }
            offset += written
        }
        length += bytes.count
    }

    func finishWriting() {
        if fd >= 0 { close(fd) }
        fd = -1
    }

    deinit {
        finishWriting()
        unlink(path)
    }
}

/// One client socket with its buffers, parser and state; owned by a single event loop.
final class Connection {
    let fd: Int32
    let id: UInt64
    let remoteAddress: String
    /// The key the connection is counted under; nil for a refused connection, which is counted by no cap.
    let addressKey: ClientAddressKey?
    /// Whether the peer is one of `trustedProxies`, whose `X-Forwarded-For` names the client.
    var isTrustedProxy = false
    var state: ConnectionState = .idle
    var parser: HTTPParser
    var input: [UInt8] = []
    var inputIndex = 0
    var output: [UInt8] = []
    var outputIndex = 0
    var deadline: UInt64
    var isWritable = true
    var interest: UInt32 = 0
    var isRegistered = false
    /// Whether the current request lets the connection stay open.
    var isKeepAlive = true
    /// Whether the loop has queued this connection to be answered at the end of the current turn.
    var isInTurn = false
    var isPeerClosed = false
    /// Keeps a streamed body file alive until its handler has returned.
    var finishedBodyFile: BodyFile?

    init(
        fd: Int32, id: UInt64, remoteAddress: String, addressKey: ClientAddressKey?, limits: HTTPParserLimits,
        deadline: UInt64
    ) {
        self.fd = fd
        self.id = id
        self.remoteAddress = remoteAddress
        self.addressKey = addressKey
        self.parser = HTTPParser(limits: limits)
        self.deadline = deadline
    }

    deinit {
        close(fd)
    }

    var hasPendingOutput: Bool { outputIndex < output.count }

    /// Whether received bytes wait for the parser (a whole pipelined request, or part of one).
    var hasUnparsedInput: Bool { inputIndex < input.count }

    /// Sends queued output until done or the socket is full; false on a socket error.
    func flush() -> Bool {
        while outputIndex < output.count {
            let sent = output.withUnsafeBytes { raw in
                send(fd, raw.baseAddress! + outputIndex, output.count - outputIndex, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                outputIndex += sent
            } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                return true
            } else if sent < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        output.removeAll(keepingCapacity: output.capacity <= 64 * 1024)
        outputIndex = 0
        return true
    }

    /// Drops consumed input so the buffer does not grow across pipelined requests.
    func compactInput() {
        if inputIndex == input.count {
            input.removeAll(keepingCapacity: input.capacity <= 64 * 1024)
            inputIndex = 0
        } else if inputIndex > 32 * 1024 {
            input.removeFirst(inputIndex)
            inputIndex = 0
        }
    }
}
