import Foundation

/// Where log lines go.
public enum LogSink: Sendable {
    /// Call a closure with each line (no trailing newline).
    case closure(@Sendable (String) -> Void)
    /// Append each line plus a newline to a file handle.
    case fileHandle(FileHandle)

    func write(_ line: String) {
        switch self {
        case .closure(let body): body(line)
        case .fileHandle(let handle): handle.write(Data((line + "\n").utf8))
        }
    }
}

/// Every server setting, each with a documented default.
public struct HTTPServerConfiguration: Sendable {
    /// Numeric address to bind (default `127.0.0.1`; `0.0.0.0` for all IPv4 interfaces, `::` for all
    /// IPv6 and IPv4 ones, `::1` for IPv6 loopback).
    public var host: String
    /// Port to bind; 0 picks a free one, read back from `HTTPServer.port` (default 8080).
    public var port: Int
    /// Event-loop threads, each with its own epoll set and listening socket (default: the number of cores).
    public var eventLoopThreads: Int
    /// Threads running `.worker` handlers (default: 2 × cores, at least 4).
    public var workerThreads: Int
    /// Parser limits: request line, header bytes and count, default body size.
    public var parserLimits: HTTPParserLimits
    /// Most open client connections; more are answered 503 and closed (default 16 384; lowered at start if
    /// `RLIMIT_NOFILE` cannot be raised to it plus `reservedFileDescriptors`).
    public var maxConnections: Int
    /// Most open connections from one client address, IPv6 counted per /64 (default 256: a shop's NAT with
    /// dozens of browsers at ~6 connections each fits, while one address holds at most 1/64 of the default
    /// `maxConnections`); more are answered 503 and closed.
    public var maxConnectionsPerAddress: Int
    /// File descriptors kept free for everything but client sockets: listeners, epoll, body files, logs,
    /// the database (default 128).
    public var reservedFileDescriptors: Int
    /// How long accepting pauses when `accept` fails with `EMFILE`/`ENFILE`, instead of spinning on the
    /// still-ready listener (default 100 ms).
    public var acceptPauseOnDescriptorExhaustion: Duration
    /// Refused connections (503) per event loop whose unread bytes are still drained before closing, so the
    /// client reads the 503 rather than a reset; beyond it a refusal is closed at once (default 1 024).
    public var maxDrainingRefusals: Int
    /// Shortest time between two error-log lines about refused connections; the refusals in between are
    /// counted in the next line, so a connection flood cannot flood the log (default 1 s).
    public var refusalLogInterval: Duration
    /// Time allowed to receive a whole request head, against slow-loris clients (default 10 s).
    public var headerTimeout: Duration
    /// Longest pause between two reads of a request body (default 10 s).
    public var bodyTimeout: Duration
    /// Time a body may take before `minimumBodyBytesPerSecond` applies (default 20 s, as Apache's
    /// `mod_reqtimeout` `body=20`).
    public var bodyGracePeriod: Duration
    /// Slowest average body rate: a body must arrive within `bodyGracePeriod` plus one second per this many
    /// bytes received, or it gets 408 (default 500, as `mod_reqtimeout` `MinRate=500`; 0 turns it off).
    public var minimumBodyBytesPerSecond: Int
    /// How long an idle keep-alive connection, or a stalled write, is kept (default 60 s).
    public var idleTimeout: Duration
    /// After a final answer, how long unread client bytes are drained before closing, so the answer is not lost to a reset (default 2 s).
    public var lingerTimeout: Duration
    /// How long `shutdown()` waits for requests in flight before closing everything (default 10 s).
    public var shutdownGracePeriod: Duration
    /// Bytes of responses queued on one connection before the server stops reading pipelined requests (default 1 MiB).
    public var maxPendingOutputBytes: Int
    /// Reverse proxies whose `X-Forwarded-For` names the client (default none: the header is ignored and the
    /// peer is the client). Connections from them are not counted by `maxConnectionsPerAddress`, since every
    /// client behind the proxy shares its address; the per-client limits then apply to the forwarded address.
    public var trustedProxies: [AddressRange]
    /// Counts requests by route and status and their durations, for `/metrics` (default none).
    public var metrics: RequestMetrics?
    /// One line per request: method, path, status, bytes, duration (default none).
    public var accessLog: LogSink?
    /// One line per rejected connection or failed handler (default standard error).
    public var errorLog: LogSink?
    /// Wraps each event-loop turn's answering of the requests it has just read (default none).
    ///
    /// A loop first reads every socket that epoll reported ready (and takes the responses workers
    /// finished), then answers all of it inside this closure, which should call its argument once; if
    /// it does not, the loop answers after it returns. Every `.inline` handler of the loop runs inside
    /// it, after all of the turn's reads, so an application can share per-turn state there, such as
    /// one database read snapshot. `.worker` handlers run on other threads, outside it.
    public var aroundTurn: (@Sendable (_ answer: () -> Void) -> Void)?

    /// Creates a configuration; every argument has the documented default.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        eventLoopThreads: Int = ProcessInfo.processInfo.activeProcessorCount,
        workerThreads: Int = max(4, 2 * ProcessInfo.processInfo.activeProcessorCount),
        parserLimits: HTTPParserLimits = HTTPParserLimits(),
        maxConnections: Int = 16_384,
        maxConnectionsPerAddress: Int = 256,
        reservedFileDescriptors: Int = 128,
        acceptPauseOnDescriptorExhaustion: Duration = .milliseconds(100),
        maxDrainingRefusals: Int = 1024,
        refusalLogInterval: Duration = .seconds(1),
        headerTimeout: Duration = .seconds(10),
        bodyTimeout: Duration = .seconds(10),
        bodyGracePeriod: Duration = .seconds(20),
        minimumBodyBytesPerSecond: Int = 500,
        idleTimeout: Duration = .seconds(60),
        lingerTimeout: Duration = .seconds(2),
        shutdownGracePeriod: Duration = .seconds(10),
        maxPendingOutputBytes: Int = 1024 * 1024,
        trustedProxies: [AddressRange] = [],
        metrics: RequestMetrics? = nil,
        accessLog: LogSink? = nil,
        errorLog: LogSink? = .fileHandle(.standardError),
        aroundTurn: (@Sendable (_ answer: () -> Void) -> Void)? = nil
    ) {
        self.host = host
        self.port = port
        self.eventLoopThreads = max(1, eventLoopThreads)
        self.workerThreads = max(1, workerThreads)
        self.parserLimits = parserLimits
        self.maxConnections = maxConnections
        self.maxConnectionsPerAddress = maxConnectionsPerAddress
        self.reservedFileDescriptors = reservedFileDescriptors
        self.acceptPauseOnDescriptorExhaustion = acceptPauseOnDescriptorExhaustion
        self.maxDrainingRefusals = maxDrainingRefusals
        self.refusalLogInterval = refusalLogInterval
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.bodyGracePeriod = bodyGracePeriod
        self.minimumBodyBytesPerSecond = minimumBodyBytesPerSecond
        self.idleTimeout = idleTimeout
        self.lingerTimeout = lingerTimeout
        self.shutdownGracePeriod = shutdownGracePeriod
        self.maxPendingOutputBytes = maxPendingOutputBytes
        self.trustedProxies = trustedProxies
        self.metrics = metrics
        self.accessLog = accessLog
        self.errorLog = errorLog
        self.aroundTurn = aroundTurn
    }
}

extension Duration {
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        return UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }
}
