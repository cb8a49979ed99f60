import Foundation
import RepairCore

/// The use cases: every operation a page, an API route, a CLI command, an inbound mail or a job performs,
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
    /// Customer accounts: invitations, links, disabling.
    public let accounts: Accounts
    /// Admin edits of the catalogue, customers and label templates.
    public let catalogue: AdminCatalogue

    /// The use cases over `store`, reading the time from `now`; `credentials` and `confirmationMail` are the
    /// randomness, hashing and mail texts of account invitations (adapters that invite nobody may omit them).
    public init(
        store: any RepairStorage, now: @escaping @Sendable () -> Date,
        credentials: AccountCredentials = .unconfigured,
        confirmationMail: @escaping @Sendable (ConfirmationInvite) -> OutgoingMail = { _ in
            preconditionFailure("confirmation mail not configured")
        }
    ) {
        staffOrders = StaffOrders(store: store, now: now)
        customerOrders = CustomerOrders(store: store, now: now)
        shipments = Shipments(store: store, now: now)
        accounts = Accounts(store: store, now: now, credentials: credentials, confirmationMail: confirmationMail)
        catalogue = AdminCatalogue(store: store, now: now)
    }
}
