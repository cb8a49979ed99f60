import CSQLite

/// An SQLite failure: the result codes, SQLite's message and the statement that failed.
public struct DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The primary result code (e.g. `SQLITE_CONSTRAINT`).
    public var code: Int32
    /// The extended result code (e.g. `Self.constraintUnique`).
    public var extendedCode: Int32
    public var message: String
    /// The SQL that failed, if any (values are bound, never part of it).
    public var sql: String?

    /// Makes an error.
    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        self.code = code
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
    }

    /// Whether a constraint (UNIQUE, FOREIGN KEY, CHECK, NOT NULL) was violated.
    public var isConstraintViolation: Bool { code == SQLITE_CONSTRAINT }
    /// Whether a UNIQUE or PRIMARY KEY constraint was violated.
    public var isUniqueViolation: Bool {
        extendedCode == Self.constraintUnique || extendedCode == Self.constraintPrimaryKey
    }
    /// Whether a FOREIGN KEY constraint was violated.
    public var isForeignKeyViolation: Bool { extendedCode == Self.constraintForeignKey }

    // Extended codes are function-like macros in sqlite3.h, which Swift does not import.
    static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)
    static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
    static let constraintForeignKey = SQLITE_CONSTRAINT | (3 << 8)

    public var description: String {
        "SQLite error \(extendedCode): \(message)" + (sql.map { " in \($0)" } ?? "")
    }
}
