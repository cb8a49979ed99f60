import CCrypt
import RepairCore

#if canImport(Glibc)
    import Glibc
#endif

/// Password hashing with yescrypt through libcrypt (libxcrypt): slow, salted, in the standard `$y$…` format.
public struct PasswordHasher: Sendable {
    /// Longest password accepted, in UTF-8 bytes: 511, libcrypt's CRYPT_MAX_PASSPHRASE_SIZE less the NUL.
    /// Longer input is refused with a typed error rather than truncated or failed deep inside libcrypt.
    public static let defaultMaximumPasswordByteCount = Int(CRYPT_MAX_PASSPHRASE_SIZE) - 1
    /// Random salt bytes handed to `crypt_gensalt_rn`: 128 bits, as libcrypt itself uses.
    public static let saltByteCount = 16
    /// Longest stored hash that `verify` will look at (libcrypt's CRYPT_OUTPUT_SIZE).
    public static let maximumHashByteCount = 384

    /// Longest password accepted, in UTF-8 bytes.
    public var maximumPasswordByteCount: Int
    /// yescrypt cost passed to `crypt_gensalt_rn`; 0 means libcrypt's current default.
    public var cost: UInt

    /// A hasher with the given limits; defaults suit interactive sign-in.
    public init(maximumPasswordByteCount: Int = Self.defaultMaximumPasswordByteCount, cost: UInt = 0) {
        // libcrypt cannot take more, whatever the caller asks for.
        self.maximumPasswordByteCount = min(maximumPasswordByteCount, Self.defaultMaximumPasswordByteCount)
        self.cost = cost
    }

    /// A new `$y$` hash of `password` with a fresh random salt.
    public func hash(_ password: String) throws(Problem) -> String {
        try check(password)
        let setting = try makeSetting()
        guard let hashed = Self.crypt(password, setting: setting), hashed.hasPrefix("$y$") else {
            throw Self.failure
        }
        return hashed
    }

    // libcrypt failing is a broken installation, not a client's mistake: the edge's `internal` code (a logged
    // 500 that says nothing more), named by its stable text since the edge declares it.
    private static let failure = Problem(ProblemCode("internal"), reason: "password_hashing", field: "password")

    /// A valid hash of a random, forgotten password at the default cost. Verify against it when the account
    /// does not exist, so an unknown e-mail costs as much time as a wrong password and reveals nothing.
    public static let decoyHash: String = (try? PasswordHasher().hash(SecureToken.make())) ?? "*0"

    /// True when `password` matches `storedHash`; a malformed or failure (`*…`) hash never matches.
    public func verify(_ password: String, against storedHash: String) -> Bool {
        guard (try? check(password)) != nil else { return false }
        // libcrypt's failure strings start with `*`; a `$` prefix is required for every modern method.
        guard storedHash.hasPrefix("$"), storedHash.utf8.count <= Self.maximumHashByteCount,
            !storedHash.utf8.contains(0)
        else { return false }
        // The stored hash is itself a valid setting: crypt reads the method, cost and salt from it.
        guard let recomputed = Self.crypt(password, setting: storedHash), !recomputed.hasPrefix("*") else {
            return false
        }
        return ConstantTime.isEqual(recomputed, storedHash)
    }

    private func check(_ password: String) throws(Problem) {
        let byteCount = password.utf8.count
        guard byteCount > 0 else {
            throw .invalid("password", .passwordRequired)
        }
        guard byteCount <= maximumPasswordByteCount else {
            throw .invalid("password", .tooLongBytes, ["maximum": .number(maximumPasswordByteCount)])
        }
        // A NUL would end the C string early and hash only a prefix of the password.
        guard !password.utf8.contains(0) else {
            throw .invalid("password", .controlCharacter, ["codePoint": "0000"])
        }
    }

    private func makeSetting() throws(Problem) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltByteCount).map { _ in
            CChar(bitPattern: UInt8.random(in: .min ... .max, using: &generator))
        }
        var output = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        let result = salt.withUnsafeBufferPointer { saltBuffer in
            crypt_gensalt_rn("$y$", cost, saltBuffer.baseAddress, Int32(saltBuffer.count), &output, Int32(output.count))
        }
        guard result != nil, output[0] != CChar(UInt8(ascii: "*")) else {
            throw Self.failure
        }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // crypt_r with its scratch area on the heap: `struct crypt_data` is about 32 KiB, too big for a task stack.
    private static func crypt(_ password: String, setting: String) -> String? {
        let data = UnsafeMutablePointer<crypt_data>.allocate(capacity: 1)
        // libcrypt requires the area zeroed before first use; zero it again after, since it held the password.
        memset(data, 0, MemoryLayout<crypt_data>.size)
        defer {
            memset(data, 0, MemoryLayout<crypt_data>.size)
            data.deallocate()
        }
        guard let result = crypt_r(password, setting, data) else { return nil }
        return String(cString: result)
    }
}
