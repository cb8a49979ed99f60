import CPostgres
import Foundation
import RepairStore

/// One libpq connection with its prepared statements, speaking the store's shared SQL.
///
/// Parameters go as text with no declared type, so the server types each from its place in the statement, as
/// SQLite's loose typing lets the shared SQL assume. Not thread-safe: the pool hands it to one thread at a time.
public final class PostgresConnection: SQLConnection, @unchecked Sendable {
    let handle: OpaquePointer
    private var statements: [String: PostgresStatement] = [:]
    /// Statements prepared so far: names stay unique even after the cache is emptied.
    private var preparedCount = 0
    /// Tables with an `id` column: an INSERT into one returns the ID it assigned (`lastInsertRowID`).
    private var tablesWithID: Set<String> = []
    public private(set) var lastInsertRowID: Int64 = 0
    public private(set) var changes = 0
    public var skipLockedClause: String { " FOR UPDATE SKIP LOCKED" }

    /// Connects to `url` (`postgresql://user@host:port/database`, libpq's connection string).
    public init(url: String) throws(DatabaseError) {
        guard let handle = PQconnectdb(url) else {
            throw DatabaseError(sqlState: "08001", constraintName: nil, message: "out of memory", sql: nil)
        }
        self.handle = handle
        guard PQstatus(handle) == CONNECTION_OK else {
            // `deinit` closes the handle: it runs when an initialised object's init throws.
            let message = String(cString: PQerrorMessage(handle))
            throw DatabaseError(sqlState: "08001", constraintName: nil, message: message, sql: nil)
        }
        // Notices (e.g. "relation already exists, skipping") are not errors and need no one's attention.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        try execute("SET client_min_messages = warning")
    }

    deinit { PQfinish(handle) }

    /// Whether the connection still works (a broken one is dropped by the pool, not reused).
    var isHealthy: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Reads which tables have an `id` column; call after migrating.
    func learnSchema() throws {
        tablesWithID = Set(
            try rows(
                """
                SELECT table_name FROM information_schema.columns
                WHERE column_name = 'id' AND table_schema = current_schema()
                """, []
            ) { $0.text(0) })
        statements.removeAll()
    }

    public func execute(_ sql: String) throws(DatabaseError) {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, sql: sql)
    }

    public func run(_ sql: String, _ values: [SQLValue]) throws {
        let statement = try prepared(sql)
        let result = try execute(statement, values)
        defer { PQclear(result) }
        if statement.returnsID, PQntuples(result) == 1 {
            lastInsertRowID = Int64(String(cString: PQgetvalue(result, 0, 0))) ?? 0
        }
    }

    public func rows<T>(_ sql: String, _ values: [SQLValue], _ read: (any SQLRow) throws -> T) throws -> [T] {
        let statement = try prepared(sql)
        let result = try execute(statement, values)
        defer { PQclear(result) }
        return try (0..<PQntuples(result)).map { try read(PostgresRow(result: result, row: $0, statement: statement)) }
    }

    public func firstRow<T>(_ sql: String, _ values: [SQLValue], _ read: (any SQLRow) throws -> T) throws -> T? {
        let statement = try prepared(sql)
        let result = try execute(statement, values)
        defer { PQclear(result) }
        guard PQntuples(result) > 0 else { return nil }
        return try read(PostgresRow(result: result, row: 0, statement: statement))
    }

    /// The server-side prepared statement for `sql`, prepared once per connection.
    func prepared(_ sql: String) throws(DatabaseError) -> PostgresStatement {
        if let cached = statements[sql] { return cached }
        var translated = PostgresSQL.translate(sql)
        let table = PostgresSQL.insertTable(translated.text)
        let returnsID = table.map { tablesWithID.contains($0) } ?? false
        if returnsID { translated.text += " RETURNING id" }
        preparedCount += 1
        let name = "s\(preparedCount)"
        let result = PQprepare(handle, name, translated.text, Int32(translated.parameterCount), nil)
        defer { PQclear(result) }
        try check(result, sql: sql)
        let statement = PostgresStatement(name: name, sql: sql, parameterCount: translated.parameterCount, returnsID: returnsID)
        statements[sql] = statement
        return statement
    }

    /// Runs a prepared statement; the caller clears the result.
    func execute(_ statement: PostgresStatement, _ values: [SQLValue]) throws(DatabaseError) -> OpaquePointer? {
        let texts = values.map(PostgresSQL.text)
        let result = Self.withCStrings(texts) { pointers in
            PQexecPrepared(handle, statement.name, Int32(pointers.count), pointers, nil, nil, 0)
        }
        do {
            try check(result, sql: statement.sql)
        } catch {
            PQclear(result)
            throw error
        }
        changes = Int(String(cString: PQcmdTuples(result))) ?? 0
        return result
    }

    private func check(_ result: OpaquePointer?, sql: String) throws(DatabaseError) {
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY: return
        default:
            func field(_ code: UInt8) -> String? {
                PQresultErrorField(result, Int32(code)).map { String(cString: $0) }
            }
            let message = field(UInt8(ascii: "M")) ?? String(cString: PQerrorMessage(handle))
            throw DatabaseError(
                sqlState: field(UInt8(ascii: "C")) ?? "08006", constraintName: field(UInt8(ascii: "n")),
                message: message, sql: sql)
        }
    }

    private static func withCStrings<R>(_ texts: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        let copies = texts.map { $0.map { strdup($0)! } }
        defer { copies.forEach { free($0) } }
        return body(copies.map { $0.map { UnsafePointer($0) } })
    }
}
