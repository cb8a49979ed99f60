import RepairCore

/// One `SQLiteStore.sharingReads` call's reader connection and read transaction.
///
/// Confined to the thread of that call, which is why the unchecked `Sendable` is sound: the handle is only ever
/// bound to that thread's task-local for its turn, and never used after `finish()`.
final class SQLiteReadSnapshot: ReadSnapshot, @unchecked Sendable {
    let store: SQLiteStore
    private var connection: Database?
    private var isInTransaction = false
    /// The store's write count when the transaction began; a write since then renews the transaction.
    private var writeCountAtBegin: UInt64 = 0

    init(store: SQLiteStore) { self.store = store }

    /// The reader, in an open (deferred) transaction: its snapshot starts at its first statement.
    func reader() throws -> Database {
        let writes = store.writeCount.load(ordering: .acquiring)
        if isInTransaction, writes != writeCountAtBegin { endTransaction() }
        let reader = try connection ?? store.takeReader()
        connection = reader
        if !isInTransaction {
            try reader.run(Database.TransactionKind.deferred.rawValue)
            isInTransaction = true
            writeCountAtBegin = writes
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
            store.discardReader()
        }
    }

    func finish() {
        endTransaction()
        // Only a connection with no transaction left open may serve the next reader.
        if let reader = connection {
            if reader.isInTransaction { store.discardReader() } else { store.returnReader(reader) }
        }
        connection = nil
    }
}
