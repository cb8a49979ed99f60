/// A mailbox: an ASCII `local@domain` address with an optional display name (any script).
public struct MailAddress: Sendable, Equatable, Hashable {
    /// Longest address accepted, per RFC 5321 §4.5.3.1.3 path limits (default 254).
    public static let maxAddressLength = 254

    public let address: String
    public let displayName: String?

    /// Validates the address and the display name; `field` names the header in errors.
    public init(_ address: String, displayName: String? = nil, field: String = "address") throws(MailError) {
        try Self.validateDotAtom(address, field: field)
        if let displayName {
            try MailHeader.validateText(displayName, field: "\(field) display name")
        }
        self.address = address
        self.displayName = displayName.flatMap { $0.isEmpty ? nil : $0 }
    }

    // Allowed outside the alphanumerics in an RFC 5322 §3.2.3 dot-atom.
    private static let atomSpecials = Set("!#$%&'*+/=?^_`{|}~-".utf8)

    /// Checks `left@right` where both sides are dot-atoms: used for addresses and Message-IDs.
    static func validateDotAtom(_ value: String, field: String) throws(MailError) {
        func fail(_ rule: String) -> MailError { .invalidAddress(field: field, value: value, rule: rule) }
        guard value.utf8.count <= maxAddressLength else { throw fail("longer than \(maxAddressLength) bytes") }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw fail("must contain exactly one @") }
        for part in parts {
            guard !part.isEmpty else { throw fail("empty part around @") }
            let isAtomText = part.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2E
                    || atomSpecials.contains(byte)
            }
            guard isAtomText else { throw fail("only ASCII letters, digits and !#$%&'*+/=?^_`{|}~.- are allowed") }
            guard !part.hasPrefix("."), !part.hasSuffix("."), !part.contains("..") else {
                throw fail("dots must separate non-empty atoms")
            }
        }
    }
}
