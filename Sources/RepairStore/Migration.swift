/// One named, ordered schema change, applied once in its own IMMEDIATE transaction.
///
/// To add a migration: write `Migrations/MigrationNNNName.swift` with a
/// `static let` of this type and append it to `Migration.builtIn` (never
/// reorder or edit an applied one), or pass
/// `Migration.builtIn + yourMigrations` to `SQLiteStore.Configuration`.
public struct Migration: Sendable {
    /// Unique, stable name recorded in the `schema_migrations` ledger.
    public var name: String
    /// Applies the change inside the migration's transaction.
    public var apply: @Sendable (Database) throws -> Void

    /// Makes a migration from a closure.
    public init(name: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.apply = apply
    }

    /// Makes a migration that runs SQL text (several statements allowed).
    public init(name: String, sql: String) {
        self.init(name: name) { try $0.execute(sql) }
    }

    /// The store's own migrations, in order (the `portal_…` ones keep the names the portal gave them).
    public static let builtIn: [Migration] = [
        .initial, .auditLog, .shipments, .accountsOutbox, .catalogueVersion, .portalSessions,
        .disablingEndsCredentials, .userPreferences,
    ]
}

extension Database {
    /// Applies the migrations not yet in the ledger, in order; returns the names applied.
    @discardableResult
    public func migrate(_ migrations: [Migration]) throws -> [String] {
        try execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                name TEXT PRIMARY KEY NOT NULL,
                applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
            )
            """)
        var applied: [String] = []
        for migration in migrations {
            let isNew = try transaction(.immediate) { db in
                // Checked inside the transaction: two processes migrating at once apply it once.
                let done = try db.firstRow("SELECT 1 FROM schema_migrations WHERE name = ?", [.text(migration.name)]) {
                    _ in true
                }
                guard done == nil else { return false }
                try migration.apply(db)
                try db.run("INSERT INTO schema_migrations (name) VALUES (?)", [.text(migration.name)])
                return true
            }
            if isNew { applied.append(migration.name) }
        }
        return applied
    }

    /// The names in the migration ledger, in the order applied.
    public func appliedMigrations() throws -> [String] {
        try rows("SELECT name FROM schema_migrations ORDER BY rowid") { $0.text("name") }
    }
}
