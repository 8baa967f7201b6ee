import Foundation

/// A whole CSV file as records, with the line each starts on: for the fuzzer's comparison of two
/// buffer sizes and for tests. Importers read record by record instead.
public enum CSVFileRecords {
    public struct Record: Equatable, Sendable {
        public var line: Int
        public var cells: [String]
    }

    /// The file's records; the reader's first syntax error (with its line) is thrown.
    public static func read(path: String, chunkSize: Int = 1 << 20) throws -> [Record] {
        let reader = try CSVRowReader(path: path, chunkSize: chunkSize)
        var records: [Record] = []
        while try reader.next() {
            records.append(Record(line: reader.recordLine, cells: (0..<reader.count).map(reader.string)))
        }
        return records
    }
}
