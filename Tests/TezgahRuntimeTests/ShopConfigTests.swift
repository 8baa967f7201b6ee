import Foundation
import Testing
import Tezgah
import TezgahMail
import TezgahTestSupport
@testable import TezgahRuntime

/// config.toml as the owner writes it: what is accepted, and the one sentence each mistake gets.
@Suite struct ShopConfigTests {
    let folder = TemporaryFolder("tezgah-config")

    func load(_ text: String) throws -> ShopConfig {
        let path = folder.file("config.toml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try ShopConfig.load(path: path, required: true)
    }

    /// The error a config gives when its mail settings are read, or nil when it loads.
    func mailError(_ text: String) -> String? {
        do {
            _ = try load(text).mailSettings()
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Found by the fuzzer: the TOML reader's message can quote a line break, and a header that
    /// does not start like a key aborted the reader; both are one sentence with the line now.
    @Test func syntaxErrorsAreOneSentenceOnOneLine() {
        #expect(mailError("[ui]\nmouse = tru\n") == "\(folder.file("config.toml")):2: Error while parsing boolean: expected 'true', saw 'tru '.")
        #expect(mailError("[shop]\n[ş]\n") == "\(folder.file("config.toml")):2: a table name in [ ] starts with a letter, digit, _ or - (ASCII), or is in quotes.")
    }

    @Test func theIssueExampleLoads() throws {
        setenv("TEZGAH_TEST_SMTP_PASSWORD_1", "gizli", 1)
        let config = try load("""
            [shop]
            time_zone = "Europe/Istanbul"

            [mail]
            from = "Ayşe'nin Dükkanı <destek@example.com>"
            transport = "smtp"                       # or "sendmail"
            [mail.smtp]
            host = "smtp.example.com"
            port = 587
            security = "starttls"
            username = "destek@example.com"
            password_env = "TEZGAH_TEST_SMTP_PASSWORD_1"
            [mail.sendmail]
            command = ["/usr/sbin/sendmail", "-t", "-oi"]
            [mail.queue]
            marketing_per_day = 1
            marketing_per_30_days = 3
            quiet_hours = "21:00-09:00"
            """)
        #expect(config.timeZone.identifier == "Europe/Istanbul")
        let mail = try config.mailSettings()
        #expect(mail.from.displayName == "Ayşe'nin Dükkanı")
        #expect(mail.from.address == "destek@example.com")
        guard case .smtp(let smtp) = mail.transport else {
            Issue.record("expected SMTP")
            return
        }
        #expect(smtp.host == "smtp.example.com" && smtp.port == 587 && smtp.security == .starttls)
        #expect(smtp.connections == SMTPSettings.defaultConnections && mail.lanes == SMTPSettings.defaultConnections)
        #expect(smtp.username == "destek@example.com" && smtp.password == "gizli")
        #expect(mail.marketing.perThirtyDays == 3)
        #expect(mail.marketing.quietHours?.start == 21 * 60)
        #expect(mail.marketing.quietHours?.timeZone.identifier == "Europe/Istanbul")
    }

    @Test func shopShipmentsAndTrackingLinks() throws {
        let config = try load("""
            [shop]
            name = "Ayşe'nin Dükkanı"
            return_policy = "14 gün içinde ücretsiz iade."
            [shipments]
            stalled_days = 5
            [tracking.urls]
            yurtici = "https://kargo.example/takip?no={n}"
            """)
        #expect(config.shopName == "Ayşe'nin Dükkanı")
        #expect(config.returnPolicy == "14 gün içinde ücretsiz iade.")
        #expect(config.attentionRule.stalledAfter == 5 * 86_400)
        #expect(config.trackingLinks.url(.yurtici, "123") == "https://kargo.example/takip?no=123")
        #expect(config.trackingLinks.url(.ups, "1Z1") == "https://www.ups.com/track?tracknum=1Z1")
        #expect(!config.hasMail)
        let file = folder.file("config.toml")
        func error(_ text: String) -> String? {
            do { _ = try load(text); return nil } catch { return "\(error)" }
        }
        #expect(error("[tracking.urls]\npigeon = \"https://x/{n}\"")?.hasPrefix("\(file):2: key \"tracking.urls.pigeon\": unknown key") == true)
        #expect(error("[tracking.urls]\nups = \"https://x/\"") == "\(file):2: key \"tracking.urls.ups\": expected a web address with {n} where the tracking number goes.")
        #expect(error("[shipments]\nstalled_days = 0") == "\(file):2: key \"shipments.stalled_days\": expected a number of at least 1.")
    }

    /// The title bar and the mail sign with the same name: the config's, else the database's.
    @Test func mailIsSignedWithTheNameTheDeskShows() throws {
        let named = try load("[shop]\nname = \"Ayşe'nin Dükkanı\"")
        #expect(named.shopName(stored: "Stored Name") == "Ayşe'nin Dükkanı")
        #expect(ShopConfig.defaults.shopName(stored: "Stored Name") == "Stored Name")
        #expect(ShopConfig.defaults.shopName(stored: nil) == "tezgah")
        // Without [mail], only the demo writes mail, from its undeliverable address, and it signs
        // with the config's name too.
        #expect(try OrderMails.configured(named, storedShopName: "Stored Name", templates: nil) == nil)
        let demo = try #require(try OrderMails.configured(named, storedShopName: "Stored Name", templates: nil, demo: true))
        #expect(demo.shopName == "Ayşe'nin Dükkanı")
        #expect(demo.composer.sender.displayName == "Ayşe'nin Dükkanı" && demo.composer.sender.address == "shop@demo.invalid")
        let mailing = try load("[mail]\nfrom = \"destek@example.com\"\ntransport = \"sendmail\"")
        #expect(try OrderMails.configured(mailing, storedShopName: "Stored Name", templates: nil)?.shopName == "Stored Name")
    }

    @Test func sendmailTransportTakesAnArgumentVector() throws {
        let mail = try load("""
            [mail]
            from = "destek@example.com"
            transport = "sendmail"
            [mail.sendmail]
            command = ["/usr/bin/msmtp", "-C", "/etc/msmtprc", "-t"]
            """).mailSettings()
        guard case .sendmail(let command) = mail.transport else {
            Issue.record("expected sendmail")
            return
        }
        #expect(command == ["/usr/bin/msmtp", "-C", "/etc/msmtprc", "-t"])
    }

    @Test func anUnknownKeyOrAWrongTypeNamesFileLineAndKey() {
        let file = folder.file("config.toml")
        #expect(mailError("""
            [mail]
            from = "destek@example.com"
            transport = "smtp"
            [mail.smtp]
            host = "localhost"
            prot = 25
            """) == "\(file):6: key \"mail.smtp.prot\": unknown key; [mail.smtp] has host, port, security, username, password_env, password_file, timeout_seconds, ca_file, helo_name, connections.")
        #expect(mailError("""
            [mail]
            from = "destek@example.com"

            [mail.smtp]
            host = "localhost"
            port = "587"
            """) == "\(file):6: key \"mail.smtp.port\": expected a whole number.")
        #expect(mailError("""
            [mail]
            from = "destek@example.com"
            [mail.smtp]
            host = "localhost"
            connections = 50
            """) == "\(file):5: key \"mail.smtp.connections\": expected a number of at most 20.")
        #expect(mailError("""
            [mail]
            from = "destek@example.com"
            transport = "pigeon"
            """) == "\(file):3: key \"mail.transport\": \"pigeon\" is not a transport; use \"smtp\" or \"sendmail\".")
        #expect(throws: ConfigError.self) { try load("[mail\nfrom = 1") }
    }

    @Test func asciiDrawingIsTrueFalseOrLeftToTheTerminal() throws {
        #expect(try load("[ui]\nascii = true").ascii == true)
        #expect(try load("[ui]\nascii = false").ascii == false)
        #expect(try load("[shop]\nname = \"x\"").ascii == nil)
        let file = folder.file("config.toml")
        #expect(mailError("[shop]\nname = \"x\"\n[ui]\nascii = \"yes\"") == "\(file):4: key \"ui.ascii\": expected true or false.")
        #expect(mailError("[ui]\nasci = true") == "\(file):2: key \"ui.asci\": unknown key; [ui] has ascii, mouse, language.")
    }

    @Test func theDesksLanguageIsEnglishOrTurkish() throws {
        #expect(try load("[ui]\nlanguage = \"tr\"").language == .turkish)
        #expect(try load("[ui]\nlanguage = \"English\"").language == .english)
        #expect(try load("[shop]\nname = \"x\"").language == nil)
        let file = folder.file("config.toml")
        #expect(mailError("[ui]\nmouse = true\nlanguage = \"de\"")
                == "\(file):3: key \"ui.language\": \"de\" is not a language the desk speaks (en or tr).")
        #expect(mailError("[ui]\nlanguage = 1") == "\(file):2: key \"ui.language\": expected a string in quotes.")
        // The same sentence for an owner whose terminal speaks Turkish: file, line and key as they are.
        let error = try #require(throws: ConfigError.self) { try load("[ui]\nmouse = true\nlanguage = \"de\"") }
        #expect(Language.turkish.say(error.said)
                == "\(file):3: \"ui.language\" anahtarı: \"de\" masanın konuştuğu bir dil değil (en ya da tr).")
    }

    @Test func clearTextIsOnlyForALocalRelay() {
        let file = folder.file("config.toml")
        let remote = mailError("""
            [mail]
            from = "destek@example.com"
            [mail.smtp]
            host = "smtp.example.com"
            security = "none"
            """)
        #expect(remote?.hasPrefix("\(file):5: key \"mail.smtp.security\": security = \"none\" sends passwords and mail in clear text") == true)
        #expect(mailError("""
            [mail]
            from = "destek@example.com"
            [mail.smtp]
            host = "127.0.0.1"
            port = 25
            security = "none"
            """) == nil)
    }

    @Test func aPasswordFileMustBeOwnerOnly() throws {
        let secret = folder.file("smtp-password")
        try "gizli şifre\n".write(toFile: secret, atomically: true, encoding: .utf8)
        let text = """
            [mail]
            from = "destek@example.com"
            [mail.smtp]
            host = "smtp.example.com"
            username = "destek"
            password_file = "\(secret)"
            connections = 1
            """
        chmod(secret, 0o644)
        let refused = mailError(text)
        #expect(refused == "\(folder.file("config.toml")):6: key \"mail.smtp.password_file\": \(secret) can be read by others (mode 644); run chmod 600 \(secret).")
        chmod(secret, 0o600)
        guard case .smtp(let smtp) = try load(text).mailSettings().transport else {
            Issue.record("expected SMTP")
            return
        }
        #expect(smtp.password == "gizli şifre")
        #expect(smtp.connections == 1)
    }

    @Test func aMissingPasswordVariableIsNamed() {
        let error = mailError("""
            [mail]
            from = "destek@example.com"
            [mail.smtp]
            host = "smtp.example.com"
            username = "destek"
            password_env = "TEZGAH_TEST_SMTP_PASSWORD_UNSET"
            """)
        #expect(error?.hasSuffix("key \"mail.smtp.password_env\": the environment variable TEZGAH_TEST_SMTP_PASSWORD_UNSET is not set.") == true)
    }

    @Test func quietHoursMustBeTwoTimes() {
        let error = mailError("""
            [mail]
            from = "destek@example.com"
            transport = "sendmail"
            [mail.queue]
            quiet_hours = "late"
            """)
        #expect(error == "\(folder.file("config.toml")):5: key \"mail.queue.quiet_hours\": expected two times of day such as \"21:00-09:00\".")
    }
}
