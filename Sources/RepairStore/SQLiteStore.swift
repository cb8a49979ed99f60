import RepairCore
import Synchronization

/// The SQLite store: one writer connection behind a mutex, a pool of reader connections.
///
/// Synchronous and thread-safe: call it from any thread. Writes are serialised
/// (Debian's SQLite 3.40 has a WAL bug with concurrent writers) and each runs in
/// one IMMEDIATE transaction; reads run on their own connections in WAL snapshots,
/// so they never wait for a writer.
public final class SQLiteStore: SQLStore {
    /// Where the store lives and its limits.
    public struct Configuration: Sendable {
        /// The database file (created if missing).
        public var path: String
        /// How long a connection waits for a lock before failing (default 5 000 ms).
        public var busyTimeoutMilliseconds: Int32 = 5_000
        /// Most idle reader connections kept open (default 8); more are opened on demand and closed after use.
        public var maxIdleReaders = 8
        /// How many fresh order numbers to draw when an insert collides (default 8).
        public var maxNumberAttempts = 8
        /// Migrations applied at open, in order (default `Migration.builtIn`).
        public var migrations: [Migration] = Migration.builtIn
        /// Where new order numbers come from (default: the system's random generator).
        public var numbers: OrderNumberSource = .system

        /// Makes a configuration for the database at `path`.
        public init(path: String) { self.path = path }
    }

    /// The configuration the store was opened with.
    public let configuration: Configuration
    private let writer: Mutex<Database>
    let idleReaders: Mutex<[Database]>
    /// Reader connections taken and not yet returned, for `storeStatistics`.
    let readersInUse = Atomic<Int>(0)
    /// The catalogue as last read, with the `catalogue_version` it was read at.
    public let cachedCatalogue = CatalogueCache()
    /// Writes run so far (committed or not): a shared read snapshot begun before the last one is renewed.
    let writeCount = Atomic<UInt64>(0)

    /// Opens the store at `configuration.path` and applies pending migrations.
    public init(_ configuration: Configuration) throws {
        self.configuration = configuration
        let database = try Database(
            path: configuration.path, busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds)
        try database.migrate(configuration.migrations)
        writer = Mutex(database)
        idleReaders = Mutex([])
    }

    /// Opens the store at `path` with default settings.
    public convenience init(path: String, numbers: OrderNumberSource = .system) throws {
        var configuration = Configuration(path: path)
        configuration.numbers = numbers
        try self.init(configuration)
    }

    /// Runs `body` in one IMMEDIATE transaction on the writer connection, serialised with other writes.
    ///
    /// Committed when `body` returns, rolled back when it throws. Do not call `write`
    /// from inside `body` (the writer mutex is not reentrant); `read` inside is fine
    /// and sees the last commit, not `body`'s uncommitted changes.
    public func write<T: Sendable>(_ body: (any SQLConnection) throws -> T) throws -> T {
        // Counted even when rolled back: a shared read snapshot then renews itself once for nothing, which is cheap.
        defer { writeCount.add(1, ordering: .releasing) }
        return try writer.withLock { database in
            try database.transaction(.immediate) { try body($0) }
        }
    }

    /// Runs `body` on a reader connection, in a read transaction (one consistent snapshot) unless `isSnapshot` is false.
    ///
    /// Pass `isSnapshot: false` for a single statement: it is its own snapshot, and
    /// skipping BEGIN/COMMIT makes hot look-ups (tracking) cheaper.
    /// Given a `snapshot` of this store (from `sharingReads`), `body` runs in its transaction instead.
    public func read<T: Sendable>(
        in snapshot: (any ReadSnapshot)?, isSnapshot: Bool, _ body: (any SQLConnection) throws -> T
    ) throws -> T {
        if let shared = snapshot as? SQLiteReadSnapshot, shared.store === self { return try body(try shared.reader()) }
        let reader = try takeReader()
        defer { returnReader(reader) }
        return isSnapshot ? try reader.transaction(.deferred) { try body($0) } : try body(reader)
    }

    public var orderNumbers: OrderNumberSource { configuration.numbers }
    public var maxNumberAttempts: Int { configuration.maxNumberAttempts }

    func takeReader() throws -> Database {
        if let reader = idleReaders.withLock({ $0.popLast() }) {
            readersInUse.add(1, ordering: .relaxed)
            return reader
        }
        let reader = try Database(
            path: configuration.path, busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds,
            isQueryOnly: true)
        readersInUse.add(1, ordering: .relaxed)
        return reader
    }

    /// Forgets a taken reader that is closed rather than returned.
    func discardReader() { readersInUse.subtract(1, ordering: .relaxed) }

    func returnReader(_ reader: Database) {
        readersInUse.subtract(1, ordering: .relaxed)
        let limit = configuration.maxIdleReaders
        idleReaders.withLock { readers in
            if readers.count < limit { readers.append(reader) }
        }
    }
}
