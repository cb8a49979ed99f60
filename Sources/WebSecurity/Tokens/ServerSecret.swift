import RepairCore

/// The server's secret key for CSRF tokens and signed tracking links; generated once and stored by the caller.
public struct ServerSecret: Sendable, Equatable {
    /// Length of a secret in bytes (256 bits, the HMAC-SHA-256 block security level).
    public static let byteCount = 32

    /// The raw key bytes.
    public let bytes: [UInt8]

    /// A fresh random secret from the system's CSPRNG.
    public static func generate() -> ServerSecret {
        var generator = SystemRandomNumberGenerator()
        return ServerSecret(
            checkedBytes: (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// A secret from exactly `byteCount` bytes.
    public init(bytes: [UInt8]) throws(Problem) {
        guard bytes.count == Self.byteCount else {
            throw .invalid(
                "serverSecret", .byteCount, ["expected": .number(Self.byteCount), "actual": .number(bytes.count)])
        }
        self.bytes = bytes
    }

    /// A secret from 64 hex digits, as written by `hexString` (surrounding whitespace ignored, e.g. from a file).
    public init(hex: String) throws(Problem) {
        let trimmed = hex.filter { !$0.isWhitespace }
        guard let decoded = Hex.decode(trimmed) else {
            throw .invalid("serverSecret", .hexDigits, ["count": .number(Self.byteCount * 2)])
        }
        try self.init(bytes: decoded)
    }

    private init(checkedBytes: [UInt8]) {
        bytes = checkedBytes
    }

    /// The secret as 64 lower-case hex digits, for saving.
    public var hexString: String { Hex.encode(bytes) }

    /// A separate key per use, so a MAC made for one purpose is never accepted for another.
    public func derivedKey(for purpose: String) -> [UInt8] {
        HMAC.sha256(key: bytes, message: "repairshop key v1: " + purpose)
    }
}

extension ServerSecret: CustomStringConvertible {
    // Never print the key into logs by accident.
    public var description: String { "ServerSecret(redacted)" }
}
