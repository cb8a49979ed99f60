extension PostgresMigration {
    /// The audit log of staff edits (append-only).
    static let auditLog = PostgresMigration(
        name: "002-audit-log",
        sql: """
            CREATE TABLE audit_log (
                id BIGSERIAL PRIMARY KEY,
                at DOUBLE PRECISION NOT NULL,
                actor_id BIGINT REFERENCES users (id),
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_key TEXT NOT NULL,
                details TEXT NOT NULL
            );
            CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_key);
            CREATE TRIGGER audit_log_assign_id BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION assign_id();
            """)

    /// Reseller shipments, the orders in them, and admins' label template overrides; a confirmed shipment is
    /// frozen by triggers (raising SQLSTATE 23000, a constraint violation, as SQLite's `RAISE(ABORT)` does).
    static let shipments = PostgresMigration(
        name: "003-shipments",
        sql: """
            CREATE TABLE shipments (
                id BIGSERIAL PRIMARY KEY,
                customer_id BIGINT NOT NULL REFERENCES customers (id),
                location_id BIGINT NOT NULL REFERENCES locations (id),
                method_id BIGINT NOT NULL REFERENCES shipping_methods (id),
                status TEXT NOT NULL CHECK (status IN ('draft', 'confirmed')),
                created_by BIGINT NOT NULL REFERENCES users (id),
                created_at DOUBLE PRECISION NOT NULL,
                updated_at DOUBLE PRECISION NOT NULL,
                confirmed_at DOUBLE PRECISION,
                parcel_count INTEGER NOT NULL DEFAULT 1 CHECK (parcel_count >= 1),
                weight_kg DOUBLE PRECISION,
                carrier TEXT,
                tracking_number TEXT,
                tracking_url TEXT,
                CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL))
            );
            CREATE INDEX shipments_by_customer ON shipments (customer_id, id);
            CREATE INDEX orders_open_by_customer ON orders (customer_id, status, location_id, method_id);
            CREATE TABLE shipment_orders (
                order_id BIGINT PRIMARY KEY REFERENCES orders (id),
                shipment_id BIGINT NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
                position INTEGER NOT NULL
            );
            CREATE INDEX shipment_orders_by_shipment ON shipment_orders (shipment_id, position);
            CREATE TRIGGER shipments_assign_id BEFORE INSERT ON shipments FOR EACH ROW EXECUTE FUNCTION assign_id();
            CREATE FUNCTION shipment_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'a confirmed shipment cannot change' USING ERRCODE = '23000';
            END $$;
            CREATE TRIGGER shipments_confirmed_frozen
            BEFORE UPDATE OF customer_id, location_id, method_id, status, created_by, confirmed_at, parcel_count,
                weight_kg ON shipments
            FOR EACH ROW WHEN (OLD.status = 'confirmed') EXECUTE FUNCTION shipment_frozen();
            CREATE TRIGGER shipments_confirmed_kept
            BEFORE DELETE ON shipments FOR EACH ROW WHEN (OLD.status = 'confirmed') EXECUTE FUNCTION shipment_frozen();
            CREATE FUNCTION shipment_orders_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF (SELECT status FROM shipments
                    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.shipment_id ELSE NEW.shipment_id END) = 'confirmed'
                THEN
                    RAISE EXCEPTION 'a confirmed shipment cannot change' USING ERRCODE = '23000';
                END IF;
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$;
            CREATE TRIGGER shipment_orders_frozen_insert
            BEFORE INSERT ON shipment_orders FOR EACH ROW EXECUTE FUNCTION shipment_orders_frozen();
            CREATE TRIGGER shipment_orders_frozen_delete
            BEFORE DELETE ON shipment_orders FOR EACH ROW EXECUTE FUNCTION shipment_orders_frozen();
            CREATE TABLE shipment_documents (
                shipment_id BIGINT PRIMARY KEY REFERENCES shipments (id),
                packing_list_text TEXT NOT NULL,
                packing_list_zpl TEXT NOT NULL,
                label_text TEXT NOT NULL,
                label_zpl TEXT NOT NULL,
                produced_at DOUBLE PRECISION NOT NULL
            );
            CREATE TABLE label_templates (
                file_name TEXT PRIMARY KEY NOT NULL,
                source TEXT NOT NULL,
                updated_at DOUBLE PRECISION NOT NULL,
                updated_by BIGINT REFERENCES users (id)
            );
            """)

    /// Account confirmation links (token hashes only) and the mail outbox.
    static let accountsOutbox = PostgresMigration(
        name: "004-accounts-outbox",
        sql: """
            CREATE TABLE account_confirmations (
                id BIGSERIAL PRIMARY KEY,
                token_hash TEXT NOT NULL UNIQUE,
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                created_at DOUBLE PRECISION NOT NULL,
                expires_at DOUBLE PRECISION NOT NULL,
                used_at DOUBLE PRECISION
            );
            CREATE INDEX account_confirmations_by_user ON account_confirmations (user_id);
            CREATE TABLE outbox (
                id BIGSERIAL PRIMARY KEY,
                message_id TEXT NOT NULL UNIQUE,
                recipient TEXT NOT NULL,
                recipient_name TEXT NOT NULL DEFAULT '',
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at DOUBLE PRECISION NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at DOUBLE PRECISION NOT NULL,
                sent_at DOUBLE PRECISION,
                last_error TEXT NOT NULL DEFAULT '',
                dead INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL AND dead = 0;
            CREATE TRIGGER account_confirmations_assign_id BEFORE INSERT ON account_confirmations
                FOR EACH ROW EXECUTE FUNCTION assign_id();
            CREATE TRIGGER outbox_assign_id BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION assign_id();
            """)
}
