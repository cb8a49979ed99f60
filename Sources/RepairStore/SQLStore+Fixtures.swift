import RepairCore

extension SQLStore {
    /// Loads `fixtures` in one transaction (all or nothing), keeping their IDs and order numbers.
    ///
    /// Each order gets one history event from no status to its status, by the system.
    public func load(_ fixtures: FixtureSet) throws {
        let tasks = try fixtures.serviceTasks()
        try write { db in
            for customer in fixtures.customers { try db.run(Rows.insertCustomer, Rows.customerValues(customer)) }
            for user in fixtures.users { try db.run(Rows.insertUser, Rows.userValues(user)) }
            for method in fixtures.shippingMethods {
                try db.run(Rows.insertShippingMethod, Rows.shippingMethodValues(method))
            }
            for location in fixtures.locations {
                try db.run(Rows.insertLocation, Rows.locationValues(location))
                try Self.insertMethods(of: location, in: db)
            }
            for model in fixtures.deviceModels { try db.run(Rows.insertDeviceModel, Rows.deviceModelValues(model)) }
            for task in tasks { try db.run(Rows.insertTask, Rows.taskValues(task)) }
            for fixture in fixtures.orders {
                try Self.insert(fixture, tasks: tasks, in: db)
            }
            if let shop = fixtures.shop {
                try Self.storeShopSetting(ShopSettings.languageKey, shop.language, in: db)
                try Self.storeShopSetting(ShopSettings.timeZoneKey, shop.timeZone, in: db)
            }
        }
    }

    private static func insert(_ fixture: FixtureSet.Order, tasks: [ServiceTask], in db: any SQLConnection) throws {
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
