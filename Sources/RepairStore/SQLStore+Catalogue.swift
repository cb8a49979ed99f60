import RepairCore

// Catalogue, customers and users.
extension SQLStore {
    /// The catalogue, from the cache unless a write moved `catalogue_version` (one indexed read instead of five).
    public func catalogue() throws -> Catalogue {
        try read { db in try cachedCatalogue(in: db) }
    }

    /// The catalogue as of `db`'s snapshot, from the cache when its version is still current there.
    func cachedCatalogue(in db: any SQLConnection) throws -> Catalogue {
        let version = try db.firstRow("SELECT version FROM catalogue_version") { $0.int64("version") } ?? 0
        if let cached = cachedCatalogue.withLock({ $0 }), cached.version == version { return cached.catalogue }
        // Read in the same snapshot as the version, so the pair is consistent; a racing older pair is
        // replaced on the next call because its version no longer matches.
        let fresh = try Self.catalogue(in: db)
        cachedCatalogue.withLock { $0 = (version, fresh) }
        return fresh
    }

    static func catalogue(in db: any SQLConnection) throws -> Catalogue {
        let methodsByLocation = try db.rows(
            "SELECT \(Rows.locationMethodColumns) FROM location_methods ORDER BY location_id, method_id"
        ) {
            ($0.int64("location_id"), $0.int64("method_id"))
        }
        let locations = try db.rows("SELECT \(Rows.locationColumns) FROM locations ORDER BY id") { row in
            let id = row.int64("id")
            return Rows.location(row, methodIDs: methodsByLocation.filter { $0.0 == id }.map(\.1))
        }
        return Catalogue(
            models: try db.rows(
                "SELECT \(Rows.deviceModelColumns) FROM device_models ORDER BY manufacturer, name", [],
                Rows.deviceModel),
            locations: locations,
            methods: try db.rows(
                "SELECT \(Rows.shippingMethodColumns) FROM shipping_methods ORDER BY id", [], Rows.shippingMethod),
            tasks: try tasks(in: db))
    }

    /// Inserts the rows that say which methods `location` accepts.
    static func insertMethods(of location: Location, in db: any SQLConnection) throws {
        for methodID in location.methodIDs {
            try db.run(Rows.insertLocationMethod, [.integer(location.id), .integer(methodID)])
        }
    }

    static func tasks(in db: any SQLConnection) throws -> [ServiceTask] {
        try db.rows("SELECT \(Rows.taskColumns) FROM tasks ORDER BY id", [], Rows.task)
    }

    public func addCustomer(_ customer: Customer) throws -> Customer {
        try write { db in
            try db.run(Rows.insertCustomer, Rows.customerValues(customer))
            var saved = customer
            saved.id = db.lastInsertRowID
            return saved
        }
    }

    public func addUser(_ user: User) throws -> User {
        do {
            return try write { db in
                try db.run(Rows.insertUser, Rows.userValues(user))
                var saved = user
                saved.id = db.lastInsertRowID
                return saved
            }
        } catch let error as DatabaseError where error.knownConstraint == .userEmail {
            throw Problem.conflict(field: "email", .emailTaken, ["email": .text(user.email)])
        } catch let error as DatabaseError where error.isConstraintViolation {
            throw Problem.invalid("customerID", .unknownCustomer, ["id": .text(user.customerID.map(String.init) ?? "")])
        }
    }

    public func addShippingMethod(_ method: ShippingMethod) throws -> ShippingMethod {
        try write { db in
            try db.run(Rows.insertShippingMethod, Rows.shippingMethodValues(method))
            var saved = method
            saved.id = db.lastInsertRowID
            return saved
        }
    }

    public func addLocation(_ location: Location) throws -> Location {
        try write { db in
            try db.run(Rows.insertLocation, Rows.locationValues(location))
            var saved = location
            saved.id = db.lastInsertRowID
            try Self.insertMethods(of: saved, in: db)
            return saved
        }
    }

    public func addDeviceModel(_ model: DeviceModel) throws -> DeviceModel {
        try write { db in
            try db.run(Rows.insertDeviceModel, Rows.deviceModelValues(model))
            var saved = model
            saved.id = db.lastInsertRowID
            return saved
        }
    }

    public func addTask(_ task: ServiceTask) throws -> ServiceTask {
        try write { db in
            try db.run(Rows.insertTask, Rows.taskValues(task))
            var saved = task
            saved.id = db.lastInsertRowID
            return saved
        }
    }

    public func customer(id: Int64) throws -> Customer? {
        try read { db in try Self.customer(id: id, in: db) }
    }

    static func customer(id: Int64, in db: any SQLConnection) throws -> Customer? {
        try db.firstRow("SELECT \(Rows.customerColumns) FROM customers WHERE id = ?", [.integer(id)], Rows.customer)
    }

    public func customers() throws -> [Customer] {
        try read { db in try db.rows("SELECT \(Rows.customerColumns) FROM customers ORDER BY name", [], Rows.customer) }
    }

    public func user(id: Int64) throws -> User? {
        try read { db in try Self.user(id: id, in: db) }
    }

    static func user(id: Int64, in db: any SQLConnection) throws -> User? {
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
        try read { db in try Self.users(in: db) }
    }

    static func users(in db: any SQLConnection) throws -> [User] {
        try db.rows("SELECT \(Rows.userColumns) FROM users ORDER BY email", [], Rows.user)
    }
}
