/// Per-route settings: body limit, body destination and where the handler runs.
public struct RouteOptions: Sendable {
    /// Where a handler runs.
    public enum Execution: Sendable {
        /// On the event-loop thread: only for fast work that never blocks.
        case inline
        /// On the bounded worker pool; the response is handed back to the loop.
        case worker
    }

    /// Largest body for this route; nil uses `HTTPParserLimits.defaultMaxBodyBytes` (default nil).
    public var maxBodyBytes: Int?
    /// Write the body to a temporary file as it arrives instead of memory (default false).
    public var streamsBodyToFile: Bool
    /// Where the handler runs (default `.worker`).
    public var execution: Execution

    /// Creates options; every argument has the documented default.
    public init(maxBodyBytes: Int? = nil, streamsBodyToFile: Bool = false, execution: Execution = .worker) {
        self.maxBodyBytes = maxBodyBytes
        self.streamsBodyToFile = streamsBodyToFile
        self.execution = execution
    }
}

/// A route handler: synchronous, may throw an `HTTPResponseError` to choose its answer.
public typealias HTTPHandler = @Sendable (HTTPRequest) throws -> HTTPResponse

/// Middleware wraps every handler, in the order added; call `next` to continue.
public typealias HTTPMiddleware =
    @Sendable (HTTPRequest, _ next: (HTTPRequest) throws -> HTTPResponse) throws -> HTTPResponse
