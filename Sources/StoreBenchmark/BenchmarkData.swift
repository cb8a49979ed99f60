import Foundation
import RepairCore
import RepairStore

/// Builds the benchmark database: a small catalogue and `orders` orders, the last `approvals` of them drafts.
enum BenchmarkData {
    /// The customer user who owns and approves the drafts.
    static let userID: Int64 = 1

    /// Builds the database at `path`; returns every order number.
    static func build(path: String, settings: BenchmarkSettings) throws -> [OrderNumber] {
        let store = try SQLiteStore(path: path)
        _ = try store.addCustomer(
            Customer(id: 1, name: "Jan Łukasiewicz", kind: .person, isReseller: false, address: "Warszawa"))
        _ = try store.addUser(
            User(
                id: userID, email: "bench@example.com", displayName: "Bench", role: .customer, customerID: 1,
                passwordHash: "$y$"))
        _ = try store.addUser(
            User(
                id: 2, email: "agent@example.com", displayName: "Paweł Zieliński", role: .agent, customerID: nil,
                passwordHash: "$y$"))
        _ = try store.addShippingMethod(ShippingMethod(id: 1, name: "Courier"))
        _ = try store.addLocation(
            Location(id: 1, name: "Warszawa Centrum", address: "Warszawa", tatDays: 5, isPublic: true, methodIDs: [1]))
        for id in Int64(1)...10 {
            _ = try store.addDeviceModel(DeviceModel(id: id, manufacturer: "Maker", name: "Model \(id)"))
        }
        _ = try store.addTask(
            ServiceTask(
                id: 1, text: "Warranty?", kind: .yesNo, isFilledByCustomer: true, isRequiredInPortal: true,
                scope: .allDevices))
        _ = try store.addTask(
            ServiceTask(
                id: 2, text: "Lock code", kind: .text, isFilledByCustomer: true, isRequiredInPortal: false,
                scope: .models([1, 2])))

        var generator = SplitMix64(seed: 2026)
        var numbers: [OrderNumber] = []
        var seen = Set<OrderNumber>()
        while numbers.count < settings.orders {
            let number = OrderNumber.random(using: &generator)
            if seen.insert(number).inserted { numbers.append(number) }
        }
        let firstDraft = settings.orders - settings.approvals
        let statuses: [OrderStatus] = [.submitted, .confirmed, .received, .inRepair, .resolved, .closed]
        let created = Date().timeIntervalSince1970
        try store.write { db in
            for (index, number) in numbers.enumerated() {
                let status = index >= firstDraft ? OrderStatus.draft : statuses[index % statuses.count]
                try db.run(
                    """
                    INSERT INTO orders (id, number, customer_id, created_by, model_id, serial, fault, location_id, method_id,
                        contact_first_name, contact_surname, contact_email, contact_phone, status, assigned_agent_id,
                        created_at, updated_at)
                    VALUES (?, ?, 1, 1, ?, ?, 'Does not start', 1, 1, 'Jan', 'Łukasiewicz', 'jan@example.com', '', ?, ?, ?, ?)
                    """,
                    [
                        .integer(Int64(index + 1)), .text(number.description), .integer(Int64(index % 10 + 1)),
                        .text("SN\(index)"), .text(status.rawValue), index % 2 == 0 ? .integer(2) : .null,
                        .real(created), .real(created),
                    ])
                try db.run(
                    "INSERT INTO order_answers (order_id, task_id, kind, value) VALUES (?, 1, 'yes_no', 'yes')",
                    [.integer(Int64(index + 1))])
            }
        }
        _ = try store.read { db in try db.firstRow("PRAGMA wal_checkpoint(TRUNCATE)") { _ in 0 } }
        return numbers
    }

    /// Copies the checkpointed database file so the raw side starts from the same data.
    static func copy(from source: String, to destination: String) throws {
        try FileManager.default.copyItem(atPath: source, toPath: destination)
    }
}
