import Foundation
import Tezgah

/// RFC 4180 CSV read straight from the file's bytes, one record at a time, in constant memory.
///
/// Why not CSV.swift: it decodes every character into a `Unicode.Scalar` and builds a `String`
/// for every cell, which alone took 2.5× as long as `sqlite3 .import` takes for a whole 100k-order
/// export (issue #3's import target is 2×). Here a record's cells are unescaped into one byte buffer
/// and only the cells an importer asks for become strings.
///
/// The grammar (RFC 4180 §2, with what exports do in practice): records end with CRLF, LF or a
/// lone CR; a cell in double quotes may hold commas, line breaks and `""` for a quote; a quote
/// inside an unquoted cell is kept as it is; a UTF-8 byte-order mark at the start is skipped.
/// A quoted cell that goes on after its closing quote, or never closes, is an error with its line.
final class CSVRowReader {
    struct SyntaxError: Error, Equatable {
        var line: Int
        var reason: Said

        static func == (a: SyntaxError, b: SyntaxError) -> Bool { (a.line, a.reason.english) == (b.line, b.reason.english) }
    }

    private let descriptor: Int32
    private var buffer: [UInt8]
    private var position = 0
    private var filled = 0
    private var endOfFile = false
    /// Bytes taken from the file so far, for progress.
    private(set) var bytesRead = 0
    /// The line the next record starts on.
    private var line = 1
    /// The last record ended with CR; a LF right after it belongs to the same line break.
    private var skipLineFeed = false

    /// The current record's cells, unescaped and laid end to end; `cellEnds[i]` ends cell `i`.
    private var cells: [UInt8] = []
    private var cellEnds: [Int] = []
    /// The line the current record starts on.
    private(set) var recordLine = 0

    init(path: String, chunkSize: Int = 1 << 20) throws {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw SyntaxError(line: 0, reason: Said("cannot be read: {reason}.", ["reason": String(cString: strerror(errno))])) }
        // Room for the three bytes of a byte-order mark, however small the chunk (the fuzzer's are).
        buffer = [UInt8](repeating: 0, count: max(chunkSize, 3))
        cells.reserveCapacity(4_096)
        repeat { try refill() } while filled < 3 && !endOfFile
        if filled - position >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
    }

    deinit { close(descriptor) }

    /// How many cells the current record has.
    var count: Int { cellEnds.count }

    /// Cell `index` of the current record as text (the bytes were checked to be UTF-8 beforehand).
    func string(_ index: Int) -> String {
        let start = index == 0 ? 0 : cellEnds[index - 1]
        return cells.withUnsafeBufferPointer { String(decoding: $0[start..<cellEnds[index]], as: UTF8.self) }
    }

    /// Cell `index` as text without the spaces and tabs around it, trimmed on its bytes.
    func trimmedString(_ index: Int) -> String {
        var start = index == 0 ? 0 : cellEnds[index - 1]
        var end = cellEnds[index]
        return cells.withUnsafeBufferPointer { bytes in
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }

    /// True when cell `index` holds no bytes.
    func isEmpty(_ index: Int) -> Bool {
        cellEnds[index] == (index == 0 ? 0 : cellEnds[index - 1])
    }

    private enum State { case cellStart, plain, quoted, quoteInQuoted }

    /// Reads the next record; false at the end of the file.
    ///
    /// One loop over the buffered bytes with the state in locals: stored properties of a class
    /// touched byte by byte cost a runtime exclusivity check each, which was most of the time.
    func next() throws -> Bool {
        var out: [UInt8] = []
        var ends: [Int] = []
        swap(&out, &cells)
        swap(&ends, &cellEnds)
        out.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        defer {
            swap(&out, &cells)
            swap(&ends, &cellEnds)
        }
        if skipLineFeed {
            skipLineFeed = false
            if try peek() == 0x0A { position += 1 }
        }
        if position == filled { try refill() }
        guard position < filled else { return false }
        recordLine = line
        var state = State.cellStart
        var lines = 0
        var quoteLine = line
        while true {
            if position == filled {
                try refill()
                if position == filled { break }
            }
            var index = position
            let limit = filled
            var finished = false
            var failure: SyntaxError?
            buffer.withUnsafeBufferPointer { bytes in
                scan: while index < limit {
                    let byte = bytes[index]
                    index += 1
                    switch state {
                    case .cellStart:
                        if byte == 0x22 {
                            state = .quoted
                            quoteLine = recordLine + lines
                            continue scan
                        }
                        state = .plain
                        fallthrough
                    case .plain:
                        switch byte {
                        case 0x2C: ends.append(out.count); state = .cellStart
                        case 0x0A: finished = true; break scan
                        case 0x0D: finished = true; skipLineFeed = true; break scan
                        default:
                            // The rest of the cell's ordinary bytes in one copy.
                            let start = index - 1
                            while index < limit, bytes[index] != 0x2C, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
                            out.append(contentsOf: bytes[start..<index])
                        }
                    case .quoted:
                        if byte == 0x22 { state = .quoteInQuoted } else {
                            // Up to the next quote in one copy, counting the line breaks inside.
                            let start = index - 1
                            if byte == 0x0A { lines += 1 }
                            while index < limit, bytes[index] != 0x22 {
                                if bytes[index] == 0x0A { lines += 1 }
                                index += 1
                            }
                            out.append(contentsOf: bytes[start..<index])
                        }
                    case .quoteInQuoted:
                        switch byte {
                        case 0x22: out.append(0x22); state = .quoted
                        case 0x2C: ends.append(out.count); state = .cellStart
                        case 0x0A: finished = true; break scan
                        case 0x0D: finished = true; skipLineFeed = true; break scan
                        default:
                            failure = SyntaxError(line: recordLine + lines, reason: Said("a quoted cell goes on after its closing quote; a quote inside a quoted cell is written twice (\"\")."))
                            break scan
                        }
                    }
                }
            }
            position = index
            if let failure { throw failure }
            if finished {
                lines += 1
                break
            }
        }
        if state == .quoted {
            throw SyntaxError(line: quoteLine, reason: Said("a quoted cell starting here never ends; a quote is missing."))
        }
        ends.append(out.count)
        line = recordLine + lines
        return true
    }

    private func peek() throws -> UInt8? {
        if position == filled { try refill() }
        return position < filled ? buffer[position] : nil
    }

    /// Moves unread bytes to the front and reads more after them.
    private func refill() throws {
        guard !endOfFile else { return }
        let unread = filled - position
        if unread > 0 && position > 0 {
            buffer.withUnsafeMutableBufferPointer { bytes in
                _ = memmove(bytes.baseAddress!, bytes.baseAddress! + position, unread)
            }
        }
        filled = unread
        position = 0
        let got = buffer.withUnsafeMutableBufferPointer { bytes in
            read(descriptor, bytes.baseAddress! + unread, bytes.count - unread)
        }
        if got < 0 { throw SyntaxError(line: line, reason: Said("cannot be read: {reason}.", ["reason": String(cString: strerror(errno))])) }
        if got == 0 { endOfFile = true }
        filled += got
        bytesRead += got
    }
}
