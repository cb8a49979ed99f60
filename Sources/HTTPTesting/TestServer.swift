import Glibc
import HTTPServer

/// A configuration for tests: loopback, port 0, one loop, short timeouts, no access log.
public func makeTestConfiguration(
    headerTimeout: Duration = .seconds(5), bodyTimeout: Duration = .seconds(5), idleTimeout: Duration = .seconds(5),
    maxConnections: Int = 1000, parserLimits: HTTPParserLimits = HTTPParserLimits(), errorLog: LogSink? = nil
) -> HTTPServerConfiguration {
    HTTPServerConfiguration(
        host: "127.0.0.1", port: 0, eventLoopThreads: 1, workerThreads: 2, parserLimits: parserLimits,
        maxConnections: maxConnections, headerTimeout: headerTimeout, bodyTimeout: bodyTimeout,
        idleTimeout: idleTimeout,
        shutdownGracePeriod: .seconds(5), errorLog: errorLog)
}

/// Starts a server on an ephemeral loopback port, runs `body` with the port, then shuts it down.
public func withTestServer<T>(
    _ router: Router, configuration: HTTPServerConfiguration = makeTestConfiguration(), _ body: (Int) throws -> T
) throws -> T {
    var configuration = configuration
    configuration.port = 0
    let server = HTTPServer(configuration: configuration, router: router)
    try server.start()
    defer { server.shutdown() }
    return try body(server.port)
}

/// Whether this machine can listen on IPv6 loopback (`::1`); some containers have no IPv6.
public let isIPv6LoopbackAvailable: Bool = {
    guard let address = try? SocketAddress(host: "::1", port: 0) else { return false }
    let fd = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return address.withSockaddr { bind(fd, $0, $1) } == 0
}()
