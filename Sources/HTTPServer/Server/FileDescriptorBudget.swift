/// How many connections the process's file-descriptor limit (`RLIMIT_NOFILE`) allows; pure, so it is tested
/// as a table, and applied by `HTTPServer.start()`.
///
/// Each client connection holds one descriptor; `reserved` more are kept for everything else (listeners,
/// epoll and event fds, streamed body files, logs, the database). Like Go's runtime, the soft limit is
/// raised to the hard one when it is too low; if even the hard limit is too low, fewer connections are
/// served than configured, and the log says so, rather than failing `accept` with `EMFILE` at run time.
struct FileDescriptorBudget: Equatable {
    /// The soft limit to set, or nil to leave it as it is.
    var raisedSoftLimit: UInt64?
    /// The most connections the server will hold open.
    var maxConnections: Int
    /// A line for the error log when the configured connection limit had to be lowered.
    var warning: String?

    /// Decides the limits; `hardLimit` may be `UInt64.max` (`RLIM_INFINITY`).
    init(softLimit: UInt64, hardLimit: UInt64, maxConnections: Int, reserved: Int) {
        let needed = UInt64(max(0, maxConnections)) + UInt64(max(0, reserved))
        self.maxConnections = maxConnections
        guard softLimit < needed else { return }
        // An unlimited hard limit is not made the soft one: some code walks every possible descriptor.
        let available = max(softLimit, hardLimit == .max ? needed : hardLimit)
        raisedSoftLimit = available > softLimit ? available : nil
        guard available < needed else { return }
        self.maxConnections = max(1, Int(clamping: available) - reserved)
        let hard = hardLimit == .max ? "unlimited" : String(hardLimit)
        warning =
            "RLIMIT_NOFILE allows \(available) open files (hard limit \(hard)), \(reserved) of them kept for "
            + "other files: serving at most \(self.maxConnections) connections instead of \(maxConnections)"
    }
}
