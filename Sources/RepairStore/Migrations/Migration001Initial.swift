extension Migration {
    /// Catalogue, customers, users, orders, answers and the order history.
    static let initial = Migration(
        name: "001-initial",
        sql: """
            CREATE TABLE customers (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('person', 'company')),
                is_reseller INTEGER NOT NULL DEFAULT 0,
                address TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                email TEXT NOT NULL COLLATE NOCASE UNIQUE,
                display_name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('customer', 'reseller', 'agent', 'admin')),
                customer_id INTEGER REFERENCES customers (id),
                password_hash TEXT NOT NULL,
                is_confirmed INTEGER NOT NULL DEFAULT 0,
                is_disabled INTEGER NOT NULL DEFAULT 0,
                CHECK ((role IN ('customer', 'reseller')) = (customer_id IS NOT NULL))
            );
            CREATE TABLE shipping_methods (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE
            );
            CREATE TABLE locations (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                address TEXT NOT NULL,
                tat_days INTEGER NOT NULL CHECK (tat_days >= 0),
                is_public INTEGER NOT NULL DEFAULT 1
            );
            CREATE TABLE location_methods (
                location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
                method_id INTEGER NOT NULL REFERENCES shipping_methods (id),
                PRIMARY KEY (location_id, method_id)
            ) WITHOUT ROWID;
            CREATE TABLE device_models (
                id INTEGER PRIMARY KEY,
                manufacturer TEXT NOT NULL,
                name TEXT NOT NULL,
                UNIQUE (manufacturer, name)
            );
            CREATE TABLE tasks (
                id INTEGER PRIMARY KEY,
                text TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('text', 'yes_no', 'choice', 'number')),
                choices TEXT NOT NULL DEFAULT '',
                is_filled_by_customer INTEGER NOT NULL DEFAULT 1,
                is_required_in_portal INTEGER NOT NULL DEFAULT 0,
                scope TEXT NOT NULL CHECK (scope IN ('all', 'models', 'customers')),
                scope_ids TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE orders (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                customer_id INTEGER NOT NULL REFERENCES customers (id),
                created_by INTEGER NOT NULL REFERENCES users (id),
                model_id INTEGER NOT NULL REFERENCES device_models (id),
                serial TEXT NOT NULL,
                fault TEXT NOT NULL,
                location_id INTEGER NOT NULL REFERENCES locations (id),
                method_id INTEGER NOT NULL REFERENCES shipping_methods (id),
                contact_first_name TEXT NOT NULL,
                contact_surname TEXT NOT NULL,
                contact_email TEXT NOT NULL,
                contact_phone TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL,
                assigned_agent_id INTEGER REFERENCES users (id),
                created_at REAL NOT NULL,
                updated_at REAL NOT NULL
            );
            CREATE INDEX orders_by_customer ON orders (customer_id, created_at);
            CREATE INDEX orders_by_status ON orders (status, location_id, method_id);
            CREATE TABLE order_answers (
                order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
                task_id INTEGER NOT NULL REFERENCES tasks (id),
                kind TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (order_id, task_id)
            ) WITHOUT ROWID;
            CREATE TABLE order_events (
                id INTEGER PRIMARY KEY,
                order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
                at REAL NOT NULL,
                actor_id INTEGER REFERENCES users (id),
                from_status TEXT,
                to_status TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                is_public INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX order_events_by_order ON order_events (order_id, id);
            """)
}
