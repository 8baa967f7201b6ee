import Foundation
import Tezgah

/// A CSV file read record by record (constant memory), knowing the physical line each record
/// starts on, so errors can say `orders.csv:42` even when earlier cells held quoted newlines.
final class CSVRecords {
    let file: String
    let header: [String]
    private let reader: CSVRowReader
    private let columns: [String: Int]
    /// The line the current record starts on.
    private(set) var line = 1
    /// Bytes of the file, and about how many have been read, for progress.
    let size: Int
    var consumed: Int { reader.bytesRead }

    init(path: String) throws {
        file = (path as NSString).lastPathComponent
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let reader = try? CSVRowReader(path: path) else {
            throw ImportError(file: path, reason: Said("cannot read the file."))
        }
        size = (attributes[.size] as? Int) ?? 0
        try Self.refuseIfNotUTF8(path: path, file: file)
        self.reader = reader
        let names = try Self.read(reader, file: file) ? (0..<reader.count).map(reader.trimmedString) : []
        guard names.contains(where: { !$0.isEmpty }) else {
            throw ImportError(file: file, line: 1, reason: Said("the file has no header line."))
        }
        header = names
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() where !name.isEmpty {
            // Two columns of one name: which one the import read would be a guess.
            guard columns[name] == nil else {
                throw ImportError(file: file, line: 1, reason: Said("the header names \"{value}\" twice; each column needs its own name.", ["value": name]))
            }
            columns[name] = index
        }
        self.columns = columns
    }

    /// Advances to the next record; false at the end of the file.
    func next() throws -> Bool {
        guard try Self.read(reader, file: file) else { return false }
        line = reader.recordLine
        if reader.count == 1 && reader.isEmpty(0) { return try next() } // a blank line
        // A stray comma shifts every later cell; saying so beats blaming whichever cell breaks first.
        if reader.count != header.count {
            throw error(nil, Said("the row has {cells} cells where the header has {columns}; a comma inside a cell needs the cell in double quotes.",
                                  ["cells": String(reader.count), "columns": String(header.count)]))
        }
        return true
    }

    /// The reader's next record, its CSV mistakes as the import's `file:line: why`.
    private static func read(_ reader: CSVRowReader, file: String) throws -> Bool {
        do { return try reader.next() } catch let error as CSVRowReader.SyntaxError {
            throw ImportError(file: file, line: error.line, reason: error.reason)
        }
    }

    func has(_ column: String) -> Bool { columns[column] != nil }

    /// Where a column is in each record (nil when the header lacks it); an importer reading many
    /// rows looks its columns up once.
    func position(of column: String) -> Int? { columns[column] }

    /// The current record's value in a column ("" when the column is absent or the row is short).
    subscript(column: String) -> String { self[position: position(of: column)] }

    /// The current record's value at a column's `position` ("" when it is nil or the row is short).
    subscript(position position: Int?) -> String {
        guard let position, position < reader.count else { return "" }
        return reader.trimmedString(position)
    }

    /// An e-mail address from `column`, lowercased; "" when the cell is empty. Something that
    /// cannot be an address (no @, spaces, a line break) is refused rather than mailed to.
    func email(_ value: String, column: String, line: Int? = nil) throws -> String {
        let address = value.lowercased()
        guard address.isEmpty || EmailAddressShape.isPlausible(address) else {
            throw error(column, Said("\"{value}\" is not an e-mail address.", ["value": value]), line: line)
        }
        return address
    }

    /// The error for a cell on `line` (the current line unless the order started earlier).
    func error(_ column: String?, _ reason: Said, line: Int? = nil) -> ImportError {
        ImportError(file: file, line: line ?? self.line, column: column, reason: reason)
    }

    /// The currency a `Currency` cell names (three letters), or the error for that cell on `line`
    /// (the current line unless the order started earlier).
    func currency(_ code: String, line: Int? = nil) throws -> Currency {
        guard code.utf8.count == 3, code.utf8.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
            throw ImportError(file: file, line: line ?? self.line, column: "Currency",
                              reason: Said("\"{value}\" is not a three-letter currency code such as TRY or EUR.", ["value": code]))
        }
        return Currency.code(code)
    }

    /// Turkish shops' spreadsheets often save Windows-1254 or ISO-8859-9; decoding those as UTF-8
    /// would give mojibake, so such a file is refused before anything is read, with what to do.
    private static func refuseIfNotUTF8(path: String, file: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        var carry = [UInt8]()
        var offset = 0 // of `carry`'s first byte in the file
        /// The line of the byte at `offset` in the file, counted only when there is something to say.
        func line(at offset: Int) -> Int {
            guard let again = FileHandle(forReadingAtPath: path), let bytes = try? again.read(upToCount: offset) else { return 0 }
            try? again.close()
            return 1 + bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            let bytes = carry + [UInt8](chunk)
            // NUL is valid UTF-8 but in no text export: a spreadsheet's own file, or a broken one.
            if let nul = bytes.withUnsafeBytes({ raw in memchr(raw.baseAddress!, 0, raw.count).map { $0 - UnsafeMutableRawPointer(mutating: raw.baseAddress!) } }) {
                throw ImportError(file: file, line: line(at: offset + nul), reason: Said("the file holds a NUL byte, which no CSV export has (a spreadsheet's own .xlsx or .numbers file, or a broken one); export it as CSV UTF-8 and import it again."))
            }
            switch scanUTF8(bytes) {
            case .invalid(let index):
                throw ImportError(file: file, line: line(at: offset + index), reason: Said("the file is not UTF-8 (a Windows-1254 or ISO-8859-9 export, perhaps); save it from your spreadsheet as \"CSV UTF-8\" and import it again."))
            case .valid(let complete):
                carry = Array(bytes[complete...])
                offset += complete
            }
        }
        if !carry.isEmpty {
            throw ImportError(file: file, line: line(at: offset), reason: Said("the file ends in the middle of a UTF-8 character."))
        }
    }

    enum UTF8Scan: Equatable {
        /// Valid up to `complete`; bytes after it start a character that continues in the next chunk.
        case valid(complete: Int)
        case invalid(at: Int)
    }

    /// Finds the first byte that cannot be UTF-8 (RFC 3629 lead and continuation bytes).
    static func scanUTF8(_ bytes: [UInt8]) -> UTF8Scan {
        var index = 0
        while index < bytes.count {
            // Exports are mostly ASCII: eight bytes at a time while none has its high bit set.
            while index + 8 <= bytes.count, bytes.withUnsafeBytes({ $0.loadUnaligned(fromByteOffset: index, as: UInt64.self) })
                    & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < bytes.count else { break }
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return .invalid(at: index)
            }
            if index + length > bytes.count {
                for k in (index + 1)..<bytes.count where bytes[k] & 0xC0 != 0x80 { return .invalid(at: index) }
                return .valid(complete: index)
            }
            for k in 1..<length where bytes[index + k] & 0xC0 != 0x80 { return .invalid(at: index) }
            index += length
        }
        return .valid(complete: bytes.count)
    }
}
