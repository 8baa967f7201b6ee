import Foundation
import Testing
@testable import TezgahStore
import Tezgah

/// The CSV grammar of RFC 4180 §2 and what spreadsheets and shop exports write beside it.
@Suite struct CSVRowReaderTests {
    /// Every record of `bytes`, each with the line it starts on.
    private func records(_ bytes: [UInt8], chunkSize: Int = 1 << 20) throws -> [(line: Int, cells: [String])] {
        let folder = TemporaryFolder()
        let path = folder.file("in.csv")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try CSVFileRecords.read(path: path, chunkSize: chunkSize).map { ($0.line, $0.cells) }
    }

    private func records(_ text: String, chunkSize: Int = 1 << 20) throws -> [(line: Int, cells: [String])] {
        try records(Array(text.utf8), chunkSize: chunkSize)
    }

    @Test func recordsEndWithCRLFOrLFAndTheLastLineBreakIsOptional() throws {
        // §2.1 and §2.2
        #expect(try records("aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n").map(\.cells) == [["aaa", "bbb", "ccc"], ["zzz", "yyy", "xxx"]])
        #expect(try records("aaa,bbb,ccc\nzzz,yyy,xxx").map(\.cells) == [["aaa", "bbb", "ccc"], ["zzz", "yyy", "xxx"]])
        // Old Mac line ends (a lone CR) are line breaks too.
        #expect(try records("a,b\rc,d\r").map(\.cells) == [["a", "b"], ["c", "d"]])
    }

    @Test func quotedCellsHoldCommasLineBreaksAndDoubledQuotes() throws {
        // §2.5–2.7
        let text = "\"aaa\",\"b\r\nbb\",\"ccc\"\r\nzzz,\"say \"\"hi\"\"\",\"x,y\"\r\n"
        let read = try records(text)
        #expect(read.map(\.cells) == [["aaa", "b\r\nbb", "ccc"], ["zzz", "say \"hi\"", "x,y"]])
        // The second record starts on line 3: the first one's cell held a line break.
        #expect(read.map(\.line) == [1, 3])
    }

    @Test func emptyCellsAreKeptAtEitherEndAndInTheMiddle() throws {
        #expect(try records(",a,,b,\n").map(\.cells) == [["", "a", "", "b", ""]])
        #expect(try records("a,\"\"\n").map(\.cells) == [["a", ""]])
        #expect(try records("a,b,").map(\.cells) == [["a", "b", ""]])
        // A blank line is a record of one empty cell (the importer skips it).
        #expect(try records("a\n\nb\n").map(\.cells) == [["a"], [""], ["b"]])
    }

    @Test func aQuoteInsideAnUnquotedCellIsKeptAsItIs() throws {
        #expect(try records("5\" vinyl,ok\n").map(\.cells) == [["5\" vinyl", "ok"]])
    }

    @Test func aByteOrderMarkAtTheStartIsSkipped() throws {
        // Even when the reader's buffer is smaller than the mark (the fuzzer found chunks of 1 and 2 kept it).
        for chunkSize in [1, 2, 3, 1 << 20] {
            #expect(try records([0xEF, 0xBB, 0xBF] + Array("Name,Email\n#1,a@b\n".utf8), chunkSize: chunkSize).map(\.cells) == [["Name", "Email"], ["#1", "a@b"]])
        }
    }

    @Test func turkishTextAndCellsAcrossBufferBoundariesReadWhole() throws {
        // A 7-byte buffer splits cells, quotes, doubled quotes, CRLFs and two-byte letters.
        let text = "Işık,\"Şükrü \"\"Ç\"\", İzmir\"\r\nçay bardağı,\"a\r\nb\"\r\nson,satır"
        let small = try records(text, chunkSize: 7)
        let whole = try records(text)
        #expect(small.map(\.cells) == whole.map(\.cells))
        #expect(small.map(\.line) == [1, 2, 4])
        #expect(whole.map(\.cells) == [["Işık", "Şükrü \"Ç\", İzmir"], ["çay bardağı", "a\r\nb"], ["son", "satır"]])
    }

    @Test func aQuotedCellThatNeverClosesNamesTheLineItOpensOn() throws {
        #expect(throws: CSVRowReader.SyntaxError(line: 2, reason: Said("a quoted cell starting here never ends; a quote is missing."))) {
            try records("a,b\nc,\"open\nmore\nstill\n")
        }
    }

    @Test func textAfterAClosingQuoteIsRefusedWithItsLine() throws {
        #expect(throws: CSVRowReader.SyntaxError(line: 3, reason: Said("a quoted cell goes on after its closing quote; a quote inside a quoted cell is written twice (\"\")."))) {
            try records("a,b\nc,d\n\"12\" vinyl\",x\n")
        }
    }

    @Test func anImportNamesTheFileAndLineOfACSVMistake() throws {
        let folder = TemporaryFolder()
        let database = try AppDatabase(path: folder.file("shop.sqlite"))
        let path = folder.file("orders.csv")
        try "\(ShopifyImportTests.header)\n#1,\"unclosed\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ImportError(file: "orders.csv", line: 2, reason: Said("a quoted cell starting here never ends; a quote is missing."))) {
            try database.importFile(path)
        }
        // A Turkish desk says the same with the same file and line.
        let error = try #require(throws: ImportError.self) { try database.importFile(path) }
        #expect(error.sentence(in: .turkish)
                == "orders.csv:2: burada başlayan tırnaklı hücre hiç bitmiyor; bir tırnak eksik. Bu dosyadan hiçbir şey içe aktarılmadı.")
    }
}
