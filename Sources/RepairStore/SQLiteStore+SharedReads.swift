import RepairCore

extension SQLiteStore: ReadSharing {
    /// Runs `body` with a snapshot handle: every read given it (`read(in:)` and the store reads that take `in:`)
    /// shares one reader connection and one read transaction, begun at the first such read and ended when `body`
    /// returns.
    ///
    /// Beginning and ending a WAL read transaction costs lock system calls; a server that answers a batch of
    /// already-received requests at once (an event loop's turn) pays them once per batch. The snapshot is taken
    /// at the first read, so every request received before that read sees every write committed before it. A
    /// write to this store ends the shared transaction at the next read given the handle, so that read sees it.
    /// Reads not given the handle run on their own, as outside.
    public func sharingReads<T>(_ body: (any ReadSnapshot) throws -> T) rethrows -> T {
        let snapshot = SQLiteReadSnapshot(store: self)
        defer { snapshot.finish() }
        return try body(snapshot)
    }
}
