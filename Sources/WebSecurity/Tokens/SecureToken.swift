/// Random bearer tokens (sessions, API tokens, e-mail confirmation); only their hash is stored.
public enum SecureToken {
    /// Random bytes in a token: 256 bits, far beyond guessing.
    public static let byteCount = 32
    /// Length of a token as text: 43 base64url characters.
    public static let textLength = 43

    /// A fresh token: 32 random bytes from the system CSPRNG, base64url without padding.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Base64URL.encode(bytes)
    }

    /// The value to store for `token`: lower-case hex SHA-256, so a leaked table holds no usable token.
    public static func storageHash(_ token: String) -> String {
        SHA256.hexHash(Array(token.utf8))
    }

    /// True when `token` has the shape `make()` produces; check before any look-up to refuse junk cheaply.
    public static func isWellFormed(_ token: String) -> Bool {
        guard token.utf8.count == textLength, let bytes = Base64URL.decode(token) else { return false }
        return bytes.count == byteCount
    }
}
