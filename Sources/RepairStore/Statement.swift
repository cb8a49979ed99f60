import CSQLite
import Foundation

/// A prepared statement; finalized when released. Used by one thread at a time.
public final class Statement: SQLRow {
    let handle: OpaquePointer
    /// The SQL text, for error messages.
    public let sql: String
    private let connection: OpaquePointer
    /// Result column name → index, built at the first read by name (a prepared statement's columns never change).
    private var columnIndices: [String: Int32]?
    /// Indices a hot reader resolved once for this statement (see `resolved(_:)`).
    private var resolvedColumns: Any?

    init(connection: OpaquePointer, sql: String) throws(DatabaseError) {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw Database.error(connection, code: code, sql: sql)
        }
        self.handle = handle
        self.sql = sql
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Resets the statement and binds `values` to parameters 1…n.
    public func bind(_ values: [SQLValue]) throws(DatabaseError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one value to parameter `index` (1-based).
    public func bind(_ value: SQLValue, at index: Int32) throws(DatabaseError) {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
        case .real(let number): code = sqlite3_bind_double(handle, index, number)
        case .text(let text):
            // The byte length, not -1: with -1 SQLite stops at the first U+0000 and stores only what precedes it.
            // `utf8CString` always has a buffer (an empty text must not bind as NULL); its last byte is the terminator.
            let bytes = text.utf8CString
            code = bytes.withUnsafeBufferPointer { buffer in
                sqlite3_bind_text(handle, index, buffer.baseAddress, Int32(buffer.count - 1), Self.transient)
            }
        }
        guard code == SQLITE_OK else { throw Database.error(connection, code: code, sql: sql) }
    }

    /// Steps once: true when a row is available, false when done.
    public func step() throws(DatabaseError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = Database.error(connection, code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Binds `values`, runs to completion and resets.
    public func run(_ values: [SQLValue] = []) throws(DatabaseError) {
        try bind(values)
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Binds `values` and reads every row with `read`.
    public func rows<T>(_ values: [SQLValue] = [], _ read: (any SQLRow) throws -> T) throws -> [T] {
        try bind(values)
        defer { sqlite3_reset(handle) }
        var result: [T] = []
        while try step() { result.append(try read(self)) }
        return result
    }

    /// Binds `values` and reads the first row with `read`, or returns nil.
    public func firstRow<T>(_ values: [SQLValue] = [], _ read: (any SQLRow) throws -> T) throws -> T? {
        try bind(values)
        defer { sqlite3_reset(handle) }
        return try step() ? read(self) : nil
    }

    /// The index of result column `name` (its `AS` alias, or the bare column name); a missing name is a
    /// programming error in the statement's SQL and stops the process.
    public func columnIndex(_ name: String) -> Int32 {
        if columnIndices == nil {
            var indices: [String: Int32] = [:]
            for index in 0..<sqlite3_column_count(handle) {
                // The first column of a name wins: joins list the main table's columns first.
                let columnName = String(cString: sqlite3_column_name(handle, index))
                if indices[columnName] == nil { indices[columnName] = index }
            }
            columnIndices = indices
        }
        guard let index = columnIndices?[name] else { preconditionFailure("no column \(name) in: \(sql)") }
        return index
    }

    /// `make(self)`, made once per prepared statement and kept: column indices a hot path resolves by name once.
    public func resolved<T>(_ make: (any SQLRow) -> T) -> T {
        if let cached = resolvedColumns as? T { return cached }
        let made = make(self)
        resolvedColumns = made
        return made
    }

    /// Column `index` (0-based) as an integer.
    public func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }
    /// Column `index` as a double.
    public func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }
    /// Column `index` as text; NULL reads as empty.
    public func text(_ index: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, index) else { return "" }
        // By byte count, not up to the first NUL, so text holding U+0000 reads back whole.
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
    /// Whether column `index` is NULL.
    public func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    // SQLite copies the bytes before the call returns (SQLITE_TRANSIENT).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
