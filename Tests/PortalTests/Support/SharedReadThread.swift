import Foundation

/// Runs a body on a plain `Thread` (as an event loop does, outside Swift concurrency) and waits for it.
enum SharedReadThread {
    static func run(_ body: @escaping @Sendable () throws -> Void) throws {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)?
        let thread = Thread {
            do { try body() } catch { failure = error }
            done.signal()
        }
        thread.start()
        done.wait()
        if let failure { throw failure }
    }
}
