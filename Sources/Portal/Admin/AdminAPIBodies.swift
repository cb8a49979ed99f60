import RepairCore

// JSON bodies of the admin API. Inputs carry no `id`: the path names the entry.

/// `POST/PUT /api/v1/admin/locations`.
struct LocationBody: Decodable {
    var name: String
    var address: String
    var tatDays: Int
    var isPublic: Bool
    var methodIDs: [Int64]

    func makeLocation(id: Int64) -> Location {
        Location(id: id, name: name, address: address, tatDays: tatDays, isPublic: isPublic, methodIDs: methodIDs)
    }
}

/// `POST/PUT /api/v1/admin/shipping-methods`.
struct MethodBody: Decodable {
    var name: String
}

/// `POST/PUT /api/v1/admin/device-models`.
struct ModelBody: Decodable {
    var manufacturer: String
    var name: String
}

/// `POST/PUT /api/v1/admin/customers`; `kind` is `person` or `company`.
struct CustomerBody: Decodable {
    var name: String
    var kind: String
    var isReseller: Bool
    var address: String?

    func makeCustomer(id: Int64) throws(Problem) -> Customer {
        guard let kind = Customer.Kind(rawValue: kind) else {
            throw .invalid("kind", .oneOf, ["choices": .list(["person", "company"])])
        }
        return Customer(id: id, name: name, kind: kind, isReseller: isReseller, address: address ?? "")
    }
}
