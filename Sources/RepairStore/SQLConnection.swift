import Foundation

/// One database connection as the store's SQL needs it, whatever the engine (SQLite's `Database`, PostgreSQL's
/// connection in `PostgresStore`).
///
/// SQL is written once for both engines: `?` placeholders (`?N` to reuse one), `ON CONFLICT`, `coalesce`,
/// numbers as integers and times as Unix seconds. Used by one thread at a time.
public protocol SQLConnection: AnyObject {
    /// Runs SQL text with no parameters (DDL, several statements).
    func execute(_ sql: String) throws
    /// Runs `sql` with `values` to completion.
    func run(_ sql: String, _ values: [SQLValue]) throws
    /// Reads every row of `sql` with `read`.
    func rows<T>(_ sql: String, _ values: [SQLValue], _ read: (any SQLRow) throws -> T) throws -> [T]
    /// Reads the first row of `sql` with `read`, or nil.
    func firstRow<T>(_ sql: String, _ values: [SQLValue], _ read: (any SQLRow) throws -> T) throws -> T?
    /// The ID the last INSERT on this connection gave its row.
    var lastInsertRowID: Int64 { get }
    /// Rows changed by the last statement.
    var changes: Int { get }
    /// What a SELECT ends with to take its rows for this transaction and skip rows another one holds
    /// (`FOR UPDATE SKIP LOCKED` on PostgreSQL; empty on SQLite, whose one writer needs none).
    var skipLockedClause: String { get }
}

extension SQLConnection {
    /// Runs `sql` with no parameters.
    public func run(_ sql: String) throws { try run(sql, []) }

    /// Reads every row of `sql`, which takes no parameters.
    public func rows<T>(_ sql: String, _ read: (any SQLRow) throws -> T) throws -> [T] { try rows(sql, [], read) }

    /// Reads the first row of `sql`, which takes no parameters, or nil.
    public func firstRow<T>(_ sql: String, _ read: (any SQLRow) throws -> T) throws -> T? {
        try firstRow(sql, [], read)
    }

    /// Runs `body` inside a savepoint of the open transaction: a failure in it is undone alone, and the
    /// transaction goes on (PostgreSQL refuses every statement after an error that no savepoint caught).
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try run("SAVEPOINT attempt")
        do {
            let result = try body()
            try run("RELEASE SAVEPOINT attempt")
            return result
        } catch {
            try run("ROLLBACK TO SAVEPOINT attempt")
            try run("RELEASE SAVEPOINT attempt")
            throw error
        }
    }
}

/// One result row, read by column index or by name.
public protocol SQLRow {
    /// The index of result column `name` (its `AS` alias, or the bare column name); a missing name is a
    /// programming error in the statement's SQL and stops the process.
    func columnIndex(_ name: String) -> Int32
    /// Column `index` (0-based) as an integer (a boolean reads as 0 or 1).
    func int64(_ index: Int32) -> Int64
    /// Column `index` as a double.
    func double(_ index: Int32) -> Double
    /// Column `index` as text; NULL reads as empty.
    func text(_ index: Int32) -> String
    /// Whether column `index` is NULL.
    func isNull(_ index: Int32) -> Bool
    /// `make(self)`, made once per prepared statement and kept: column indices a hot path resolves by name once.
    func resolved<T>(_ make: (any SQLRow) -> T) -> T
}

extension SQLRow {
    /// Column `name` as an integer.
    public func int64(_ name: String) -> Int64 { int64(columnIndex(name)) }
    /// Column `name` as an integer, or nil when NULL.
    public func optionalInt64(_ name: String) -> Int64? { optionalInt64(columnIndex(name)) }
    /// Column `name` as a double.
    public func double(_ name: String) -> Double { double(columnIndex(name)) }
    /// Column `name` as a boolean (non-zero is true).
    public func bool(_ name: String) -> Bool { bool(columnIndex(name)) }
    /// Column `name` as text; NULL reads as empty.
    public func text(_ name: String) -> String { text(columnIndex(name)) }
    /// Column `name` as text, or nil when NULL.
    public func optionalText(_ name: String) -> String? { optionalText(columnIndex(name)) }
    /// Whether column `name` is NULL.
    public func isNull(_ name: String) -> Bool { isNull(columnIndex(name)) }
    /// Column `name` (seconds since 1970) as a date.
    public func date(_ name: String) -> Date { Date(timeIntervalSince1970: double(columnIndex(name))) }
    /// Column `name` as a date, or nil when NULL.
    public func optionalDate(_ name: String) -> Date? { isNull(name) ? nil : date(name) }

    /// Column `index` as an integer, or nil when NULL.
    public func optionalInt64(_ index: Int32) -> Int64? { isNull(index) ? nil : int64(index) }
    /// Column `index` as a boolean (non-zero is true).
    public func bool(_ index: Int32) -> Bool { int64(index) != 0 }
    /// Column `index` as text, or nil when NULL.
    public func optionalText(_ index: Int32) -> String? { isNull(index) ? nil : text(index) }
}
