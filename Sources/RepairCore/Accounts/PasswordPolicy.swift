/// The rules a new password must meet on the set-password page: typed twice, long enough, not trivial.
public struct PasswordPolicy: Sendable, Hashable {
    /// Fewest characters (default 10): long passphrases beat composition rules (NIST SP 800-63B §5.1.1).
    public var minimumLength: Int
    /// Most UTF-8 bytes (default 256): well below libcrypt's 511-byte limit, and bounds hashing work.
    public var maximumByteCount: Int
    /// Fewest different characters (default 4), so `aaaaaaaaaa` or `1212121212` is refused.
    public var minimumDistinctCharacters: Int

    /// A policy; the defaults are documented on each field.
    public init(minimumLength: Int = 10, maximumByteCount: Int = 256, minimumDistinctCharacters: Int = 4) {
        self.minimumLength = minimumLength
        self.maximumByteCount = maximumByteCount
        self.minimumDistinctCharacters = minimumDistinctCharacters
    }

    /// The defaults.
    public static let `default` = PasswordPolicy()

    /// Field names on the set-password form and in the API.
    public static let passwordField = "password"
    public static let repeatField = "password_repeat"

    /// Every rule `password` (typed again as `repeated`) breaks for the account `email`; empty when it is fine.
    public func violations(password: String, repeated: String, email: String) -> [FieldError] {
        var errors: [FieldError] = []
        func fail(_ rule: FieldRule.Code, _ parameters: [String: ProblemValue] = [:]) {
            errors.append(FieldError(field: Self.passwordField, rule: FieldRule(rule, parameters)))
        }
        if password.isEmpty {
            fail(.passwordRequired)
        } else if password.count < minimumLength {
            fail(.tooShort, ["minimum": .number(minimumLength)])
        } else if password.utf8.count > maximumByteCount {
            fail(.tooLongBytes, ["maximum": .number(maximumByteCount)])
        } else if let error = TextRules.violation(of: password, field: Self.passwordField, lines: .single) {
            errors.append(error)
        } else if Set(password).count < minimumDistinctCharacters {
            fail(.passwordDistinct, ["minimum": .number(minimumDistinctCharacters)])
        } else if !email.isEmpty, password.lowercased().contains(email.lowercased()) {
            fail(.passwordContainsEmail)
        }
        if password != repeated {
            errors.append(FieldError(field: Self.repeatField, rule: FieldRule(.passwordsDiffer)))
        }
        return errors
    }

    /// Throws a validation error with every broken rule.
    public func check(password: String, repeated: String, email: String) throws(Problem) {
        let errors = violations(password: password, repeated: repeated, email: email)
        guard errors.isEmpty else { throw .validation(errors) }
    }
}
