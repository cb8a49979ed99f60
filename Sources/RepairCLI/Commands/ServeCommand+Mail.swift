import Foundation
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
        var port: UInt16 = 25
        if let text = setting("smtp-port", "REPAIRSHOP_SMTP_PORT") {
            guard let number = UInt16(text), number > 0 else {
                throw .usage("--smtp-port must be a number from 1 to 65535, not '\(text)'")
            }
            port = number
        }
        if let host = setting("smtp-host", "REPAIRSHOP_SMTP_HOST"), !host.isEmpty {
            mail.useSMTP(host: host, port: port)
        } else {
            let folder = setting("mail-dir", "REPAIRSHOP_MAIL_DIR") ?? MailSettings.defaultFolder
            guard !folder.isEmpty else { throw .usage("--mail-dir must not be empty") }
            mail.useFolder(folder)
        }
        return mail
    }
}
