import RepairCore
import WebSecurity

extension LoginThrottle {
    /// Reserves one failure for the account and the client, counted by the e-mail's look-up key (case and
    /// spaces do not make a new account) and by `ClientKey` (an IPv6 client by its /64).
    func acquire(account: String, address: String) -> RateLimitDecision {
        acquire(accountKey: EmailAddress.lookUpKey(account), addressKey: ClientKey.forAddress(address))
    }

    /// The password was right: clears the account's failures and refunds the client's reservation.
    func recordSuccess(account: String, address: String) {
        recordSuccess(accountKey: EmailAddress.lookUpKey(account), addressKey: ClientKey.forAddress(address))
    }
}
