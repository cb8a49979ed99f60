/// A service location: where devices are repaired.
public struct Location: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var name: String
    /// Postal address, several lines.
    public var address: String
    /// Turnaround time in working days, shown on the summary and to tracking.
    public var tatDays: Int
    /// A non-public location is never offered at intake.
    public var isPublic: Bool
    /// The shipping methods this location accepts.
    public var methodIDs: [Int64]

    /// Makes a location.
    public init(
        id: Int64, name: String, address: String, tatDays: Int, isPublic: Bool, methodIDs: [Int64]
    ) {
        self.id = id
        self.name = name
        self.address = address
        self.tatDays = tatDays
        self.isPublic = isPublic
        self.methodIDs = methodIDs
    }

    /// The summary's line about turnaround.
    public var turnaroundText: String {
        "expected turnaround: \(tatDays) working day\(tatDays == 1 ? "" : "s")"
    }
}
