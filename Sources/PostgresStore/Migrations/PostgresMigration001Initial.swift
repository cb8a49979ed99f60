extension PostgresMigration {
    /// Catalogue, customers, users, orders, answers and the order history: SQLite's `001-initial` in
    /// PostgreSQL's types (times as Unix seconds in DOUBLE PRECISION, flags as 0/1 integers, as the shared SQL
    /// writes them).
    ///
    /// An `id` may be inserted as NULL, as SQLite allows: `assign_id` draws it from the table's sequence, and an
    /// explicit ID (fixtures) moves the sequence past it.
    static let initial = PostgresMigration(
        name: "001-initial",
        sql: """
            CREATE FUNCTION assign_id() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                sequence TEXT := pg_get_serial_sequence(quote_ident(TG_TABLE_SCHEMA) || '.' || quote_ident(TG_TABLE_NAME), 'id');
            BEGIN
                IF NEW.id IS NULL THEN
                    NEW.id := nextval(sequence);
                ELSE
                    PERFORM setval(sequence, GREATEST(NEW.id, nextval(sequence)));
                END IF;
                RETURN NEW;
            END $$;
            -- SQLite's NOCASE for e-mail addresses: equal and unique whatever the case.
            CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
            CREATE TABLE customers (
                id BIGSERIAL PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('person', 'company')),
                is_reseller INTEGER NOT NULL DEFAULT 0,
                address TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE users (
                id BIGSERIAL PRIMARY KEY,
                email TEXT NOT NULL COLLATE nocase CONSTRAINT users_email_key UNIQUE,
                display_name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('customer', 'reseller', 'agent', 'admin')),
                customer_id BIGINT REFERENCES customers (id),
                password_hash TEXT NOT NULL,
                is_confirmed INTEGER NOT NULL DEFAULT 0,
                is_disabled INTEGER NOT NULL DEFAULT 0,
                CHECK ((role IN ('customer', 'reseller')) = (customer_id IS NOT NULL))
            );
            CREATE TABLE shipping_methods (
                id BIGSERIAL PRIMARY KEY,
                name TEXT NOT NULL CONSTRAINT shipping_methods_name_key UNIQUE
            );
            CREATE TABLE locations (
                id BIGSERIAL PRIMARY KEY,
                name TEXT NOT NULL CONSTRAINT locations_name_key UNIQUE,
                address TEXT NOT NULL,
                tat_days INTEGER NOT NULL CHECK (tat_days >= 0),
                is_public INTEGER NOT NULL DEFAULT 1
            );
            CREATE TABLE location_methods (
                location_id BIGINT NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
                method_id BIGINT NOT NULL REFERENCES shipping_methods (id),
                PRIMARY KEY (location_id, method_id)
            );
            CREATE TABLE device_models (
                id BIGSERIAL PRIMARY KEY,
                manufacturer TEXT NOT NULL,
                name TEXT NOT NULL,
                CONSTRAINT device_models_manufacturer_name_key UNIQUE (manufacturer, name)
            );
            CREATE TABLE tasks (
                id BIGSERIAL PRIMARY KEY,
                text TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('text', 'yes_no', 'choice', 'number')),
                choices TEXT NOT NULL DEFAULT '',
                is_filled_by_customer INTEGER NOT NULL DEFAULT 1,
                is_required_in_portal INTEGER NOT NULL DEFAULT 0,
                scope TEXT NOT NULL CHECK (scope IN ('all', 'models', 'customers')),
                scope_ids TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE orders (
                id BIGSERIAL PRIMARY KEY,
                number TEXT NOT NULL CONSTRAINT orders_number_key UNIQUE,
                customer_id BIGINT NOT NULL REFERENCES customers (id),
                created_by BIGINT NOT NULL REFERENCES users (id),
                model_id BIGINT NOT NULL REFERENCES device_models (id),
                serial TEXT NOT NULL,
                fault TEXT NOT NULL,
                location_id BIGINT NOT NULL REFERENCES locations (id),
                method_id BIGINT NOT NULL REFERENCES shipping_methods (id),
                contact_first_name TEXT NOT NULL,
                contact_surname TEXT NOT NULL,
                contact_email TEXT NOT NULL,
                contact_phone TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL,
                assigned_agent_id BIGINT REFERENCES users (id),
                created_at DOUBLE PRECISION NOT NULL,
                updated_at DOUBLE PRECISION NOT NULL
            );
            CREATE INDEX orders_by_customer ON orders (customer_id, created_at);
            CREATE INDEX orders_by_status ON orders (status, location_id, method_id);
            CREATE TABLE order_answers (
                order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
                task_id BIGINT NOT NULL REFERENCES tasks (id),
                kind TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (order_id, task_id)
            );
            CREATE TABLE order_events (
                id BIGSERIAL PRIMARY KEY,
                order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
                at DOUBLE PRECISION NOT NULL,
                actor_id BIGINT REFERENCES users (id),
                from_status TEXT,
                to_status TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                is_public INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX order_events_by_order ON order_events (order_id, id);
            CREATE TRIGGER customers_assign_id BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION assign_id();
            CREATE TRIGGER users_assign_id BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION assign_id();
            CREATE TRIGGER shipping_methods_assign_id BEFORE INSERT ON shipping_methods
                FOR EACH ROW EXECUTE FUNCTION assign_id();
            CREATE TRIGGER locations_assign_id BEFORE INSERT ON locations FOR EACH ROW EXECUTE FUNCTION assign_id();
            CREATE TRIGGER device_models_assign_id BEFORE INSERT ON device_models
                FOR EACH ROW EXECUTE FUNCTION assign_id();
            CREATE TRIGGER tasks_assign_id BEFORE INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION assign_id();
            CREATE TRIGGER orders_assign_id BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION assign_id();
            CREATE TRIGGER order_events_assign_id BEFORE INSERT ON order_events
                FOR EACH ROW EXECUTE FUNCTION assign_id();
            """)
}
