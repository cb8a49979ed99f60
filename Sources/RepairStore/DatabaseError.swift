import CSQLite

/// A database failure: SQLite's result codes (or PostgreSQL's SQLSTATE and constraint name), the engine's
/// message and the statement that failed.
public struct DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The primary result code (e.g. `SQLITE_CONSTRAINT`).
    public var code: Int32
    /// The extended result code (e.g. `Self.constraintUnique`).
    public var extendedCode: Int32
    public var message: String
    /// The SQL that failed, if any (values are bound, never part of it).
    public var sql: String?
    /// PostgreSQL's SQLSTATE (`23505` a unique violation, `40001` a serialisation failure); nil from SQLite.
    public var sqlState: String?
    /// The constraint PostgreSQL names in a violation, if any.
    public var constraintName: String?

    /// Makes an error.
    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        self.code = code
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
    }

    /// Makes a PostgreSQL error from its SQLSTATE and the constraint it names.
    public init(sqlState: String, constraintName: String?, message: String, sql: String?) {
        self.init(code: 0, message: message, sql: sql)
        self.sqlState = sqlState
        self.constraintName = constraintName
    }

    /// Whether a constraint (UNIQUE, FOREIGN KEY, CHECK, NOT NULL) was violated.
    public var isConstraintViolation: Bool {
        if let sqlState { return sqlState.hasPrefix("23") }  // class 23: integrity constraint violation
        return code == SQLITE_CONSTRAINT
    }
    /// Whether a UNIQUE or PRIMARY KEY constraint was violated.
    public var isUniqueViolation: Bool {
        if let sqlState { return sqlState == "23505" }
        return extendedCode == Self.constraintUnique || extendedCode == Self.constraintPrimaryKey
    }
    /// Whether a FOREIGN KEY constraint was violated.
    public var isForeignKeyViolation: Bool {
        if let sqlState { return sqlState == "23503" }
        return extendedCode == Self.constraintForeignKey
    }
    /// Whether PostgreSQL gave up a transaction that a retry may pass (serialisation failure, deadlock).
    public var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }

    // Extended codes are function-like macros in sqlite3.h, which Swift does not import.
    static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)
    static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
    static let constraintForeignKey = SQLITE_CONSTRAINT | (3 << 8)

    public var description: String {
        if let sqlState { return "PostgreSQL error \(sqlState): \(message)" + (sql.map { " in \($0)" } ?? "") }
        return "SQLite error \(extendedCode): \(message)" + (sql.map { " in \($0)" } ?? "")
    }
}
