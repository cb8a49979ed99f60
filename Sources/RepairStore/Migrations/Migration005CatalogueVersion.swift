extension Migration {
    /// A version of the catalogue that every write to its tables bumps (by trigger, so no write path can forget),
    /// so a process may keep the catalogue cached and re-read it only when the version moved.
    static let catalogueVersion = Migration(
        name: "005-catalogue-version",
        sql: """
            CREATE TABLE catalogue_version (
                version INTEGER NOT NULL
            );
            INSERT INTO catalogue_version (version) VALUES (1);
            CREATE TRIGGER shipping_methods_insert_bumps_catalogue AFTER INSERT ON shipping_methods
                BEGIN UPDATE catalogue_version SET version = version + 1; END;
            CREATE TRIGGER shipping_methods_update_bumps_catalogue AFTER UPDATE ON shipping_methods
                BEGIN UPDATE catalogue_version SET version = version + 1; END;
            CREATE TRIGGER shipping_methods_delete_bumps_catalogue AFTER DELETE ON shipping_methods
                BEGIN UPDATE catalogue_version SET version = version + 1; END;
            CREATE TRIGGER locations_insert_bumps_catalogue AFTER INSERT ON locations
                BEGIN UPDATE catalogue_version SET version = version + 1; END;
            CREATE TRIGGER locations_update_bumps_catalogue AFTER UPDATE ON locations
                BEGIN UPDATE catalogue_version SET version = version + 1; END;
            CREATE TRIGGER locations_delete_bumps_catalogue AFTER DELETE ON locations
                BEGIN UPDATE catalogue_version SET version = version + 1; END;
            CREATE TRIGGER location_methods_insert_bumps_catalogue AFTER INSERT ON location_methods
                BEGIN UPDATE catalogue_version SET version = version + 1; END;
            CREATE TRIGGER location_methods_update_bumps_catalogue AFTER UPDATE ON location_methods
                BEGIN UPDATE catalogue_version SET version = version + 1; END;
            CREATE TRIGGER location_methods_delete_bumps_catalogue AFTER DELETE ON location_methods
                BEGIN UPDATE catalogue_version SET version = version + 1; END;
            CREATE TRIGGER device_models_insert_bumps_catalogue AFTER INSERT ON device_models
                BEGIN UPDATE catalogue_version SET version = version + 1; END;
            CREATE TRIGGER device_models_update_bumps_catalogue AFTER UPDATE ON device_models
                BEGIN UPDATE catalogue_version SET version = version + 1; END;
            CREATE TRIGGER device_models_delete_bumps_catalogue AFTER DELETE ON device_models
                BEGIN UPDATE catalogue_version SET version = version + 1; END;
            CREATE TRIGGER tasks_insert_bumps_catalogue AFTER INSERT ON tasks
                BEGIN UPDATE catalogue_version SET version = version + 1; END;
            CREATE TRIGGER tasks_update_bumps_catalogue AFTER UPDATE ON tasks
                BEGIN UPDATE catalogue_version SET version = version + 1; END;
            CREATE TRIGGER tasks_delete_bumps_catalogue AFTER DELETE ON tasks
                BEGIN UPDATE catalogue_version SET version = version + 1; END;
            """)
}
