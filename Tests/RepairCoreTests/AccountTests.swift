import Foundation
import Testing

@testable import RepairCore

@Suite("Account lifecycle, confirmation links, password rules, account requests")
struct AccountTests {
    static let admin = User.make(id: 90, role: .admin, customerID: nil)
    static let agent = User.make(id: 91, role: .agent, customerID: nil)

    static func invited() -> User {
        var user = User.make(id: 5)
        user.isConfirmed = false
        user.passwordHash = "!"
        return user
    }

    @Test(arguments: [
        (false, false, AccountState.invited), (true, false, .active), (false, true, .disabled), (true, true, .disabled),
    ])
    func stateFollowsTheFlags(isConfirmed: Bool, isDisabled: Bool, expected: AccountState) {
        var user = User.make()
        user.isConfirmed = isConfirmed
        user.isDisabled = isDisabled
        #expect(user.accountState == expected)
        #expect(user.isActive == (expected == .active))
    }

    @Test func confirmingSetsThePasswordOnceOnly() throws {
        let confirmed = try Self.invited().confirming(passwordHash: "$y$new")
        #expect(confirmed.isConfirmed)
        #expect(confirmed.passwordHash == "$y$new")
        #expect(throws: Problem.self) { try confirmed.confirming(passwordHash: "$y$again") }
        var disabled = Self.invited()
        disabled.isDisabled = true
        #expect(throws: Problem.forbidden(.accountDisabled)) {
            try disabled.confirming(passwordHash: "$y$x")
        }
    }

    @Test func onlyAdminsDisableAndEnableAndNeverThemselves() throws {
        let user = User.make(id: 5)
        let disabled = try user.settingDisabled(true, by: Self.admin)
        #expect(disabled.accountState == .disabled)
        #expect(try disabled.settingDisabled(false, by: Self.admin).accountState == .active)
        #expect(throws: Problem.self) { try disabled.settingDisabled(true, by: Self.admin) }
        #expect(throws: Problem.self) { try user.settingDisabled(false, by: Self.admin) }
        #expect(throws: Problem.self) { try user.settingDisabled(true, by: Self.agent) }
        #expect(throws: Problem.self) { try user.settingDisabled(true, by: User.make(id: 6)) }
        #expect(throws: Problem.forbidden(.ownAccount)) {
            try Self.admin.settingDisabled(true, by: Self.admin)
        }
    }

    @Test func resendIsOnlyForInvitedAccounts() throws {
        try Self.invited().checkCanResendConfirmation(by: Self.admin)
        #expect(throws: Problem.self) { try User.make().checkCanResendConfirmation(by: Self.admin) }
        var disabled = Self.invited()
        disabled.isDisabled = true
        #expect(throws: Problem.self) { try disabled.checkCanResendConfirmation(by: Self.admin) }
        #expect(throws: Problem.self) { try Self.invited().checkCanResendConfirmation(by: Self.agent) }
    }

    @Test func aLinkIsValidUntilItExpiresAndNeverAfterUse() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var link = AccountConfirmation(tokenHash: "h", userID: 5, createdAt: start)
        #expect(link.expiresAt == start.addingTimeInterval(48 * 3600))
        #expect(link.state(at: start) == .valid(userID: 5))
        #expect(link.state(at: link.expiresAt.addingTimeInterval(-1)) == .valid(userID: 5))
        #expect(link.state(at: link.expiresAt) == .expired)
        #expect(link.state(at: start.addingTimeInterval(-10)) == .valid(userID: 5))
        link.usedAt = start.addingTimeInterval(60)
        #expect(link.state(at: start.addingTimeInterval(120)) == .used)
        #expect(link.state(at: link.expiresAt.addingTimeInterval(10)) == .used)
        let short = AccountConfirmation(tokenHash: "h", userID: 5, createdAt: start, lifetime: 10)
        #expect(short.state(at: start.addingTimeInterval(10)) == .expired)
    }

    @Test(arguments: [
        ("correct horse battery", "correct horse battery", [String]()),
        ("", "", ["password"]),
        ("short1", "short1", ["password"]),
        ("aaaaaaaaaaaaaa", "aaaaaaaaaaaaaa", ["password"]),
        ("1212121212", "1212121212", ["password"]),
        ("my u5@example.com pass", "my u5@example.com pass", ["password"]),
        ("line\nbreak pass", "line\nbreak pass", ["password"]),
        (String(repeating: "abcd", count: 65), String(repeating: "abcd", count: 65), ["password"]),
        ("correct horse battery", "correct horse batterY", ["password_repeat"]),
        ("short", "other", ["password", "password_repeat"]),
        ("zażółć gęślą", "zażółć gęślą", []),
    ])
    func passwordRules(password: String, repeated: String, fields: [String]) {
        let errors = PasswordPolicy.default.violations(password: password, repeated: repeated, email: "u5@example.com")
        #expect(errors.map(\.field) == fields)
    }

    @Test func aRequestMakesAnInvitedUserWithTheCustomersRole() throws {
        let user = try AccountRequest(customerID: 10, email: " new@example.com ", displayName: " Nowy ")
            .makeUser(for: .make(), by: Self.admin)
        #expect(user.email == "new@example.com")
        #expect(user.displayName == "Nowy")
        #expect(user.role == .customer)
        #expect(user.customerID == 10)
        #expect(user.accountState == .invited)
        #expect(!user.passwordHash.hasPrefix("$"))
        let reseller = try AccountRequest(customerID: 20, email: "r@example.com", displayName: "R", role: .reseller)
            .makeUser(for: .make(id: 20, isReseller: true), by: Self.admin)
        #expect(reseller.role == .reseller)
    }

    @Test(
        arguments: [
            ("", "Name", nil, "email"),
            ("no-at-sign", "Name", nil, "email"),
            ("a@b", "Name", nil, "email"),
            ("a@@b.pl", "Name", nil, "email"),
            ("ż@example.com", "Name", nil, "email"),
            ("a b@example.com", "Name", nil, "email"),
            ("a@exa_mple.com", "Name", nil, "email"),
            (".a@example.com", "Name", nil, "email"),
            ("a@example..com", "Name", nil, "email"),
            (String(repeating: "a", count: 250) + "@b.pl", "Name", nil, "email"),
            ("a@example.com", "", nil, "displayName"),
            ("a@example.com", String(repeating: "x", count: 121), nil, "displayName"),
            ("a@example.com", "Tab\tName", nil, "displayName"),
            ("a@example.com", "Name", User.Role.reseller, "role"),
            ("a@example.com", "Name", User.Role.admin, "role"),
        ] as [(String, String, User.Role?, String)])
    func badRequestsNameTheField(email: String, name: String, role: User.Role?, field: String) {
        let request = AccountRequest(customerID: 10, email: email, displayName: name, role: role)
        #expect(throws: Problem.self) { try request.makeUser(for: .make(), by: Self.admin) }
        do {
            _ = try request.makeUser(for: .make(), by: Self.admin)
        } catch {
            #expect(error.fieldErrors.map(\.field) == [field])
        }
    }

    @Test func onlyAdminsCreateAccounts() {
        let request = AccountRequest(customerID: 10, email: "a@example.com", displayName: "A")
        for actor in [Self.agent, User.make(id: 3)] {
            #expect(throws: Problem.self) { try request.makeUser(for: .make(), by: actor) }
        }
    }
}
