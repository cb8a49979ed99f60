import Foundation
import Mail
import Portal

extension ServeCommand {
    /// Mail settings from `--smtp-host`, `--smtp-port`, `--mail-from`, `--mail-dir` and their variables.
    static func mailSettings(_ setting: (String, String) -> String?) throws(CLIError) -> MailSettings {
        var mail = MailSettings()
        if let from = setting("mail-from", "REPAIRSHOP_MAIL_FROM") {
            guard MailSettings.isPlainAddress(from) else {
                throw .usage("--mail-from must be a plain address like shop@example.com, not '\(from)'")
            }
            mail.fromAddress = from
        }
        var port: UInt16?
        if let text = setting("smtp-port", "REPAIRSHOP_SMTP_PORT") {
            guard let number = UInt16(text), number > 0 else {
                throw .usage("--smtp-port must be a number from 1 to 65535, not '\(text)'")
            }
            port = number
        }
        if let host = setting("smtp-host", "REPAIRSHOP_SMTP_HOST"), !host.isEmpty {
            mail.transport = .smtp(try submission(host: host, port: port, setting))
        } else {
            let folder = setting("mail-dir", "REPAIRSHOP_MAIL_DIR") ?? MailSettings.defaultFolder
            guard !folder.isEmpty else { throw .usage("--mail-dir must not be empty") }
            mail.useFolder(folder)
        }
        return mail
    }

    /// The SMTP settings for `host`: the security from `--smtp-security` (else what the port means: 465 TLS, 587
    /// STARTTLS, else none), AUTH from `--smtp-user` with the password from `--smtp-password-file` or
    /// `REPAIRSHOP_SMTP_PASSWORD` (never a flag: the command line is visible to every user of the machine).
    static func submission(host: String, port: UInt16?, _ setting: (String, String) -> String?) throws(CLIError)
        -> SMTPConfiguration
    {
        var configuration = SMTPConfiguration(host: host, port: port ?? 25)
        if let text = setting("smtp-security", "REPAIRSHOP_SMTP_SECURITY") {
            guard let security = SMTPSecurityOption(rawValue: text) else {
                throw .usage("--smtp-security must be none, starttls or tls, not '\(text)'")
            }
            configuration.security = security.security
        } else if port == 465 {
            configuration.security = .implicitTLS
        } else if port == 587 {
            configuration.security = .startTLS
        }
        if port == nil {
            configuration.port = configuration.security == .implicitTLS ? 465 : configuration.security == .startTLS ? 587 : 25
        }
        if let file = setting("smtp-ca-file", "REPAIRSHOP_SMTP_CA_FILE") {
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw .usage("--smtp-ca-file must be a readable PEM file, not '\(file)'")
            }
            configuration.trustedCertificatesFile = file
        }
        let user = setting("smtp-user", "REPAIRSHOP_SMTP_USER")
        // The password has no flag of its own: an empty option name reads only the variable.
        var password = setting("", "REPAIRSHOP_SMTP_PASSWORD")
        if let file = setting("smtp-password-file", "REPAIRSHOP_SMTP_PASSWORD_FILE") {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw .usage("--smtp-password-file must be a readable file, not '\(file)'")
            }
            password = String(text.trimmingCharacters(in: .newlines))
        }
        switch (user, password) {
        case (nil, nil): break
        case (let user?, let password?) where !user.isEmpty && !password.isEmpty:
            guard configuration.security != .none else {
                throw .usage("AUTH sends the password: --smtp-user needs --smtp-security starttls or tls")
            }
            configuration.credentials = SMTPCredentials(username: user, password: password)
        case (let user?, _) where !user.isEmpty:
            throw .usage("--smtp-user needs a password in --smtp-password-file or $REPAIRSHOP_SMTP_PASSWORD")
        default:
            throw .usage("an SMTP password needs --smtp-user")
        }
        return configuration
    }
}

/// The `--smtp-security` words.
enum SMTPSecurityOption: String {
    case none, starttls, tls

    var security: SMTPSecurity {
        switch self {
        case .none: .none
        case .starttls: .startTLS
        case .tls: .implicitTLS
        }
    }
}
