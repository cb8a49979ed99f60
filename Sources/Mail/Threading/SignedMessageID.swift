import Foundation
import WebSecurity

/// A `Message-ID` that names the order and the thread entry a mail belongs to, with an HMAC under the server
/// secret, so a reply is matched by its `In-Reply-To`/`References` without trusting its subject:
/// `rs1.<order>.<entry>.<nonce>.<mac>@<domain>`.
public struct SignedMessageID: Sendable, Equatable {
    /// The order's reference (its number), as given when signing.
    public var orderReference: String
    /// The thread entry's id, as given when signing.
    public var entryID: String

    public init(orderReference: String, entryID: String) {
        self.orderReference = orderReference
        self.entryID = entryID
    }

    /// Longest order reference or entry id, in characters.
    public static let maxPartLength = 40
    /// MAC bytes kept: 128 bits, beyond guessing.
    public static let macByteCount = 16

    // Bumped if the layout changes, so old ids fail cleanly instead of being misread.
    private static let version = "rs1"
    private static let purpose = "mail-message-id"

    /// A fresh signed id (without angle brackets) for a mail about `entryID` of `orderReference`; `nonce` keeps two
    /// mails about the same entry apart (default: 8 random hex digits).
    public static func make(
        orderReference: String, entryID: String, domain: String, secret: ServerSecret, nonce: String? = nil
    ) throws(MailError) -> String {
        try validatePart(orderReference, field: "order reference")
        try validatePart(entryID, field: "entry id")
        let nonce = nonce?.lowercased() ?? Hex.encode((0..<4).map { _ in UInt8.random(in: .min ... .max) })
        try validatePart(nonce, field: "nonce")
        let local = [version, orderReference, entryID, nonce].joined(separator: ".")
        let id = local + "." + mac(local, secret: secret) + "@" + domain
        try MailAddress.validateDotAtom(id, field: "Message-ID")
        return id
    }

    /// The order and entry a signed id names; nil for any other id, or one whose MAC does not verify.
    public static func verify(_ id: String, secret: ServerSecret) -> SignedMessageID? {
        let bare = id.trimmingCharacters(in: ["<", ">", " "])
        guard bare.utf8.count <= 4 * maxPartLength + 64 + 255, let at = bare.lastIndex(of: "@") else { return nil }
        let parts = bare[..<at].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[0] == version else { return nil }
        // Hex parts compared in lower case: a client that changes their case still matches.
        let local = [parts[0], parts[1], parts[2], parts[3].lowercased()].joined(separator: ".")
        guard ConstantTime.isEqual(parts[4].lowercased(), mac(local, secret: secret)) else { return nil }
        return SignedMessageID(orderReference: parts[1], entryID: parts[2])
    }

    /// The newest signed id of ours in a reply: `In-Reply-To` first, then `References` from the newest back.
    public static func find(inReplyTo: [String], references: [String], secret: ServerSecret) -> SignedMessageID? {
        for id in inReplyTo + references.reversed() {
            if let signed = verify(id, secret: secret) { return signed }
        }
        return nil
    }

    /// Letters, digits and `-` only, so the parts never contain the `.` that separates them.
    private static func validatePart(_ value: String, field: String) throws(MailError) {
        guard !value.isEmpty, value.count <= maxPartLength,
            value.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
            })
        else {
            throw .invalidAddress(
                field: "Message-ID", value: value,
                rule: "\(field) must be 1 to \(maxPartLength) ASCII letters, digits or '-'")
        }
    }

    private static func mac(_ local: String, secret: ServerSecret) -> String {
        Hex.encode(HMAC.sha256(key: secret.derivedKey(for: purpose), message: local).prefix(macByteCount))
    }
}

extension InboundMessage {
    /// The signed id of ours this message answers, if any (`SignedMessageID.find`).
    public func signedMessageID(secret: ServerSecret) -> SignedMessageID? {
        SignedMessageID.find(inReplyTo: inReplyTo, references: references, secret: secret)
    }
}
