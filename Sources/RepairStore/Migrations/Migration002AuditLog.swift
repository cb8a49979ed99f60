extension Migration {
    /// The audit log of staff edits (append-only).
    static let auditLog = Migration(
        name: "002-audit-log",
        sql: """
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at REAL NOT NULL,
                actor_id INTEGER REFERENCES users (id),
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_key TEXT NOT NULL,
                details TEXT NOT NULL
            );
            CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_key);
            """)
}
