/// A store that can run a batch of reads in one snapshot (an event loop's turn of inline requests).
public protocol ReadSharing: Sendable {
    /// Runs `body` with every read this thread makes on this store inside it sharing one read transaction;
    /// a write inside ends it, so later reads see the write. A store without the notion just runs `body`.
    func sharingReads<T>(_ body: () throws -> T) rethrows -> T
}
