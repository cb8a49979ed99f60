import Foundation
import RepairCore
import RepairStore
import Testing

/// `sharingReads`: the reads given its snapshot handle share one snapshot, taken at the first of them.
@Suite("Store: reads shared within one scope")
struct SharedReadTests {
    /// A store and a second store on the same file, standing in for another writer (the CLI, say).
    static func makeStores() throws -> (store: SQLiteStore, other: SQLiteStore) {
        let path = TestStore.makePath()
        let store = try SQLiteStore(path: path)
        try store.write { try $0.execute("CREATE TABLE notes(text TEXT)") }
        return (store, try SQLiteStore(path: path))
    }

    static func insert(_ text: String, into store: SQLiteStore) throws {
        try store.write { try $0.run("INSERT INTO notes(text) VALUES (?)", [.text(text)]) }
    }

    /// Whether a full checkpoint completes: it cannot while any read transaction is still open.
    static func checkpointCompletes(_ store: SQLiteStore) throws -> Bool {
        let connection = try Database(path: store.configuration.path, busyTimeoutMilliseconds: 0)
        return try connection.firstRow("PRAGMA wal_checkpoint(TRUNCATE)") { $0.int64(0) } == 0
    }

    @Test func readsGivenTheSnapshotSeeTheSnapshotOfTheFirstRead() throws {
        let (store, other) = try Self.makeStores()
        let counts = try store.sharingReads { snapshot in
            // Committed after the scope began but before its first read: visible.
            try Self.insert("before the first read", into: other)
            let first = try store.count("notes", in: snapshot)
            try Self.insert("after the first read", into: other)
            return [first, try store.count("notes", in: snapshot)]
        }
        #expect(counts == [1, 1])
        #expect(try store.count("notes") == 2)
    }

    @Test func aWriteToTheStoreIsSeenByTheReadsAfterIt() throws {
        let (store, other) = try Self.makeStores()
        let counts = try store.sharingReads { snapshot in
            let first = try store.count("notes", in: snapshot)
            try Self.insert("elsewhere", into: other)
            try Self.insert("here", into: store)
            return [first, try store.count("notes", in: snapshot)]
        }
        #expect(counts == [0, 2])
    }

    @Test func readsNotGivenTheSnapshotAreNotPartOfIt() throws {
        let (store, other) = try Self.makeStores()
        let counts = try store.sharingReads { snapshot in
            let first = try store.count("notes", in: snapshot)
            try Self.insert("elsewhere", into: other)
            let sameThread = try store.count("notes")
            let otherStore = try other.count("notes", in: snapshot)
            let otherThread = try Self.onAnotherThread { try store.count("notes") }
            return [first, sameThread, otherStore, otherThread, try store.count("notes", in: snapshot)]
        }
        #expect(counts == [0, 1, 1, 1, 0])
    }

    @Test func aNestedCallHandsOutASnapshotOfItsOwn() throws {
        let (store, other) = try Self.makeStores()
        let counts = try store.sharingReads { snapshot in
            let first = try store.count("notes", in: snapshot)
            try Self.insert("elsewhere", into: other)
            let nested = try store.sharingReads { try store.count("notes", in: $0) }
            return [first, nested, try store.count("notes", in: snapshot)]
        }
        #expect(counts == [0, 1, 0])
    }

    @Test func theScopeEndsItsTransactionEvenWhenTheBodyThrows() throws {
        struct Stop: Error {}
        let (store, other) = try Self.makeStores()
        #expect(throws: Stop.self) {
            try store.sharingReads { snapshot in
                _ = try store.count("notes", in: snapshot)
                throw Stop()
            }
        }
        try Self.insert("after", into: other)
        #expect(try Self.checkpointCompletes(other))
        #expect(try store.count("notes") == 1)
        #expect(try store.sharingReads { try store.count("notes", in: $0) } == 1)
    }

    static func onAnotherThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<T, any Error>?
        let thread = Thread {
            result = Result { try body() }
            done.signal()
        }
        thread.start()
        done.wait()
        return try result!.get()
    }
}
