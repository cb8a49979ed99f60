import RepairCore

extension SQLiteStore {
    /// Loads `fixtures` in one transaction (all or nothing), keeping their IDs and order numbers.
    ///
    /// Each order gets one history event from no status to its status, by the system.
    public func load(_ fixtures: FixtureSet) throws {
        let tasks = try fixtures.serviceTasks()
        try write { db in
            for customer in fixtures.customers {
                try db.run(
                    "INSERT INTO customers (id, name, kind, is_reseller, address) VALUES (?, ?, ?, ?, ?)",
                    [
                        .integer(customer.id), .text(customer.name), .text(customer.kind.rawValue),
                        .bool(customer.isReseller), .text(customer.address),
                    ])
            }
            for user in fixtures.users {
                try db.run(
                    """
                    INSERT INTO users (id, email, display_name, role, customer_id, password_hash, is_confirmed, is_disabled)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .integer(user.id), .text(user.email), .text(user.displayName), .text(user.role.rawValue),
                        .nullable(user.customerID), .text(user.passwordHash), .bool(user.isConfirmed),
                        .bool(user.isDisabled),
                    ])
            }
            for method in fixtures.shippingMethods {
                try db.run(
                    "INSERT INTO shipping_methods (id, name) VALUES (?, ?)", [.integer(method.id), .text(method.name)])
            }
            for location in fixtures.locations {
                try db.run(
                    "INSERT INTO locations (id, name, address, tat_days, is_public) VALUES (?, ?, ?, ?, ?)",
                    [
                        .integer(location.id), .text(location.name), .text(location.address),
                        .integer(Int64(location.tatDays)), .bool(location.isPublic),
                    ])
                for methodID in location.methodIDs {
                    try db.run(
                        "INSERT INTO location_methods (location_id, method_id) VALUES (?, ?)",
                        [.integer(location.id), .integer(methodID)])
                }
            }
            for model in fixtures.deviceModels {
                try db.run(
                    "INSERT INTO device_models (id, manufacturer, name) VALUES (?, ?, ?)",
                    [.integer(model.id), .text(model.manufacturer), .text(model.name)])
            }
            for task in tasks {
                try db.run(
                    """
                    INSERT INTO tasks (id, text, kind, choices, is_filled_by_customer, is_required_in_portal, scope, scope_ids)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [.integer(task.id)] + Rows.taskValues(task))
            }
            for fixture in fixtures.orders {
                try Self.insert(fixture, tasks: tasks, in: db)
            }
        }
    }

    private static func insert(_ fixture: FixtureSet.Order, tasks: [ServiceTask], in db: Database) throws {
        var answers: [Int64: Answer] = [:]
        for (key, raw) in fixture.answers {
            guard let taskID = Int64(key), let task = tasks.first(where: { $0.id == taskID }) else {
                throw Problem.invalid("orders[\(fixture.number)].answers.\(key)", .unknownTask)
            }
            answers[taskID] = try Answer.parse(raw, for: task)
        }
        let order = ServiceOrder(
            id: 0, number: fixture.number, customerID: fixture.customerID, createdByUserID: fixture.createdByUserID,
            intake: Intake(
                modelID: fixture.modelID, serial: fixture.serial, fault: fixture.fault, locationID: fixture.locationID,
                methodID: fixture.methodID, contact: fixture.contact),
            answers: answers, status: fixture.status, assignedAgentID: fixture.assignedAgentID,
            createdAt: fixture.createdAt)
        let id = try insert(order, in: db)
        try append(
            OrderEvent(
                orderID: id, at: fixture.createdAt, actorUserID: nil, fromStatus: nil, toStatus: fixture.status,
                note: "seeded"),
            in: db)
    }
}
