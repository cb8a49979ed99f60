import RepairStore

/// One named, ordered schema change for PostgreSQL, applied once in its own transaction with its row in the
/// `schema_migrations` ledger (the same names as the SQLite migrations that make the same tables).
///
/// To add one: write `Migrations/PostgresMigrationNNN….swift` with a `static let` and append it to `builtIn`
/// (never reorder or edit an applied one).
public struct PostgresMigration: Sendable {
    /// Unique, stable name recorded in the ledger.
    public var name: String
    /// The SQL of the change (several statements allowed).
    public var sql: String

    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
    }

    /// The store's migrations, in order.
    public static let builtIn: [PostgresMigration] = [
        .initial, .auditLog, .shipments, .accountsOutbox, .catalogueVersion, .portalSessions,
        .disablingEndsCredentials, .userPreferences,
    ]
}

extension PostgresConnection {
    /// Applies the migrations not yet in the ledger, in order; returns the names applied.
    ///
    /// Under a session advisory lock, so processes starting together apply each migration once.
    @discardableResult
    public func migrate(_ migrations: [PostgresMigration]) throws -> [String] {
        try execute("SELECT pg_advisory_lock(7417)")
        defer { try? execute("SELECT pg_advisory_unlock(7417)") }
        try execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                name TEXT PRIMARY KEY NOT NULL,
                applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )
            """)
        var applied: [String] = []
        for migration in migrations {
            let isNew = try transaction("BEGIN") { db in
                let done = try db.firstRow("SELECT 1 FROM schema_migrations WHERE name = ?", [.text(migration.name)]) {
                    _ in true
                }
                guard done == nil else { return false }
                try db.execute(migration.sql)
                try db.run("INSERT INTO schema_migrations (name) VALUES (?)", [.text(migration.name)])
                return true
            }
            if isNew { applied.append(migration.name) }
        }
        return applied
    }

    /// The names in the migration ledger, in the order applied.
    public func appliedMigrations() throws -> [String] {
        try rows("SELECT name FROM schema_migrations ORDER BY applied_at, name", []) { $0.text("name") }
    }
}
