extension PostgresMigration {
    /// A version of the catalogue that every write to its tables bumps (by trigger, so no write path can forget),
    /// so a process may keep the catalogue cached and re-read it only when the version moved.
    static let catalogueVersion = PostgresMigration(
        name: "005-catalogue-version",
        sql: """
            CREATE TABLE catalogue_version (
                version BIGINT NOT NULL
            );
            INSERT INTO catalogue_version (version) VALUES (1);
            CREATE FUNCTION bump_catalogue_version() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE catalogue_version SET version = version + 1;
                RETURN NULL;
            END $$;
            CREATE TRIGGER shipping_methods_bumps_catalogue AFTER INSERT OR UPDATE OR DELETE ON shipping_methods
                FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
            CREATE TRIGGER locations_bumps_catalogue AFTER INSERT OR UPDATE OR DELETE ON locations
                FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
            CREATE TRIGGER location_methods_bumps_catalogue AFTER INSERT OR UPDATE OR DELETE ON location_methods
                FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
            CREATE TRIGGER device_models_bumps_catalogue AFTER INSERT OR UPDATE OR DELETE ON device_models
                FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
            CREATE TRIGGER tasks_bumps_catalogue AFTER INSERT OR UPDATE OR DELETE ON tasks
                FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
            """)

    /// Sign-in sessions and API tokens (only SHA-256 hashes of the tokens are stored), and settings.
    static let portalSessions = PostgresMigration(
        name: "portal_001_sessions_tokens_settings",
        sql: """
            CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY NOT NULL,
                user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                created_at DOUBLE PRECISION NOT NULL,
                expires_at DOUBLE PRECISION NOT NULL
            );
            CREATE INDEX sessions_by_user ON sessions(user_id);
            CREATE TABLE api_tokens (
                id BIGSERIAL PRIMARY KEY,
                user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                token_hash TEXT NOT NULL UNIQUE,
                created_at DOUBLE PRECISION NOT NULL,
                last_used_at DOUBLE PRECISION,
                revoked_at DOUBLE PRECISION
            );
            CREATE INDEX api_tokens_by_user ON api_tokens(user_id);
            CREATE TRIGGER api_tokens_assign_id BEFORE INSERT ON api_tokens FOR EACH ROW EXECUTE FUNCTION assign_id();
            CREATE TABLE portal_settings (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );
            """)

    /// Disabling an account ends its sessions and revokes its API tokens, in the transaction that disables it
    /// (`revoked_at` is the server's clock in Unix seconds).
    static let disablingEndsCredentials = PostgresMigration(
        name: "portal_002_disabling_ends_credentials",
        sql: """
            CREATE FUNCTION users_disabled_end_credentials() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                DELETE FROM sessions WHERE user_id = NEW.id;
                UPDATE api_tokens SET revoked_at = extract(epoch FROM clock_timestamp())
                    WHERE user_id = NEW.id AND revoked_at IS NULL;
                RETURN NULL;
            END $$;
            CREATE TRIGGER users_disabled_end_credentials
            AFTER UPDATE OF is_disabled ON users
            FOR EACH ROW WHEN (NEW.is_disabled = 1 AND OLD.is_disabled = 0)
            EXECUTE FUNCTION users_disabled_end_credentials();
            """)
}
