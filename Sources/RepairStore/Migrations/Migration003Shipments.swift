extension Migration {
    /// Reseller shipments, the orders in them, and admins' label template overrides.
    static let shipments = Migration(
        name: "003-shipments",
        sql: """
            CREATE TABLE shipments (
                id INTEGER PRIMARY KEY,
                customer_id INTEGER NOT NULL REFERENCES customers (id),
                location_id INTEGER NOT NULL REFERENCES locations (id),
                method_id INTEGER NOT NULL REFERENCES shipping_methods (id),
                status TEXT NOT NULL CHECK (status IN ('draft', 'confirmed')),
                created_by INTEGER NOT NULL REFERENCES users (id),
                created_at REAL NOT NULL,
                updated_at REAL NOT NULL,
                confirmed_at REAL,
                parcel_count INTEGER NOT NULL DEFAULT 1 CHECK (parcel_count >= 1),
                weight_kg REAL,
                carrier TEXT,
                tracking_number TEXT,
                tracking_url TEXT,
                CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL))
            );
            CREATE INDEX shipments_by_customer ON shipments (customer_id, id);
            -- Covers the Shipments tab's grouping: a reseller's confirmed orders by (location, method), index only.
            CREATE INDEX orders_open_by_customer ON orders (customer_id, status, location_id, method_id);
            -- order_id is the key: an order can sit in one shipment only, whatever races happen.
            CREATE TABLE shipment_orders (
                order_id INTEGER PRIMARY KEY REFERENCES orders (id),
                shipment_id INTEGER NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
                position INTEGER NOT NULL
            );
            CREATE INDEX shipment_orders_by_shipment ON shipment_orders (shipment_id, position);
            -- A confirmed shipment is immutable (only its carrier tracking may be set), whatever SQL runs.
            CREATE TRIGGER shipments_confirmed_frozen
            BEFORE UPDATE OF customer_id, location_id, method_id, status, created_by, confirmed_at, parcel_count,
                weight_kg ON shipments
            WHEN OLD.status = 'confirmed'
            BEGIN SELECT RAISE(ABORT, 'a confirmed shipment cannot change'); END;
            CREATE TRIGGER shipments_confirmed_kept
            BEFORE DELETE ON shipments WHEN OLD.status = 'confirmed'
            BEGIN SELECT RAISE(ABORT, 'a confirmed shipment cannot be deleted'); END;
            CREATE TRIGGER shipment_orders_frozen_insert
            BEFORE INSERT ON shipment_orders
            WHEN (SELECT status FROM shipments WHERE id = NEW.shipment_id) = 'confirmed'
            BEGIN SELECT RAISE(ABORT, 'a confirmed shipment cannot change'); END;
            CREATE TRIGGER shipment_orders_frozen_delete
            BEFORE DELETE ON shipment_orders
            WHEN (SELECT status FROM shipments WHERE id = OLD.shipment_id) = 'confirmed'
            BEGIN SELECT RAISE(ABORT, 'a confirmed shipment cannot change'); END;
            -- The documents as produced at confirmation: later template or address edits do not change them.
            CREATE TABLE shipment_documents (
                shipment_id INTEGER PRIMARY KEY REFERENCES shipments (id),
                packing_list_text TEXT NOT NULL,
                packing_list_zpl TEXT NOT NULL,
                label_text TEXT NOT NULL,
                label_zpl TEXT NOT NULL,
                produced_at REAL NOT NULL
            );
            CREATE TABLE label_templates (
                file_name TEXT PRIMARY KEY NOT NULL,
                source TEXT NOT NULL,
                updated_at REAL NOT NULL,
                updated_by INTEGER REFERENCES users (id)
            );
            """)
}
