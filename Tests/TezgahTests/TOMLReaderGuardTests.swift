import Foundation
import Testing
import Tezgah

/// What would abort the TOML reader (found by the fuzzers: odd table headers, a list closed with a
/// brace) is refused first, with its line; everything else is left to the reader.
@Suite struct TOMLReaderGuardTests {
    @Test(arguments: ["[", "[[", "[ ", "[.mail]", "[ .mail]", "[[.x]]", "[[ .a]]", "[=a]", "[,]", "[#]", "[!a]", "[ş]"])
    func headersTheReaderCannotTakeAreRefusedWithTheirLine(_ header: String) {
        let text = "# shop\nname = \"Ayşe\"\n\n\(header)\nx = 1\n"
        #expect(TOMLReaderGuard.firstProblem(in: text)?.line == 4)
    }

    @Test(arguments: ["l = [}", "l = [1, }", "l = [ }", "t = { b = [} }", "l = [[}]]", "l = [\n  1,\n}"])
    func aListClosedWithABraceIsRefused(_ value: String) {
        #expect(TOMLReaderGuard.firstProblem(in: "[ui]\n\(value)\n")?.reason == "a } closes a list opened with [; a list ends with ]")
    }

    @Test func everythingElseIsLeftToTheReader() throws {
        let fine = [
            "[mail]\nfrom = \"a@b\"\n[mail.smtp]\nhost = \"x\"\n",
            "[[rules]]\nname = \"a\"\n[ \"quoted key\" ]\n['literal']\n[-dash]\n[_u]\n[9]\n",
            // Lines starting with [ inside an array value, a multi-line string, or after a comment.
            "matrix = [\n  [1, 2],\n  [ .5 ],\n]\nnote = \"\"\"\n[.not a header\n\"\"\"\nlit = '''\n[ş]\n'''\n# [.comment]\n",
            "sync_command = [\"mbsync\", # a comment with [ in it\n  \"shop\"]\n[ui]\n",
            "s = \"a [ b\"\nt = 'c ] d'\n[next]\n",
            "t = { a = [1, 2], b = { c = 3 } }\nu = [ { a = 1 }, { b = \"}\" } ]\n[next]\n",
            "[]\n", // the reader's own error
        ]
        for text in fine { #expect(TOMLReaderGuard.firstProblem(in: text) == nil, "\(text)") }
        let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Themes").standardized
        for name in try FileManager.default.contentsOfDirectory(atPath: themes.path) where name.hasSuffix(".toml") {
            #expect(TOMLReaderGuard.firstProblem(in: try String(contentsOf: themes.appendingPathComponent(name), encoding: .utf8)) == nil, "\(name)")
        }
    }
}
