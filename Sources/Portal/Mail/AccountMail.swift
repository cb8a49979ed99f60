import Foundation
import RepairApp
import RepairCore

/// The texts of account mails. Plain text, English; the link is the only way in.
struct AccountMail: Sendable {
    let configuration: PortalConfiguration

    /// The confirmation mail of `invite`, for the use cases to enqueue in their transaction.
    func confirmation(_ invite: ConfirmationInvite) -> OutgoingMail {
        makeConfirmationMail(
            for: invite.user, link: confirmationURL(token: invite.token), expiresAt: invite.expiresAt,
            isResend: invite.isResend)
    }

    /// The confirmation mail for `user` carrying `link`, which works until `expiresAt`.
    func makeConfirmationMail(for user: User, link: String, expiresAt: Date, isResend: Bool) -> OutgoingMail {
        let site = configuration.siteName
        let intro =
            isResend
            ? "here is a new link to confirm your \(site) account; earlier links no longer work."
            : "an account has been created for you on \(site)."
        let body = """
            Hello \(user.displayName),

            \(intro)

            To confirm your e-mail address and choose a password, open this link:

            \(link)

            The link works once and expires at \(expiresAt.formatted(.iso8601)).
            If you did not expect this message, you can ignore it.

            -- 
            \(site)
            """
        return OutgoingMail(
            recipient: user.email, recipientName: user.displayName, subject: "Confirm your \(site) account",
            body: body, messageID: makeMessageID(kind: "account"))
    }

    /// A fresh, globally unique Message-ID on the portal's public host; stored with the row, so stable across resends.
    func makeMessageID(kind: String) -> String {
        let host = URL(string: configuration.publicBaseURL)?.host ?? "repairshop.invalid"
        let safeHost =
            host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") } && !host.isEmpty
        return "\(kind)-\(UUID().uuidString.lowercased())@\(safeHost ? host : "repairshop.invalid")"
    }

    /// The confirmation link for `token`.
    func confirmationURL(token: String) -> String {
        var base = configuration.publicBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/confirm/" + token
    }
}
