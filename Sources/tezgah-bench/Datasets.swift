import Foundation
import TezgahStore
import TezgahRuntime

/// Demo shops for the figures, built once with the demo generator and kept in a cache folder.
struct Datasets {
    let folder: String

    /// The path of a demo shop with `orders` orders, building it if it is not there yet.
    func shop(orders: Int) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = "\(folder)/orders-\(orders).sqlite"
        if !FileManager.default.fileExists(atPath: path) {
            print("building a demo shop with \(orders) orders in \(path)…")
            let start = ContinuousClock.now
            try DemoShop.mailed(orders: orders, seed: 42).build(at: path)
            print(String(format: "  built in %.1f s", (ContinuousClock.now - start).milliseconds / 1_000))
        }
        return path
    }
}

/// Removes a scratch database and the WAL files SQLite keeps beside it.
func removeDatabaseFiles(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}
