import CSQLite

/// One SQLite connection with its cache of prepared statements.
///
/// Not thread-safe by itself: `SQLiteStore` hands each connection to one thread at a time.
public final class Database: SQLConnection, @unchecked Sendable {
    /// How BEGIN takes locks.
    public enum TransactionKind: String, Sendable {
        /// Takes the write lock at once: use for every write, so it never fails half-way on a busy lock.
        case immediate = "BEGIN IMMEDIATE"
        /// Takes locks lazily: a consistent read snapshot.
        case deferred = "BEGIN DEFERRED"
    }

    let handle: OpaquePointer
    private var statements: [String: Statement] = [:]

    /// Opens (creating if needed) the database file at `path` with the store's pragmas.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 5_000, isQueryOnly: Bool = false) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(handle)
            throw DatabaseError(code: code, message: "\(message): \(path)")
        }
        self.handle = handle
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        // WAL: readers never block the writer; FULL: a commit survives power loss.
        try execute("PRAGMA journal_mode=WAL")
        try execute("PRAGMA synchronous=FULL")
        try execute("PRAGMA foreign_keys=ON")
        if isQueryOnly { try execute("PRAGMA query_only=ON") }
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs SQL text with no parameters (DDL, pragmas, several statements).
    public func execute(_ sql: String) throws(DatabaseError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw DatabaseError(
                code: code & 0xFF, extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// The prepared statement for `sql`, prepared once per connection and reused.
    public func statement(_ sql: String) throws(DatabaseError) -> Statement {
        if let cached = statements[sql] { return cached }
        let statement = try Statement(connection: handle, sql: sql)
        statements[sql] = statement
        return statement
    }

    /// Runs `sql` with `values` to completion.
    public func run(_ sql: String, _ values: [SQLValue] = []) throws(DatabaseError) {
        try statement(sql).run(values)
    }

    /// Runs `sql`, which takes no parameters, to completion (this type's typed error, not the protocol's).
    public func run(_ sql: String) throws(DatabaseError) { try run(sql, []) }

    /// Reads every row of `sql` with `read`.
    public func rows<T>(_ sql: String, _ values: [SQLValue] = [], _ read: (any SQLRow) throws -> T) throws -> [T] {
        try statement(sql).rows(values, read)
    }

    /// Reads the first row of `sql` with `read`, or nil.
    public func firstRow<T>(_ sql: String, _ values: [SQLValue] = [], _ read: (any SQLRow) throws -> T) throws -> T? {
        try statement(sql).firstRow(values, read)
    }

    /// Whether a transaction is open on this connection.
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// The rowid of the last inserted row on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    /// Rows changed by the last statement.
    public var changes: Int { Int(sqlite3_changes(handle)) }
    /// Empty: SQLite has one writer at a time, so a write transaction's reads are already its own.
    public var skipLockedClause: String { "" }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: (Database) throws -> T) throws -> T {
        try run(kind.rawValue)
        do {
            let result = try body(self)
            try run("COMMIT")
            return result
        } catch {
            // A failed COMMIT may already have rolled back; ignore "no transaction".
            if sqlite3_get_autocommit(handle) == 0 { try? run("ROLLBACK") }
            throw error
        }
    }

    static func error(_ connection: OpaquePointer, code: Int32, sql: String?) -> DatabaseError {
        DatabaseError(
            code: code & 0xFF, extendedCode: sqlite3_extended_errcode(connection),
            message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
}
