import Dispatch
import Foundation
import Synchronization

/// A fixed set of threads running slow handlers so they never stall an event loop.
final class WorkerPool: Sendable {
    private let jobs = Mutex<[@Sendable () -> Void]>([])
    private let available = DispatchSemaphore(value: 0)
    private let isStopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let threadCount: Int

    /// Starts `threadCount` threads.
    init(threadCount: Int) {
        self.threadCount = threadCount
        for index in 0..<threadCount {
            let thread = Thread { [self] in run() }
            thread.name = "http-worker-\(index)"
            thread.start()
        }
    }

    /// Queues a job; it runs on the next free worker thread.
    func submit(_ job: @escaping @Sendable () -> Void) {
        jobs.withLock { $0.append(job) }
        available.signal()
    }

    /// Runs the queued jobs, then stops every thread and waits for them.
    func stop() {
        isStopping.store(true, ordering: .releasing)
        for _ in 0..<threadCount { available.signal() }
        for _ in 0..<threadCount { finished.wait() }
    }

    private func run() {
        while true {
            available.wait()
            let job = jobs.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            if let job {
                job()
            } else if isStopping.load(ordering: .acquiring) {
                finished.signal()
                return
            }
        }
    }
}
