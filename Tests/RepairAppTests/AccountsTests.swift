import Foundation
import RepairApp
import RepairCore
import RepairStore
import Testing

@Suite("Account use cases over a real SQLite file")
struct AccountsTests {
    let store: SQLiteStore
    let app: RepairApp
    let admin: User

    init() throws {
        store = try AppTestStore.make()
        app = RepairApp(
            store: store, now: { AppTestStore.now },
            credentials: AppTestStore.credentials,
            confirmationMail: { invite in
                OutgoingMail(
                    recipient: invite.user.email, recipientName: invite.user.displayName, subject: "Confirm",
                    body: invite.token, messageID: "m-\(invite.isResend)@example.com")
            })
        admin = try store.requireUser("admin@example.com")
    }

    @Test func anInvitationEnqueuesItsMailAndTheLinkConfirms() throws {
        let outbox = try store.count("outbox")
        let user = try app.accounts.create(
            AccountRequest(customerIDText: "1", email: "new@example.com", displayName: "New", roleText: ""),
            by: admin)
        #expect(!user.isConfirmed)
        #expect(try store.count("outbox") == outbox + 1)
        #expect(try app.accounts.invitee(token: "token-1").id == user.id)
        let confirmed = try app.accounts.confirm(
            token: "token-1", password: "long enough pw", repeated: "long enough pw")
        #expect(confirmed.isConfirmed)
        let used = #expect(throws: Problem.self) { try app.accounts.invitee(token: "token-1") }
        #expect(used?.code == .linkUsed)
        #expect(try app.accounts.linkState(token: "junk") == .unknown)
    }

    @Test func aRefusedInvitationWritesNothing() throws {
        let outbox = try store.count("outbox")
        let users = try store.count("users")
        let agent = try store.requireUser("agent@example.com")
        let forbidden = #expect(throws: Problem.self) {
            try app.accounts.create(
                AccountRequest(customerID: 1, email: "x@example.com", displayName: "X"), by: agent)
        }
        #expect(forbidden == Problem.forbidden(.adminsOnly))
        let role = #expect(throws: Problem.self) {
            try AccountRequest(customerIDText: "1", email: "x@example.com", displayName: "X", roleText: "admin")
        }
        #expect(role?.fieldErrors.first?.field == "role")
        #expect(try store.count("outbox") == outbox)
        #expect(try store.count("users") == users)
    }

    // The console's `user add`: the invitation's e-mail and name rules, plus the role and customer rules.
    @Test(
        arguments: [
            ("ok@example.com", "Name", User.Role.agent, Int64?.none, "", FieldRule.Code?.none),
            ("nope", "Name", .agent, nil, "email", .emailShape),
            ("a@example.com", "", .agent, nil, "displayName", .nameRequired),
            ("a@example.com", "Name", .agent, 1, "role", .staffNoCustomer),
            ("a@example.com", "Name", .customer, nil, "customerID", .customerRequired),
            ("a@example.com", "Name", .customer, 77, "customerID", .unknownCustomer),
            ("a@example.com", "Name", .customer, 2, "role", .roleMustBeReseller),
            ("a@example.com", "Name", .reseller, 1, "role", .roleMustBeCustomer),
            ("customer@example.com", "Name", .customer, 1, "email", .emailTaken),
        ] as [(String, String, User.Role, Int64?, String, FieldRule.Code?)])
    func theConsoleAddsAUserByTheAccountRules(
        email: String, name: String, role: User.Role, customerID: Int64?, field: String, rule: FieldRule.Code?
    ) throws {
        let count = try store.users().count
        let user = User(
            id: 0, email: " \(email) ", displayName: name, role: role, customerID: customerID,
            passwordHash: "$y$j9T$abc$def", isConfirmed: true)
        guard let rule else {
            #expect(try app.accounts.addUser(user).email == email)
            return
        }
        let refused = #expect(throws: Problem.self) { try app.accounts.addUser(user) }
        #expect(refused?.fieldErrors.map(\.field) == [field])
        #expect(refused?.fieldErrors.map(\.rule.code) == [rule])
        #expect(try store.users().count == count)
    }
}
