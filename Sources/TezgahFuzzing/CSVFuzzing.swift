import Foundation
import TezgahStore

/// The CSV reader reads a file through a buffer it refills; a record, a quoted line break, a CRLF or
/// a byte-order mark split across refills must read as it does in one piece. So every input is read
/// twice, with a buffer of 1 to 64 bytes (chosen by the input) and with the importers' own size, and
/// both must give the same records, or the same error on the same line.
enum CSVFuzzing {
    /// In memory where the system has /dev/shm: writing each input to a disk file was most of the time.
    private static let path = (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
        + "/tezgah-fuzz-\(getpid()).csv"

    static func run(_ bytes: [UInt8]) throws {
        guard let first = bytes.first else { return }
        let small = Int(first % 64) + 1
        let content = Data(bytes.dropFirst())
        guard FileManager.default.createFile(atPath: path, contents: content) else {
            throw FuzzFinding("cannot write \(path)")
        }
        defer { unlink(path) }
        let whole = outcome { try CSVFileRecords.read(path: path) }
        let pieces = outcome { try CSVFileRecords.read(path: path, chunkSize: small) }
        guard whole == pieces else {
            throw FuzzFinding("a \(small)-byte buffer reads \(pieces) where one piece reads \(whole)")
        }
    }

    private static func outcome(_ read: () throws -> [CSVFileRecords.Record]) -> String {
        do { return "\(try read())" } catch { return "error: \(error)" }
    }
}
