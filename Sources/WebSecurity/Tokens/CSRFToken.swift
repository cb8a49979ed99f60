/// CSRF tokens bound to a session: HMAC(server secret, session token hash), so no server-side state is needed.
public enum CSRFToken {
    private static let purpose = "csrf"

    /// The token to put in every form of the session whose stored hash is `sessionTokenHash`.
    public static func make(secret: ServerSecret, sessionTokenHash: String) -> String {
        Base64URL.encode(mac(secret: secret, sessionTokenHash: sessionTokenHash))
    }

    /// True when `token` was made for this session by this server; compared in constant time.
    public static func isValid(_ token: String, secret: ServerSecret, sessionTokenHash: String) -> Bool {
        guard let presented = Base64URL.decode(token) else { return false }
        return ConstantTime.isEqual(presented, mac(secret: secret, sessionTokenHash: sessionTokenHash))
    }

    private static func mac(secret: ServerSecret, sessionTokenHash: String) -> [UInt8] {
        HMAC.sha256(key: secret.derivedKey(for: purpose), message: sessionTokenHash)
    }
}
