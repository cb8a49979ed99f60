import Glibc
import RepairCore

extension SQLiteStore: ReadSharing {
    /// Runs `body` with every read this thread makes on this store inside it sharing one reader
    /// connection and one read transaction, begun at the first read and ended when `body` returns.
    ///
    /// Beginning and ending a WAL read transaction costs lock system calls; a server that answers a
    /// batch of already-received requests at once (an event loop's turn) pays them once per batch.
    /// The snapshot is taken at the first read, so every request received before that read sees
    /// every write committed before it. A `write` on this thread inside `body` ends the shared
    /// transaction, so later reads see it (do not write from inside a `read` body in the scope: the rest
    /// of that body would no longer run in one snapshot). A call inside another (for any store) just
    /// runs `body`.
    public func sharingReads<T>(_ body: () throws -> T) rethrows -> T {
        if SharedReadScope.current != nil { return try body() }
        let scope = SharedReadScope(store: self)
        SharedReadScope.current = scope
        defer {
            SharedReadScope.current = nil
            scope.finish()
        }
        return try body()
    }

    /// This thread's shared reader for this store, when inside `sharingReads`.
    func sharedReader() throws -> Database? {
        guard let scope = SharedReadScope.current, scope.store === self else { return nil }
        return try scope.reader()
    }

    /// Ends this thread's shared read transaction on this store, if any, so the next read sees new commits.
    func endSharedReadTransaction() {
        guard let scope = SharedReadScope.current, scope.store === self else { return }
        scope.endTransaction()
    }
}

/// One thread's shared reader while inside `SQLiteStore.sharingReads`.
final class SharedReadScope {
    let store: SQLiteStore
    private var connection: Database?
    private var isInTransaction = false

    init(store: SQLiteStore) { self.store = store }

    /// The reader, in an open (deferred) transaction: its snapshot starts at its first statement.
    func reader() throws -> Database {
        let reader = try connection ?? store.takeReader()
        connection = reader
        if !isInTransaction {
            try reader.run(Database.TransactionKind.deferred.rawValue)
            isInTransaction = true
        }
        return reader
    }

    func endTransaction() {
        guard let reader = connection, isInTransaction else { return }
        isInTransaction = false
        do {
            try reader.run("COMMIT")
        } catch {
            // A reader whose transaction cannot end is not given back to the pool.
            _ = try? reader.run("ROLLBACK")
            connection = nil
        }
    }

    func finish() {
        endTransaction()
        // Only a connection with no transaction left open may serve the next reader.
        if let reader = connection, !reader.isInTransaction { store.returnReader(reader) }
        connection = nil
    }

    // One key for the process; the value is the scope of the thread's innermost `sharingReads` call.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "cannot create a thread-local key")
        return key
    }()

    static var current: SharedReadScope? {
        get {
            pthread_getspecific(key).map { Unmanaged<SharedReadScope>.fromOpaque($0).takeUnretainedValue() }
        }
        set {
            // The scope is kept alive by `sharingReads`, which clears the key before it returns.
            pthread_setspecific(key, newValue.map { Unmanaged.passUnretained($0).toOpaque() })
        }
    }
}
