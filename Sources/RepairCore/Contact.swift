/// Who the shop talks to about an order; entered at intake, prefilled from the user.
public struct Contact: Sendable, Hashable, Codable {
    public var firstName: String
    /// Tracking matches this surname (case- and diacritic-insensitively).
    public var surname: String
    public var email: String
    /// Optional; digits, spaces, `+`, `-`, `(`, `)` only.
    public var phone: String

    /// Makes a contact.
    public init(firstName: String, surname: String, email: String, phone: String = "") {
        self.firstName = firstName
        self.surname = surname
        self.email = email
        self.phone = phone
    }
}
