import Foundation
import RepairCore

/// The use cases: every operation a page, an API route, a CLI command, an inbound mail or a scheduled job performs,
/// one method each, over the store protocols, with the clock, randomness and mail passed in. Adapters call these
/// and check no rule themselves; the rules are the core's (access through `AccessPolicy`), applied inside the
/// store's one transaction per call.
public struct RepairApp: Sendable {
    /// Staff order handling: confirm, status, assign.
    public let staffOrders: StaffOrders
    /// A customer's own orders: the wizard, notes, look-ups.
    public let customerOrders: CustomerOrders
    /// A reseller company's shipments.
    public let shipments: Shipments
    /// Accounts: invitations, links, disabling; the console's `user add`.
    public let accounts: Accounts
    /// Admin edits of the catalogue and customers.
    public let catalogue: AdminCatalogue
    /// A user's own API tokens.
    public let apiTokens: APITokens
    /// Stored replacements of the label templates.
    public let templates: TemplateOverrides
    /// A user's own settings and password.
    public let settings: AccountSettings
    /// Forgot-password links.
    public let passwordResets: PasswordResets

    /// The use cases over `store`, reading the time from `now`; `credentials` and `confirmationMail` are the
    /// randomness, hashing and mail texts of account invitations and API tokens, `templateCheck` the label
    /// template language's rule (adapters that use none of these may omit them).
    public init(
        store: any RepairStorage, now: @escaping @Sendable () -> Date,
        credentials: AccountCredentials = .unconfigured,
        confirmationMail: @escaping @Sendable (ConfirmationInvite) -> OutgoingMail = { _ in
            preconditionFailure("confirmation mail not configured")
        },
        templateCheck: LabelTemplateCheck = .refusingAll,
        resetMail: @escaping @Sendable (PasswordResetInvite) -> OutgoingMail = { _ in
            preconditionFailure("password reset mail not configured")
        }
    ) {
        settings = AccountSettings(store: store, now: now, credentials: credentials)
        passwordResets = PasswordResets(store: store, now: now, credentials: credentials, resetMail: resetMail)
        staffOrders = StaffOrders(store: store, now: now)
        customerOrders = CustomerOrders(store: store, now: now)
        shipments = Shipments(store: store, now: now)
        accounts = Accounts(store: store, now: now, credentials: credentials, confirmationMail: confirmationMail)
        catalogue = AdminCatalogue(store: store, now: now)
        apiTokens = APITokens(store: store, now: now, makeToken: credentials.makeToken)
        templates = TemplateOverrides(store: store, now: now, templateCheck: templateCheck)
    }
}
