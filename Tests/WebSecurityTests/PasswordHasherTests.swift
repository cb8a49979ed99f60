import RepairCore
import Testing
import WebSecurity

@Suite("Password hashing (yescrypt via libcrypt)")
struct PasswordHasherTests {
    let hasher = PasswordHasher()

    @Test func roundTrip() throws {
        let hash = try hasher.hash("correct horse battery staple")
        #expect(hash.hasPrefix("$y$"))
        #expect(hasher.verify("correct horse battery staple", against: hash))
        #expect(!hasher.verify("correct horse battery stapl", against: hash))
        #expect(!hasher.verify("Correct horse battery staple", against: hash))
    }

    @Test func saltsDiffer() throws {
        #expect(try hasher.hash("same password") != hasher.hash("same password"))
    }

    @Test func verifiesHashMadeByPython() {
        // python3 -c "import crypt; print(crypt.crypt('customer-demo', '\$y\$j9T\$abcdefghijklmnop\$'))"
        let hash = "$y$j9T$abcdefghijklmnop$43ryYxgpFSWFc.Lq8uwG8I6yfvLoba9hsh1ZgphzMU3"
        #expect(hasher.verify("customer-demo", against: hash))
        #expect(!hasher.verify("customer-dem0", against: hash))
    }

    @Test func nonASCIIPassword() throws {
        let hash = try hasher.hash("zażółć gęślą jaźń")
        #expect(hasher.verify("zażółć gęślą jaźń", against: hash))
        #expect(!hasher.verify("zazolc gesla jazn", against: hash))
    }

    @Test func emptyPasswordIsRefused() {
        #expect(throws: Problem.invalid("password", .passwordRequired)) {
            try hasher.hash("")
        }
        #expect(!hasher.verify("", against: "$y$j9T$abcdefghijklmnop$43ryYxgpFSWFc.Lq8uwG8I6yfvLoba9hsh1ZgphzMU3"))
    }

    @Test func overLongPasswordIsRefused() throws {
        let longest = String(repeating: "x", count: PasswordHasher.defaultMaximumPasswordByteCount)
        let hash = try hasher.hash(longest)
        #expect(hasher.verify(longest, against: hash))
        let error = #expect(throws: Problem.self) { try hasher.hash(longest + "x") }
        #expect(error?.fieldErrors.first?.rule.code == .tooLongBytes)
        #expect(error?.field == "password")
        #expect(!hasher.verify(longest + "x", against: hash))
    }

    @Test func nulInPasswordIsRefused() throws {
        let error = #expect(throws: Problem.self) { try hasher.hash("abc\u{0}def") }
        #expect(error?.fieldErrors.first?.rule.code == .controlCharacter)
        // Without the check, crypt would hash only "abc" and accept it.
        let hash = try hasher.hash("abc")
        #expect(!hasher.verify("abc\u{0}def", against: hash))
    }

    @Test(arguments: [
        "",  // no hash stored
        "*0",  // libcrypt failure string
        "*1",
        "not a hash",
        "$y$",  // truncated setting
        "$y$j9T$abcdefghijklmnop$",  // setting without the hash part
        "$y$j9T$abcdefghijklmnop$43ryYxgpFSWFc.Lq8uwG8I6yfvLoba9hsh1ZgphzMU4",  // last character changed
        "$zz$unknown-method",
        String(repeating: "$", count: 1000),
    ])
    func malformedHashNeverVerifies(stored: String) {
        #expect(!hasher.verify("customer-demo", against: stored))
    }
}

extension PasswordHasherTests {
    @Test func limitCannotBeRaisedPastLibcrypt() {
        #expect(PasswordHasher(maximumPasswordByteCount: 4096).maximumPasswordByteCount == 511)
        let small = PasswordHasher(maximumPasswordByteCount: 8)
        #expect((try? small.hash("12345678")) != nil)
        #expect((try? small.hash("123456789")) == nil)
    }
}

extension PasswordHasherTests {
    @Test func decoyHashIsRealButMatchesNothingKnown() {
        #expect(PasswordHasher.decoyHash.hasPrefix("$y$"))
        #expect(!hasher.verify("customer-demo", against: PasswordHasher.decoyHash))
        #expect(!hasher.verify("", against: PasswordHasher.decoyHash))
    }

    @Test func hashingIsSafeFromManyTasksAtOnce() async throws {
        // crypt_r with a per-call scratch area must not share state between threads.
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<4 {
                group.addTask {
                    let hasher = PasswordHasher()
                    let hash = try hasher.hash("password-\(index)")
                    return hasher.verify("password-\(index)", against: hash)
                        && !hasher.verify("password-\(index + 1)", against: hash)
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == [true, true, true, true])
    }
}
