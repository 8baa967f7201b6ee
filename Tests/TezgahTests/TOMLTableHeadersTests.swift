import Foundation
import Testing
import Tezgah

/// Table headers that would abort the TOML reader (found by the config fuzzer) are refused first,
/// with their line; everything else, headers in strings and arrays included, is left to the reader.
@Suite struct TOMLTableHeadersTests {
    @Test(arguments: ["[", "[[", "[ ", "[.mail]", "[ .mail]", "[[.x]]", "[[ .a]]", "[=a]", "[,]", "[#]", "[!a]", "[ş]"])
    func headersTheReaderCannotTakeAreRefusedWithTheirLine(_ header: String) {
        let text = "# shop\nname = \"Ayşe\"\n\n\(header)\nx = 1\n"
        #expect(TOMLTableHeaders.firstProblem(in: text)?.line == 4)
    }

    @Test func everythingElseIsLeftToTheReader() throws {
        let fine = [
            "[mail]\nfrom = \"a@b\"\n[mail.smtp]\nhost = \"x\"\n",
            "[[rules]]\nname = \"a\"\n[ \"quoted key\" ]\n['literal']\n[-dash]\n[_u]\n[9]\n",
            // Lines starting with [ inside an array value, a multi-line string, or after a comment.
            "matrix = [\n  [1, 2],\n  [ .5 ],\n]\nnote = \"\"\"\n[.not a header\n\"\"\"\nlit = '''\n[ş]\n'''\n# [.comment]\n",
            "sync_command = [\"mbsync\", # a comment with [ in it\n  \"shop\"]\n[ui]\n",
            "s = \"a [ b\"\nt = 'c ] d'\n[next]\n",
            "[]\n", // the reader's own error
        ]
        for text in fine { #expect(TOMLTableHeaders.firstProblem(in: text) == nil, "\(text)") }
        let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Themes").standardized
        for name in try FileManager.default.contentsOfDirectory(atPath: themes.path) where name.hasSuffix(".toml") {
            #expect(TOMLTableHeaders.firstProblem(in: try String(contentsOf: themes.appendingPathComponent(name), encoding: .utf8)) == nil, "\(name)")
        }
    }
}
