/// A store that can run a batch of reads in one snapshot (a page's reads, an event loop's turn of inline requests).
public protocol ReadSharing: Sendable {
    /// Runs `body` with a handle on one read transaction of this store, begun at the first read given it and
    /// ended when `body` returns. Only reads handed the snapshot share it; a write to this store ends it, so the
    /// reads after see the write. A store without the notion hands a snapshot its reads ignore.
    func sharingReads<T>(_ body: (any ReadSnapshot) throws -> T) rethrows -> T
}
