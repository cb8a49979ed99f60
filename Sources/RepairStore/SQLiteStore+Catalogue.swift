import RepairCore

// Catalogue, customers and users.
extension SQLiteStore {
    /// The catalogue, from the cache unless a write moved `catalogue_version` (one indexed read instead of five).
    public func catalogue() throws -> Catalogue {
        try read { db in
            let version = try db.firstRow("SELECT version FROM catalogue_version") { $0.int64(0) } ?? 0
            if let cached = cachedCatalogue.withLock({ $0 }), cached.version == version { return cached.catalogue }
            // Read in the same snapshot as the version, so the pair is consistent; a racing older pair is
            // replaced on the next call because its version no longer matches.
            let fresh = try Self.catalogue(in: db)
            cachedCatalogue.withLock { $0 = (version, fresh) }
            return fresh
        }
    }

    static func catalogue(in db: Database) throws -> Catalogue {
        let methodsByLocation = try db.rows(
            "SELECT location_id, method_id FROM location_methods ORDER BY location_id, method_id"
        ) {
            ($0.int64(0), $0.int64(1))
        }
        let locations = try db.rows("SELECT id, name, address, tat_days, is_public FROM locations ORDER BY id") { row in
            let id = row.int64(0)
            return Location(
                id: id, name: row.text(1), address: row.text(2), tatDays: Int(row.int64(3)), isPublic: row.bool(4),
                methodIDs: methodsByLocation.filter { $0.0 == id }.map(\.1))
        }
        return Catalogue(
            models: try db.rows("SELECT id, manufacturer, name FROM device_models ORDER BY manufacturer, name") {
                DeviceModel(id: $0.int64(0), manufacturer: $0.text(1), name: $0.text(2))
            },
            locations: locations,
            methods: try db.rows("SELECT id, name FROM shipping_methods ORDER BY id") {
                ShippingMethod(id: $0.int64(0), name: $0.text(1))
            },
            tasks: try tasks(in: db))
    }

    static func tasks(in db: Database) throws -> [ServiceTask] {
        try db.rows("SELECT \(Rows.taskColumns) FROM tasks ORDER BY id", [], Rows.task)
    }

    public func addCustomer(_ customer: Customer) throws -> Customer {
        try write { db in
            try db.run(
                "INSERT INTO customers (id, name, kind, is_reseller, address) VALUES (?, ?, ?, ?, ?)",
                [
                    Self.idValue(customer.id), .text(customer.name), .text(customer.kind.rawValue),
                    .bool(customer.isReseller),
                    .text(customer.address),
                ])
            var saved = customer
            saved.id = db.lastInsertRowID
            return saved
        }
    }

    public func addUser(_ user: User) throws -> User {
        do {
            return try write { db in
                try db.run(
                    """
                    INSERT INTO users (id, email, display_name, role, customer_id, password_hash, is_confirmed, is_disabled)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        Self.idValue(user.id), .text(user.email), .text(user.displayName), .text(user.role.rawValue),
                        .nullable(user.customerID), .text(user.passwordHash), .bool(user.isConfirmed),
                        .bool(user.isDisabled),
                    ])
                var saved = user
                saved.id = db.lastInsertRowID
                return saved
            }
        } catch let error as DatabaseError where error.isUniqueViolation && error.message.contains("users.email") {
            throw Problem.conflict(field: "email", .emailTaken, ["email": .text(user.email)])
        } catch let error as DatabaseError where error.isConstraintViolation {
            throw Problem.invalid("customerID", .unknownCustomer, ["id": .text(user.customerID.map(String.init) ?? "")])
        }
    }

    public func addShippingMethod(_ method: ShippingMethod) throws -> ShippingMethod {
        try write { db in
            try db.run(
                "INSERT INTO shipping_methods (id, name) VALUES (?, ?)", [Self.idValue(method.id), .text(method.name)])
            var saved = method
            saved.id = db.lastInsertRowID
            return saved
        }
    }

    public func addLocation(_ location: Location) throws -> Location {
        try write { db in
            try db.run(
                "INSERT INTO locations (id, name, address, tat_days, is_public) VALUES (?, ?, ?, ?, ?)",
                [
                    Self.idValue(location.id), .text(location.name), .text(location.address),
                    .integer(Int64(location.tatDays)), .bool(location.isPublic),
                ])
            var saved = location
            saved.id = db.lastInsertRowID
            for methodID in location.methodIDs {
                try db.run(
                    "INSERT INTO location_methods (location_id, method_id) VALUES (?, ?)",
                    [.integer(saved.id), .integer(methodID)])
            }
            return saved
        }
    }

    public func addDeviceModel(_ model: DeviceModel) throws -> DeviceModel {
        try write { db in
            try db.run(
                "INSERT INTO device_models (id, manufacturer, name) VALUES (?, ?, ?)",
                [Self.idValue(model.id), .text(model.manufacturer), .text(model.name)])
            var saved = model
            saved.id = db.lastInsertRowID
            return saved
        }
    }

    public func addTask(_ task: ServiceTask) throws -> ServiceTask {
        try write { db in
            try db.run(
                """
                INSERT INTO tasks (id, text, kind, choices, is_filled_by_customer, is_required_in_portal, scope, scope_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [Self.idValue(task.id)] + Rows.taskValues(task))
            var saved = task
            saved.id = db.lastInsertRowID
            return saved
        }
    }

    public func customer(id: Int64) throws -> Customer? {
        try read { db in try Self.customer(id: id, in: db) }
    }

    static func customer(id: Int64, in db: Database) throws -> Customer? {
        try db.firstRow("SELECT \(Rows.customerColumns) FROM customers WHERE id = ?", [.integer(id)], Rows.customer)
    }

    public func customers() throws -> [Customer] {
        try read { db in try db.rows("SELECT \(Rows.customerColumns) FROM customers ORDER BY name", [], Rows.customer) }
    }

    public func user(id: Int64) throws -> User? {
        try read { db in try Self.user(id: id, in: db) }
    }

    static func user(id: Int64, in db: Database) throws -> User? {
        try db.firstRow("SELECT \(Rows.userColumns) FROM users WHERE id = ?", [.integer(id)], Rows.user)
    }

    /// The account of a typed e-mail address, found by `EmailAddress.lookUpKey` (the key sign-in throttles on).
    public func user(email: String) throws -> User? {
        try read { db in
            try db.firstRow(
                "SELECT \(Rows.userColumns) FROM users WHERE email = ?", [.text(EmailAddress.lookUpKey(email))],
                Rows.user)
        }
    }

    public func users() throws -> [User] {
        try read { db in try db.rows("SELECT \(Rows.userColumns) FROM users ORDER BY email", [], Rows.user) }
    }

    // An ID of 0 means "let SQLite assign one".
    static func idValue(_ id: Int64) -> SQLValue { id == 0 ? .null : .integer(id) }
}
