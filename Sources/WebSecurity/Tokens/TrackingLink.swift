import RepairCore

/// Signed tracking links (`/t/<token>`): the order number plus a truncated HMAC, so the link opens tracking
/// without a surname and cannot be forged for another order.
public enum TrackingLink {
    /// Longest order number a link may carry, in UTF-8 bytes.
    public static let maximumOrderNumberByteCount = 64
    /// MAC bytes kept in a link: 128 bits, beyond online guessing.
    public static let macByteCount = 16

    // Bumped if the layout changes, so old links fail cleanly instead of being misread.
    private static let version: UInt8 = 1
    private static let purpose = "tracking-link"

    /// The token for `orderNumber`: base64url of version, length, number and MAC.
    public static func makeToken(orderNumber: String, secret: ServerSecret) throws(Problem) -> String {
        let number = Array(orderNumber.utf8)
        guard !number.isEmpty else {
            throw .invalid("orderNumber", .required)
        }
        guard number.count <= maximumOrderNumberByteCount else {
            throw .invalid("orderNumber", .tooLongBytes, ["maximum": .number(maximumOrderNumberByteCount)])
        }
        let body = [version, UInt8(number.count)] + number
        return Base64URL.encode(body + mac(body, secret: secret))
    }

    /// The order number in `token`, or nil when the token is malformed, tampered with, or made with another key.
    public static func orderNumber(fromToken token: String, secret: ServerSecret) -> String? {
        // Base64url of the largest valid token; anything longer is refused before decoding.
        let maximumTokenLength = ((2 + maximumOrderNumberByteCount + macByteCount) * 4 + 2) / 3
        guard token.utf8.count <= maximumTokenLength, let bytes = Base64URL.decode(token) else { return nil }
        guard bytes.count > 2 + macByteCount, bytes[0] == version else { return nil }
        let numberCount = Int(bytes[1])
        guard numberCount > 0, bytes.count == 2 + numberCount + macByteCount else { return nil }
        let body = Array(bytes[0..<(2 + numberCount)])
        let presented = bytes[(2 + numberCount)...]
        guard ConstantTime.isEqual(presented, mac(body, secret: secret)) else { return nil }
        return String(validating: body[2...], as: UTF8.self)
    }

    private static func mac(_ body: [UInt8], secret: ServerSecret) -> [UInt8] {
        Array(HMAC.sha256(key: secret.derivedKey(for: purpose), message: body).prefix(macByteCount))
    }
}
